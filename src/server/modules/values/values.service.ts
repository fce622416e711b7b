import type { SchoolValues, ValueHistory } from "../../../shared/data-collection";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import type { Actor } from "../access/actor";
import {
  findMunicipalityValues,
  findSchoolValues,
  findSchoolValueYears,
  findValueById,
  findValueHistory,
} from "./values.repo";

type ValueRow = Awaited<ReturnType<typeof findSchoolValues>>[number];

function present(row: ValueRow): SchoolValues["values"][number] {
  return { ...row, enteredAt: row.enteredAt.toISOString() };
}

/**
 * A school's values for a year, or for every year when none is given, each with the definition
 * version it was entered under. 404 when the school is out of the actor's scope.
 */
export async function getSchoolValues({
  db,
  actor,
  schoolId,
  year,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  year?: number;
}): Promise<SchoolValues> {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const [years, rows] = await Promise.all([
    findSchoolValueYears(db, schoolId),
    findSchoolValues(db, schoolId, year === undefined ? undefined : [year]),
  ]);
  return { schoolId, years, values: rows.map(present) };
}

/** A municipality's own values (municipality-level indicators) for a year or all years; 404 out of scope. */
export async function getMunicipalityValues({
  db,
  actor,
  municipalityId,
  year,
}: {
  db: Db;
  actor: Actor;
  municipalityId: number;
  year?: number;
}) {
  await requireMunicipalityAccess(db, {
    actor,
    permission: "school.read",
    municipalityIds: [municipalityId],
  });
  const all = await findMunicipalityValues(db, municipalityId);
  const years = [...new Set(all.map((v) => v.year))].sort((a, b) => b - a);
  const rows = year === undefined ? all : all.filter((v) => v.year === year);
  return { municipalityId, years, values: rows.map(present) };
}

/** A value and every change of it, newest first; the value's school or municipality must be in scope. */
export async function getValueHistory({
  db,
  actor,
  valueId,
}: {
  db: Db;
  actor: Actor;
  valueId: number;
}): Promise<ValueHistory> {
  requirePermission(actor, "school.read");
  const value = await findValueById(db, valueId);
  if (!value) throw notFound("Значение");
  try {
    if (value.schoolId !== null) {
      await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [value.schoolId] });
    } else if (value.municipalityId !== null) {
      await requireMunicipalityAccess(db, {
        actor,
        permission: "school.read",
        municipalityIds: [value.municipalityId],
      });
    }
  } catch {
    // out of scope reads as missing: nothing is said about the value
    throw notFound("Значение");
  }
  const history = await findValueHistory(db, value);
  const { schoolId: _s, municipalityId: _m, ...rest } = value;
  return {
    value: present(rest),
    history: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
  };
}
