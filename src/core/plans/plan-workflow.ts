import { z } from "zod";

/**
 * States of a plan version:
 * draft (черновик) → submitted (на согласовании) → returned (возвращён на доработку, with comments)
 * → submitted … → approved (утверждён: content frozen, execution and check-ins go on) → locked
 * (закрыт: period over or superseded; nothing changes). An approved plan changes only through a new
 * version («revise», with a reason): a new draft, the approved one kept as it is.
 */
export const PLAN_STATUSES = ["draft", "submitted", "returned", "approved", "locked"] as const;
/** State of a plan version. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Russian names of the plan states. */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Черновик",
  submitted: "На согласовании",
  returned: "Возвращён на доработку",
  approved: "Утверждён",
  locked: "Закрыт",
};

/** What a user can do with a plan version. */
export const PLAN_ACTIONS = ["submit", "return", "approve", "lock", "revise"] as const;
/** An action on a plan. */
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Russian names of the actions, for buttons. */
export const PLAN_ACTION_LABELS: Record<PlanAction, string> = {
  submit: "Отправить на согласование",
  return: "Вернуть на доработку",
  approve: "Утвердить",
  lock: "Закрыть",
  revise: "Создать новую версию",
};

/**
 * Who acts: the author side (a school for its programme, a МОЦ for its road map, the region for
 * its own) or the reviewer side (the МОЦ for a school's programme, the region for a road map).
 */
export type PlanSide = "author" | "reviewer";

/** Reviewer comments on a returned plan: on the whole and on single activities. */
export const reviewCommentsSchema = z.strictObject({
  overall: z.string().trim().max(4000).default(""),
  activities: z
    .array(
      z.strictObject({
        activityId: z.string().min(1),
        text: z.string().trim().min(1, "Пустой комментарий").max(4000),
      }),
    )
    .default([]),
});
/** Reviewer comments on a returned plan. */
export type ReviewComments = z.infer<typeof reviewCommentsSchema>;

type Transition = { from: readonly PlanStatus[]; to: PlanStatus; side: PlanSide; refusal: string };

const TRANSITIONS: Record<PlanAction, Transition> = {
  submit: {
    from: ["draft", "returned"],
    to: "submitted",
    side: "author",
    refusal: "Отправить план на согласование может только его составитель",
  },
  return: {
    from: ["submitted"],
    to: "returned",
    side: "reviewer",
    refusal: "Вернуть план на доработку может только проверяющий",
  },
  approve: {
    from: ["submitted"],
    to: "approved",
    side: "reviewer",
    refusal: "Утвердить план может только проверяющий",
  },
  lock: {
    from: ["approved"],
    to: "locked",
    side: "reviewer",
    refusal: "Закрыть план может только проверяющий",
  },
  revise: {
    from: ["approved"],
    to: "draft",
    side: "author",
    refusal: "Новую версию утверждённого плана создаёт его составитель",
  },
};

/** What is checked for a transition. */
export type PlanTransitionInput = {
  status: PlanStatus;
  action: PlanAction;
  side: PlanSide;
  /** Needed to return a plan: at least one comment. */
  comments?: ReviewComments;
  /** The plan's activity ids, to check that comments refer to its activities. */
  activityIds?: readonly string[];
  /** Needed to revise an approved plan. */
  reason?: string;
};

/** Why a transition is refused. */
export type PlanRefusal =
  | "wrong_side"
  | "wrong_state"
  | "comments_required"
  | "unknown_activity"
  | "reason_required";

/** The outcome of checking a transition; `isNewVersion` says the result is a new version, the old one kept. */
export type PlanTransitionCheck =
  | { ok: true; to: PlanStatus; isNewVersion: boolean }
  | { ok: false; reason: PlanRefusal; message: string };

function refuse(reason: PlanRefusal, message: string): PlanTransitionCheck {
  return { ok: false, reason, message };
}

function checkComments(input: PlanTransitionInput): PlanTransitionCheck | null {
  const comments = input.comments ?? { overall: "", activities: [] };
  const hasText =
    comments.overall.trim() !== "" || comments.activities.some((item) => item.text.trim() !== "");
  if (!hasText)
    return refuse("comments_required", "Напишите, что нужно исправить: замечание к плану или к мероприятию");
  const known = new Set(input.activityIds ?? []);
  const stranger = comments.activities.find((item) => !known.has(item.activityId));
  return stranger
    ? refuse("unknown_activity", "Замечание относится к мероприятию, которого нет в плане")
    : null;
}

/**
 * Checks an action on a plan version in a state by a side. The author submits (from draft or
 * returned) and revises an approved plan (a reason is required; the result is a new draft version);
 * the reviewer returns (with at least one comment, on the whole or on an activity of the plan),
 * approves and locks. Refusals are Russian sentences.
 */
export function checkPlanTransition(input: PlanTransitionInput): PlanTransitionCheck {
  const transition = TRANSITIONS[input.action];
  if (input.side !== transition.side) return refuse("wrong_side", transition.refusal);
  if (!transition.from.includes(input.status)) {
    const label = PLAN_STATUS_LABELS[input.status];
    return refuse(
      "wrong_state",
      `Действие «${PLAN_ACTION_LABELS[input.action]}» невозможно: план в состоянии «${label}»`,
    );
  }
  if (input.action === "return") {
    const problem = checkComments(input);
    if (problem) return problem;
  }
  if (input.action === "revise" && (input.reason ?? "").trim().length < 3) {
    return refuse("reason_required", "Укажите причину изменения утверждённого плана");
  }
  return { ok: true, to: transition.to, isNewVersion: input.action === "revise" };
}

/** The actions a side may take on a plan in a state, for the buttons it sees. */
export function allowedPlanActions(status: PlanStatus, side: PlanSide): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => {
    const transition = TRANSITIONS[action];
    return transition.side === side && transition.from.includes(status);
  });
}

/** True when the plan's content (sections, activities, links) may be edited: draft or returned. */
export function isPlanEditable(status: PlanStatus): boolean {
  return status === "draft" || status === "returned";
}

/** True when execution may be recorded (activity states, check-ins): an approved plan. */
export function canRecordExecution(status: PlanStatus): boolean {
  return status === "approved";
}
