import type { FormDashboard } from "../../../shared/data-collection";
import type { Db } from "../../platform/db";
import { requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findFormDashboard, findFormList, findFormYears } from "./forms.repo";

/** The school year under way on a date, as the calendar year it ends in: from September, the next one. */
export function currentSchoolYear(now: Date = new Date()): number {
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

/**
 * The years to offer (those with forms in scope and the current school year, newest first) and the
 * year to show: the asked one, else the latest year with forms, else the current school year.
 */
async function resolveYear(db: Db, actor: Actor, year: number | undefined, regionId?: number) {
  const formYears = await findFormYears(db, schoolScope(actor), regionId);
  const years = [...new Set([...formYears, currentSchoolYear()])].sort((a, b) => b - a);
  return { years, year: year ?? formYears[0] ?? currentSchoolYear() };
}

/**
 * Submission progress for a year: schools in the actor's scope by form state, per municipality;
 * `regionId` keeps one region of the scope (a federal operator's chosen region).
 */
export async function getFormDashboard({
  db,
  actor,
  year,
  regionId,
}: {
  db: Db;
  actor: Actor;
  year?: number;
  regionId?: number;
}): Promise<FormDashboard> {
  requirePermission(actor, "school.read");
  const resolved = await resolveYear(db, actor, year, regionId);
  const rows = await findFormDashboard(db, { year: resolved.year, scope: schoolScope(actor), regionId });
  return { ...resolved, rows };
}

/** Schools in scope with their form state for a year, optionally of one municipality (404 out of scope). */
export async function listForms({
  db,
  actor,
  year,
  municipalityId,
}: {
  db: Db;
  actor: Actor;
  year?: number;
  municipalityId?: number;
}) {
  requirePermission(actor, "school.read");
  if (municipalityId !== undefined) {
    await requireMunicipalityAccess(db, {
      actor,
      permission: "school.read",
      municipalityIds: [municipalityId],
    });
  }
  const resolved = await resolveYear(db, actor, year);
  const items = await findFormList(db, { year: resolved.year, scope: schoolScope(actor), municipalityId });
  return { ...resolved, items };
}
