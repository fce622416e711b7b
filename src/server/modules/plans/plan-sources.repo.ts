/**
 * What plans read from other features, read-only: the causes the МОЦ confirmed and the region's
 * factor catalogue and measure library (schema/causes.ts), a school's latest indicator values, the
 * directors of schools and the programme schools of a municipality.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { RiskFactor } from "../../../core/causes";
import type { Measure } from "../../../core/plans";
import {
  causeFactors,
  confirmedCauses,
  indicators,
  indicatorValues,
  measures,
  plans,
  schools,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A confirmed cause of a school in a year, with the factor's code and title. */
export type ConfirmedCauseRow = { schoolId: number; year: number; code: string; title: string; note: string };

/** The causes confirmed for some schools in some years, in the catalogue's order. */
export async function findConfirmedCauses(
  db: Db,
  schoolIds: number[],
  years: number[],
): Promise<ConfirmedCauseRow[]> {
  if (schoolIds.length === 0 || years.length === 0) return [];
  const rows = await db
    .select({
      schoolId: confirmedCauses.schoolId,
      year: confirmedCauses.year,
      code: causeFactors.code,
      definition: causeFactors.definition,
      note: confirmedCauses.note,
    })
    .from(confirmedCauses)
    .innerJoin(causeFactors, eq(causeFactors.id, confirmedCauses.factorId))
    .where(and(inArray(confirmedCauses.schoolId, schoolIds), inArray(confirmedCauses.year, years)))
    .orderBy(asc(causeFactors.position), asc(causeFactors.id));
  return rows.map((row) => ({ ...row, title: row.definition.title }));
}

/** The school years in which the school has confirmed causes, latest first. */
export async function findConfirmedYears(db: Db, schoolId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: confirmedCauses.year })
    .from(confirmedCauses)
    .where(eq(confirmedCauses.schoolId, schoolId))
    .orderBy(desc(confirmedCauses.year));
  return rows.map((row) => row.year);
}

/** The region's factor catalogue (retired factors too: old plans still name them), in order. */
export async function findRegionFactors(db: Db, regionId: number): Promise<RiskFactor[]> {
  const rows = await db
    .select({ definition: causeFactors.definition })
    .from(causeFactors)
    .where(eq(causeFactors.regionId, regionId))
    .orderBy(asc(causeFactors.position), asc(causeFactors.id));
  return rows.map((row) => row.definition);
}

/** The region's measure library, with whether each is retired, in order of creation. */
export async function findRegionMeasures(
  db: Db,
  regionId: number,
): Promise<{ measure: Measure; isRetired: boolean }[]> {
  const rows = await db
    .select({ definition: measures.definition, isRetired: measures.isRetired })
    .from(measures)
    .where(eq(measures.regionId, regionId))
    .orderBy(asc(measures.id));
  return rows.map((row) => ({ measure: row.definition, isRetired: row.isRetired }));
}

/** A school's latest value of each indicator up to a year: code → value. */
export async function findLatestSchoolValues(
  db: Db,
  schoolId: number,
  upToYear: number,
): Promise<Record<string, number>> {
  const rows = await db
    .selectDistinctOn([indicators.code], { code: indicators.code, value: indicatorValues.value })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(eq(indicatorValues.schoolId, schoolId), sql`${indicatorValues.year} <= ${upToYear}`))
    .orderBy(indicators.code, desc(indicatorValues.year));
  return Object.fromEntries(rows.map((row) => [row.code, row.value]));
}

/** A school's values of some indicators by year: code → year → value. */
export async function findSchoolValuesByCode(
  db: Db,
  schoolId: number,
  codes: string[],
): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>();
  if (codes.length === 0) return out;
  const rows = await db
    .select({ code: indicators.code, year: indicatorValues.year, value: indicatorValues.value })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(eq(indicatorValues.schoolId, schoolId), inArray(indicators.code, codes)));
  for (const row of rows) {
    const years = out.get(row.code) ?? new Map<number, number>();
    years.set(row.year, row.value);
    out.set(row.code, years);
  }
  return out;
}

/**
 * The programme schools of a municipality in a year — the schools with a school plan of that year —
 * with the full name of each one's active director (the first by name when there are several).
 */
export async function findProgrammeSchools(db: Db, municipalityId: number, year: number) {
  const rows = await db
    .selectDistinct({ id: schools.id, name: schools.fullName, code: schools.code })
    .from(plans)
    .innerJoin(schools, eq(schools.id, plans.schoolId))
    .where(and(eq(plans.level, "school"), eq(plans.year, year), eq(schools.municipalityId, municipalityId)))
    .orderBy(asc(schools.fullName), asc(schools.id));
  if (rows.length === 0) return [];
  const directors = await db
    .select({ schoolId: users.schoolId, fullName: users.fullName })
    .from(users)
    .where(
      and(
        eq(users.role, "school_director"),
        eq(users.isActive, true),
        inArray(
          users.schoolId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(users.fullName), asc(users.id));
  return rows.map((row) => ({
    ...row,
    director: directors.find((director) => director.schoolId === row.id)?.fullName ?? null,
  }));
}

/** A school's place: region, municipality and names; undefined when there is no such school. */
export async function findPlanSchool(db: Db, schoolId: number) {
  const [row] = await db
    .select({
      id: schools.id,
      regionId: schools.regionId,
      municipalityId: schools.municipalityId,
      fullName: schools.fullName,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row;
}
