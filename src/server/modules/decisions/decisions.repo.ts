/**
 * The rows the programme's results and decisions are made of: the programme schools' names, their
 * school programmes of the year, their indicator values and the decisions. SQL only here.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  confirmedCauses,
  indicators,
  indicatorValues,
  municipalities,
  plans,
  planVersions,
  schoolDecisions,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** Codes, names and places of the given schools, by municipality and name. */
export async function findDecisionSchools(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.shortName,
      regionId: schools.regionId,
      municipalityId: schools.municipalityId,
      municipalityName: municipalities.name,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(inArray(schools.id, [...ids]))
    .orderBy(asc(municipalities.name), asc(schools.shortName), asc(schools.id));
}

/** Every version of the school programmes of the year of the given schools, with its state and content. */
export async function findSchoolPlanVersions(db: Db, ids: readonly number[], year: number) {
  if (ids.length === 0) return [];
  return db
    .select({
      schoolId: plans.schoolId,
      planId: plans.id,
      version: planVersions.version,
      status: planVersions.status,
      content: planVersions.content,
    })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.planId, plans.id))
    .where(and(eq(plans.level, "school"), eq(plans.year, year), inArray(plans.schoolId, [...ids])))
    .orderBy(asc(plans.id), asc(planVersions.version));
}

/** The values of the given schools in the given years, with the indicator's code. */
export async function findSchoolValues(db: Db, ids: readonly number[], years: readonly number[]) {
  if (ids.length === 0 || years.length === 0) return [];
  return db
    .select({
      schoolId: indicatorValues.schoolId,
      code: indicators.code,
      year: indicatorValues.year,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(inArray(indicatorValues.schoolId, [...ids]), inArray(indicatorValues.year, [...years])));
}

/** The decisions of the given schools for a programme year. */
export async function findDecisions(db: Db, ids: readonly number[], year: number) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(schoolDecisions)
    .where(and(inArray(schoolDecisions.schoolId, [...ids]), eq(schoolDecisions.year, year)));
}

/** A decision row. */
export type DecisionRecord = typeof schoolDecisions.$inferSelect;

/** One decision by id, or undefined. */
export async function findDecisionById(db: Db, id: number): Promise<DecisionRecord | undefined> {
  const [row] = await db.select().from(schoolDecisions).where(eq(schoolDecisions.id, id));
  return row;
}

/** A school's decision of a programme year, or undefined. */
export async function findSchoolDecision(db: Db, schoolId: number, year: number) {
  const [row] = await db
    .select()
    .from(schoolDecisions)
    .where(and(eq(schoolDecisions.schoolId, schoolId), eq(schoolDecisions.year, year)));
  return row;
}

/** Inserts a decision; returns its id. */
export async function insertDecision(db: Db, values: typeof schoolDecisions.$inferInsert): Promise<number> {
  const [row] = await db.insert(schoolDecisions).values(values).returning({ id: schoolDecisions.id });
  if (!row) throw new Error("Решение не сохранено");
  return row.id;
}

/** Changes a decision, only while it is still in the state read (false: someone changed it meanwhile). */
export async function updateDecision(
  db: Db,
  id: number,
  fromStatus: DecisionRecord["status"],
  values: Partial<typeof schoolDecisions.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(schoolDecisions)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schoolDecisions.id, id), eq(schoolDecisions.status, fromStatus)))
    .returning({ id: schoolDecisions.id });
  return rows.length > 0;
}

/** The schools among the given with a confirmed cause in the year. */
export async function findSchoolsWithConfirmedCauses(db: Db, ids: readonly number[], year: number) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ schoolId: confirmedCauses.schoolId })
    .from(confirmedCauses)
    .where(and(inArray(confirmedCauses.schoolId, [...ids]), eq(confirmedCauses.year, year)));
  return rows.map((row) => row.schoolId);
}

/** The schools among the given whose school programme of the year has an approved (or locked) version. */
export async function findSchoolsWithApprovedPlan(db: Db, ids: readonly number[], year: number) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ schoolId: plans.schoolId })
    .from(plans)
    .innerJoin(planVersions, eq(planVersions.planId, plans.id))
    .where(
      and(
        eq(plans.level, "school"),
        eq(plans.year, year),
        inArray(plans.schoolId, [...ids]),
        inArray(planVersions.status, ["approved", "locked"]),
      ),
    );
  return rows.flatMap((row) => (row.schoolId === null ? [] : [row.schoolId]));
}

/** The kind and state of the decisions of the given schools for a programme year (the run comparison). */
export async function findComparisonDecisions(db: Db, ids: readonly number[], year: number) {
  if (ids.length === 0) return [];
  return db
    .select({
      schoolId: schoolDecisions.schoolId,
      kind: schoolDecisions.kind,
      status: schoolDecisions.status,
    })
    .from(schoolDecisions)
    .where(and(inArray(schoolDecisions.schoolId, [...ids]), eq(schoolDecisions.year, year)));
}
