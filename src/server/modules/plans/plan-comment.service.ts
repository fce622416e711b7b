import type { PlanDetail } from "../../../shared/plans-api";
import type { PlanCommentInput } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { commentSide, refuseAction, requireActivity, requirePlan, stateRefusal } from "./plan-access.service";
import { getPlan } from "./plan-detail.service";
import { insertPlanComments } from "./plan-review.repo";

type Target = { db: Db; actor: Actor; id: number };

/**
 * Adds a comment on the plan's current version, on the whole plan or one of its activities: the
 * reviewer's remark, or the author's answer (the side is the actor's; an admin holding both sides of
 * the regional road map writes as reviewer while it is on review). Not on a locked plan. Audited as
 * `create` / `plan_comment`.
 */
export async function addPlanComment({
  db,
  actor,
  id,
  input,
}: Target & { input: PlanCommentInput }): Promise<PlanDetail> {
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    if (!access.canComment) {
      refuseAction(
        plan,
        "Комментируют план его составитель и проверяющий",
        stateRefusal(row.status, "комментарии закрыты"),
      );
    }
    if (input.activityId !== null) requireActivity(row, input.activityId);
    const side = commentSide(access.sides, row.status);
    await insertPlanComments(tx, [
      {
        planId: row.id,
        versionId: row.versionId,
        activityId: input.activityId,
        side,
        body: input.body,
        authorId: actor.userId || null,
        authorName: actor.fullName,
      },
    ]);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "plan_comment",
      entityId: row.id,
      after: { version: row.version, activityId: input.activityId, side, body: input.body },
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}
