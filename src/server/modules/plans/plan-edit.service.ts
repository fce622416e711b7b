import { listActivities, type Plan, type PlanInput, planFromInput } from "../../../core/plans";
import { type PlanDetail, planOrderSchema } from "../../../shared/plans-api";
import type { PlanOrderInput } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { requirePlan, stateRefusal } from "./plan-access.service";
import { getPlan } from "./plan-detail.service";
import { orderDraftOf, orderFieldLabel } from "./plan-order";
import { planYear } from "./plan-view";
import { updatePlanRow, updatePlanVersion } from "./plans.repo";

/** A short account of a content change for the audit log: counts and the activities added, removed, changed. */
export function contentChange(before: Plan, after: Plan) {
  const old = new Map(listActivities(before).map(({ activity }) => [activity.id, JSON.stringify(activity)]));
  const now = new Map(listActivities(after).map(({ activity }) => [activity.id, JSON.stringify(activity)]));
  return {
    before: {
      title: before.title,
      period: before.period,
      sections: before.sections.length,
      activities: old.size,
    },
    after: {
      title: after.title,
      period: after.period,
      sections: after.sections.length,
      activities: now.size,
      added: [...now.keys()].filter((id) => !old.has(id)),
      removed: [...old.keys()].filter((id) => !now.has(id)),
      changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
    },
  };
}

/**
 * Saves the content of a plan's current version (its author, in draft or returned): the editor's
 * sections and activities with every deadline read against the period. A deadline outside the
 * period or unreadable is saved and reported by quality. The level and kind stay the plan's own.
 * Audited as `update` / `plan` with what changed.
 */
export async function updatePlanContent({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: PlanInput;
}): Promise<PlanDetail> {
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    if (!access.canEdit) {
      if (!access.sides.includes("author"))
        throw new AppError("forbidden", "Изменять план может только его составитель");
      const rest =
        row.status === "approved" ? "изменить его можно только через новую версию" : "изменения невозможны";
      throw new AppError("conflict", stateRefusal(row.status, rest));
    }
    if (input.level !== row.level || input.kind !== row.content.kind) {
      const message = "Уровень и вид плана не меняются; создайте новый план";
      throw new AppError("invalid_input", message, [{ path: "kind", message }]);
    }
    const content = planFromInput(input);
    await updatePlanVersion(tx, row.versionId, { content });
    await updatePlanRow(tx, row.id, { year: planYear(content) });
    const change = contentChange(row.content, content);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "plan",
      entityId: row.id,
      before: { version: row.version, ...change.before },
      after: { version: row.version, ...change.after },
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}

/**
 * Fills a municipal road map's order (its author, the МОЦ, until the plan is locked): the fields
 * given over the stored ones (or the defaults from the place); the result must be complete. Audited
 * as `update` / `plan_order`.
 */
export async function updatePlanOrder({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: PlanOrderInput;
}): Promise<PlanDetail> {
  await db.transaction(async (tx) => {
    const plan = await requirePlan(tx, actor, id, { forUpdate: true });
    const { row, access } = plan;
    if (row.level !== "municipal") {
      throw new AppError(
        "conflict",
        "Приказ об утверждении оформляют только для муниципальной дорожной карты",
      );
    }
    if (!access.canEditOrder) {
      if (!access.sides.includes("author"))
        throw new AppError("forbidden", "Реквизиты приказа заполняет составитель дорожной карты");
      throw new AppError("conflict", stateRefusal(row.status, "реквизиты приказа не меняются"));
    }
    const merged = { ...orderDraftOf(row), ...input };
    const parsed = planOrderSchema.safeParse(merged);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? "");
        const isEmpty = Object.entries(merged).every(([key, value]) => key !== field || value === undefined);
        const message = `${orderFieldLabel(field)}: ${isEmpty ? "не заполнено" : issue.message}`;
        return { path: issue.path.join("."), message };
      });
      throw new AppError("invalid_input", issues.map((issue) => issue.message).join("; "), issues);
    }
    await updatePlanRow(tx, row.id, { order: parsed.data });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "plan_order",
      entityId: row.id,
      before: row.order,
      after: parsed.data,
      regionId: row.regionId,
    });
  });
  return getPlan({ db, actor, id });
}
