import { ACTIVITY_STATUS_LABELS, type ActivityStatus } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import type { CheckInInput } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { refuseAction, requireActivity, requirePlan, stateRefusal } from "./plan-access.service";
import { getPlan } from "./plan-detail.service";
import {
  findActivityStates,
  findAssigneeCandidates,
  findAssignees,
  insertCheckIn,
  replaceAssignees,
  upsertActivityState,
} from "./plan-execution.repo";
import { canCheckIn } from "./plans.policy";

/** Which plan and activity a use case acts on. */
type Target = { db: Db; actor: Actor; id: number };
type ActivityTarget = Target & { activityId: string };

const EXECUTION_STATE = "ход выполнения отмечают только в утверждённом плане";

/**
 * Sets an activity's execution status in an approved plan (its author or reviewer). Audited as
 * `update` / `plan_activity_state` with the status before and after.
 */
export async function setActivityStatus({
  db,
  actor,
  id,
  activityId,
  status,
}: ActivityTarget & { status: ActivityStatus }): Promise<PlanDetail> {
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    if (!access.canRecordExecution) {
      refuseAction(
        plan,
        "Ход выполнения отмечают составитель и проверяющий плана",
        stateRefusal(row.status, EXECUTION_STATE),
      );
    }
    requireActivity(row, activityId);
    const states = (await findActivityStates(tx, [row.id])).get(row.id);
    const written = row.content.sections
      .flatMap((s) => s.activities)
      .find((a) => a.id === activityId)?.status;
    const before = states?.get(activityId) ?? written ?? "planned";
    await upsertActivityState(tx, {
      planId: row.id,
      activityId,
      status,
      userId: actor.userId || null,
      userName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "plan_activity_state",
      entityId: `${row.id}:${activityId}`,
      before: { status: before },
      after: { status, label: ACTIVITY_STATUS_LABELS[status] },
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}

/**
 * Adds a check-in (date, what was done, evidence) to an activity of an approved plan: its author or
 * reviewer on any activity, a mentor, specialist or МОЦ user only on an activity assigned to them.
 * Audited as `create` / `plan_check_in`.
 */
export async function addCheckIn({
  db,
  actor,
  id,
  activityId,
  input,
}: ActivityTarget & { input: CheckInInput }): Promise<PlanDetail> {
  requirePermission(actor, "plan.checkin");
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    requireActivity(row, activityId);
    const assignees = await findAssignees(tx, row.id);
    const isAssigned = assignees.some(
      (item) => item.activityId === activityId && item.userId === actor.userId,
    );
    if (!canCheckIn(actor, access, row.status, isAssigned)) {
      if (!access.canCheckInAll && !isAssigned)
        throw new AppError(
          "forbidden",
          "Отметку о выполнении добавляет исполнитель, назначенный на это мероприятие",
        );
      throw new AppError("conflict", stateRefusal(row.status, EXECUTION_STATE));
    }
    const checkInId = await insertCheckIn(tx, {
      planId: row.id,
      activityId,
      doneOn: input.date,
      text: input.text,
      evidenceText: input.evidenceText,
      evidenceUrl: input.evidenceUrl,
      authorId: actor.userId || null,
      authorName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "plan_check_in",
      entityId: checkInId,
      after: { planId: row.id, activityId, ...input },
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}

/**
 * Sets who carries out an activity (the whole set): its author or reviewer assigns mentors and
 * specialists assigned to the plan's schools, or МОЦ users of its municipality; not on a locked
 * plan. Assignees then read the plan and add check-ins to the activity. Audited as `update` /
 * `plan_activity_assignees`.
 */
export async function setActivityAssignees({
  db,
  actor,
  id,
  activityId,
  userIds,
}: ActivityTarget & { userIds: number[] }): Promise<PlanDetail> {
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    if (!access.canAssign) {
      refuseAction(
        plan,
        "Исполнителей назначают составитель и проверяющий плана",
        stateRefusal(row.status, "назначения закрыты"),
      );
    }
    requireActivity(row, activityId);
    const candidates = new Set((await findAssigneeCandidates(tx, row)).map((user) => user.userId));
    const wanted = [...new Set(userIds)];
    const strangerIndex = wanted.findIndex((userId) => !candidates.has(userId));
    if (strangerIndex >= 0) {
      const message =
        "Назначить можно только наставника или специалиста, закреплённого за школой плана, или сотрудника МОЦ муниципалитета";
      throw new AppError("invalid_input", message, [{ path: `userIds.${strangerIndex}`, message }]);
    }
    const before = (await findAssignees(tx, row.id)).filter((item) => item.activityId === activityId);
    await replaceAssignees(tx, row.id, activityId, wanted);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "plan_activity_assignees",
      entityId: `${row.id}:${activityId}`,
      before: { userIds: before.map((item) => item.userId) },
      after: { userIds: wanted },
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}
