import {
  checkPlanTransition,
  type PlanAction,
  type PlanRefusal,
  type PlanSide,
  type PlanStatus,
  type ReviewComments,
} from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import type { PlanTransitionInput } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { activityIdsOf, type ReadablePlan, regionIndicatorMeta, requirePlan } from "./plan-access.service";
import { confirmedCausesOf, getPlan } from "./plan-detail.service";
import { insertPlanComments, insertPlanEvent } from "./plan-review.repo";
import { planFigures, todayIso } from "./plan-view";
import {
  findPlanVersionIds,
  insertPlanVersion,
  setCurrentVersion,
  setVersionsStatus,
  updatePlanVersion,
} from "./plans.repo";

/** The side each action is taken from. */
const ACTION_SIDE: Record<PlanAction, PlanSide> = {
  submit: "author",
  return: "reviewer",
  approve: "reviewer",
  lock: "reviewer",
  revise: "author",
};

const REFUSAL_CODE: Record<PlanRefusal, "forbidden" | "conflict" | "invalid_input"> = {
  wrong_side: "forbidden",
  wrong_state: "conflict",
  comments_required: "invalid_input",
  unknown_activity: "invalid_input",
  reason_required: "invalid_input",
};

const REFUSAL_PATH: Partial<Record<PlanRefusal, string>> = {
  comments_required: "comments",
  unknown_activity: "comments.activities",
  reason_required: "reason",
};

type Step = { tx: Db; actor: Actor; plan: ReadablePlan; to: PlanStatus; input: PlanTransitionInput };

/** The reviewer's comments of a return, stored on the returned version: the overall one first. */
async function storeReturnComments(step: Step, comments: ReviewComments): Promise<void> {
  const { row } = step.plan;
  const base = {
    planId: row.id,
    versionId: row.versionId,
    side: "reviewer" as const,
    authorId: step.actor.userId || null,
    authorName: step.actor.fullName,
  };
  const overall =
    comments.overall.trim() === "" ? [] : [{ ...base, activityId: null, body: comments.overall }];
  const perActivity = comments.activities.map((item) => ({
    ...base,
    activityId: item.activityId,
    body: item.text,
  }));
  await insertPlanComments(step.tx, [...overall, ...perActivity]);
}

/** Applies an allowed transition; returns the version the event belongs to and the event's message. */
async function apply(step: Step): Promise<{ versionId: number; message: string; extra: object }> {
  const { tx, actor, plan, to, input } = step;
  const { row } = plan;
  const now = new Date();
  if (input.action === "revise") {
    const versionId = await insertPlanVersion(tx, {
      planId: row.id,
      version: row.version + 1,
      status: to,
      content: row.content,
      reason: input.reason ?? "",
      createdBy: actor.userId || null,
      createdByName: actor.fullName,
    });
    await setCurrentVersion(tx, row.id, versionId);
    return {
      versionId,
      message: input.reason ?? "",
      extra: { version: row.version + 1, reason: input.reason },
    };
  }
  if (input.action === "submit") {
    const [confirmed, indicators] = await Promise.all([
      confirmedCausesOf(tx, row),
      regionIndicatorMeta(tx, row.regionId),
    ]);
    const { quality } = planFigures({
      plan: row.content,
      status: row.status,
      confirmed,
      indicators,
      today: todayIso(),
    });
    const warnings = quality.filter((issue) => issue.severity === "warning").length;
    await updatePlanVersion(tx, row.versionId, { status: to, submittedAt: now });
    const message = warnings > 0 ? `Отправлен с предупреждениями качества: ${warnings}` : "";
    return { versionId: row.versionId, message, extra: { qualityWarnings: warnings } };
  }
  if (input.action === "return") {
    const comments = input.comments ?? { overall: "", activities: [] };
    await updatePlanVersion(tx, row.versionId, { status: to });
    await storeReturnComments(step, comments);
    return {
      versionId: row.versionId,
      message: comments.overall,
      extra: { comments: comments.activities.length },
    };
  }
  if (input.action === "approve") {
    // The approved version a revision started from is superseded: it is closed, kept as it was.
    const superseded = (await findPlanVersionIds(tx, row.id, "approved")).filter(
      (id) => id !== row.versionId,
    );
    await setVersionsStatus(tx, superseded, "locked");
    await updatePlanVersion(tx, row.versionId, {
      status: to,
      approvedAt: now,
      approvedBy: actor.userId || null,
      approvedByName: actor.fullName,
    });
    return { versionId: row.versionId, message: "", extra: { superseded } };
  }
  await updatePlanVersion(tx, row.versionId, { status: to });
  return { versionId: row.versionId, message: "", extra: {} };
}

/**
 * Moves a plan: the author submits (with quality warnings allowed; their count goes into the
 * history) and revises an approved plan with a reason (a new draft version; the approved one kept,
 * closed once the new one is approved); the reviewer returns with comments (seen by the author),
 * approves and locks. 403 for a side that may not act, 409 in a wrong state, 400 for missing
 * comments or reason. Audited with the action as its code, entity `plan`.
 */
export async function transitionPlan({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: PlanTransitionInput;
}): Promise<PlanDetail> {
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    const needed = ACTION_SIDE[input.action];
    const side = access.sides.includes(needed) ? needed : needed === "author" ? "reviewer" : "author";
    const check = checkPlanTransition({
      status: row.status,
      action: input.action,
      side,
      comments: input.comments,
      activityIds: activityIdsOf(row),
      reason: input.reason,
    });
    if (!check.ok) {
      const path = REFUSAL_PATH[check.reason];
      throw new AppError(
        REFUSAL_CODE[check.reason],
        check.message,
        path ? [{ path, message: check.message }] : [],
      );
    }
    const done = await apply({ tx, actor, plan, to: check.to, input });
    await insertPlanEvent(tx, {
      planId: row.id,
      versionId: done.versionId,
      action: input.action,
      fromStatus: row.status,
      toStatus: check.to,
      message: done.message,
      actorId: actor.userId || null,
      actorName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: input.action,
      entity: "plan",
      entityId: row.id,
      before: { version: row.version, status: row.status },
      after: { status: check.to, message: done.message, ...done.extra },
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}
