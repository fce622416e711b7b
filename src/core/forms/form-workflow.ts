import type { Permission } from "../../shared/roles";

/**
 * States of a school's yearly data form:
 * draft (черновик) → submitted (отправлена в МОЦ) → approved (согласована МОЦ) → accepted (принята регионом);
 * returned (возвращена на доработку) goes back to the school, always with a message.
 */
export const FORM_STATUSES = ["draft", "submitted", "approved", "accepted", "returned"] as const;
/** A state of a data form. */
export type FormStatus = (typeof FORM_STATUSES)[number];

/** What a user can do with a form. */
export const FORM_ACTIONS = ["submit", "approve", "accept", "return"] as const;
/** An action on a data form. */
export type FormAction = (typeof FORM_ACTIONS)[number];

/** Russian names of the states. */
export const FORM_STATUS_LABELS: Record<FormStatus, string> = {
  draft: "Черновик",
  submitted: "Отправлена в МОЦ",
  approved: "Согласована МОЦ",
  accepted: "Принята регионом",
  returned: "Возвращена на доработку",
};

type Transition = {
  from: readonly FormStatus[];
  to: FormStatus;
  permission: Permission;
  needsMessage: boolean;
};

/** The transitions: from which states an action may start, where it leads, who may do it. */
const TRANSITIONS: Record<FormAction, Transition> = {
  submit: { from: ["draft", "returned"], to: "submitted", permission: "data.enter", needsMessage: false },
  approve: { from: ["submitted"], to: "approved", permission: "data.approve", needsMessage: false },
  accept: { from: ["approved"], to: "accepted", permission: "data.accept", needsMessage: false },
  return: { from: ["submitted", "approved"], to: "returned", permission: "data.approve", needsMessage: true },
};

/** The outcome of checking a transition. */
export type TransitionCheck =
  | { ok: true; to: FormStatus; permission: Permission }
  | { ok: false; reason: "wrong_state" | "message_required"; message: string };

/**
 * Checks an action on a form in a state. A return of an approved form needs the region's right
 * (data.accept), since the МОЦ has already approved it.
 */
export function checkTransition(status: FormStatus, action: FormAction, message: string): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    return {
      ok: false,
      reason: "wrong_state",
      message: `Действие невозможно: форма в состоянии «${FORM_STATUS_LABELS[status]}»`,
    };
  }
  if (t.needsMessage && message.trim().length < 3) {
    return { ok: false, reason: "message_required", message: "Напишите, что нужно исправить" };
  }
  const permission = action === "return" && status === "approved" ? "data.accept" : t.permission;
  return { ok: true, to: t.to, permission };
}

/**
 * Every permission an action may need, whatever the form's state: a user with none of them is refused
 * (403) before anything is said about the form's state.
 */
export function actionPermissions(action: FormAction): readonly Permission[] {
  return action === "return" ? ["data.approve", "data.accept"] : [TRANSITIONS[action].permission];
}

/** True when values of a form in this state may be edited by the school or the МОЦ. */
export function isEditable(status: FormStatus): boolean {
  return status === "draft" || status === "returned";
}

/** True when the form's values are locked (approved or accepted): only a region unlock opens one value. */
export function isLocked(status: FormStatus): boolean {
  return status === "approved" || status === "accepted";
}
