import type { IndicatorMeta } from "../../../core/identification/types";
import { PLAN_STATUS_LABELS, type PlanSide, type PlanStatus } from "../../../core/plans";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { findIndicators } from "../indicators/indicator.repo";
import { type PlanAccess, type PlanOwnerPlace, planAccess } from "./plans.policy";
import { findPlanInScope, lockPlan, type PlanRow } from "./plans.repo";
import { planScope } from "./plans-scope.repo";

/** A plan the actor reads, with what the actor may do with it. */
export type ReadablePlan = { row: PlanRow; place: PlanOwnerPlace; access: PlanAccess };

/** The policy's view of a plan row's place. */
export function ownerPlaceOf(row: PlanRow): PlanOwnerPlace {
  return {
    level: row.level,
    regionId: row.regionId,
    municipalityId: row.municipalityId,
    schoolId: row.schoolId,
  };
}

/**
 * The plan with this id in the actor's scope, with the actor's access; 404 (nothing said) when it
 * does not exist or is out of scope. In a transaction, `forUpdate` first locks the plan's row.
 */
export async function requirePlan(
  db: Db,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<ReadablePlan> {
  if (opts.forUpdate) await lockPlan(db, id);
  const row = await findPlanInScope(db, id, planScope(actor));
  if (!row) throw notFound("План");
  const place = ownerPlaceOf(row);
  return { row, place, access: planAccess(actor, place, row.status, true) };
}

/** 403 for a reader (with the sentence given), 409 when a side may act but not in this state. */
export function refuseAction(plan: ReadablePlan, sideMessage: string, stateMessage: string): never {
  if (plan.access.sides.length === 0) throw new AppError("forbidden", sideMessage);
  throw new AppError("conflict", stateMessage);
}

/** «План в состоянии «Утверждён»: …» — the start of a refusal by state. */
export function stateRefusal(status: PlanStatus, rest: string): string {
  return `План в состоянии «${PLAN_STATUS_LABELS[status]}»: ${rest}`;
}

/** The side a comment is written from: the reviewer's while the plan is on review, else the author's. */
export function commentSide(sides: readonly PlanSide[], status: PlanStatus): PlanSide {
  if (sides.includes("reviewer") && (!sides.includes("author") || status === "submitted")) return "reviewer";
  return "author";
}

/** The region's indicators as plan quality reads them; undefined (the preloaded catalogue) when it has none. */
export async function regionIndicatorMeta(db: Db, regionId: number): Promise<IndicatorMeta[] | undefined> {
  const rows = await findIndicators(db, regionId);
  if (rows.length === 0) return undefined;
  return rows.map((row) => ({ code: row.code, name: row.name, unit: row.unit, direction: row.direction }));
}

/** The activity ids of a plan's content. */
export function activityIdsOf(row: PlanRow): string[] {
  return row.content.sections.flatMap((section) => section.activities.map((activity) => activity.id));
}

/** 404 unless the plan's current content has the activity. */
export function requireActivity(row: PlanRow, activityId: string): void {
  if (!activityIdsOf(row).includes(activityId)) throw notFound("Мероприятие");
}
