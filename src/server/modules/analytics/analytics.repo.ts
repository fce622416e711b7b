import { and, asc, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { AnalyticsSchool, SchoolCategoryCode } from "../../../core/analytics";
import {
  identificationResults,
  identificationRuns,
  indicators,
  indicatorValues,
  regions,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import { findValueColumns } from "../values/value-columns.repo";

/** Every school of a region (what the analytics show of it), ordered by code. */
export async function findRegionSchoolRows(db: Db, regionId: number) {
  return db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.shortName,
      municipalityId: schools.municipalityId,
      isRural: schools.isRural,
      students: schools.students,
    })
    .from(schools)
    .where(eq(schools.regionId, regionId))
    .orderBy(asc(schools.code));
}

/**
 * Every school of a region with its values of the given indicators in one year: the region's
 * schools and the values in columns (two set-based queries), so a school without values is still
 * returned and can be listed as excluded.
 */
export async function findSchoolsWithValues(
  db: Db,
  opts: { regionId: number; year: number; indicators: readonly { id: number; code: string }[] },
): Promise<AnalyticsSchool[]> {
  const [rows, columns] = await Promise.all([
    findRegionSchoolRows(db, opts.regionId),
    findValueColumns(
      db,
      opts.regionId,
      opts.indicators.map((i) => ({ code: i.code, year: opts.year })),
    ),
  ]);
  const bySchool = new Map<number, Record<string, number>>(rows.map((r) => [r.schoolId, {}]));
  for (const column of columns) {
    for (let i = 0; i < column.schoolIds.length; i++) {
      const values = bySchool.get(column.schoolIds[i]!);
      if (values) values[column.code] = column.values[i]!;
    }
  }
  return rows.map(({ students: _students, ...school }) => ({
    ...school,
    values: bySchool.get(school.schoolId)!,
  }));
}

/**
 * Per indicator of a region, the number of school values; the years that have any; and per year the
 * number of schools with a value of the best-covered indicator that year.
 */
export async function findValueCoverage(
  db: Db,
  regionId: number,
): Promise<{ counts: Map<number, number>; years: number[]; schoolsByYear: Map<number, number> }> {
  const rows = await db
    .select({ indicatorId: indicatorValues.indicatorId, year: indicatorValues.year, n: count() })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(eq(indicators.regionId, regionId), isNotNull(indicatorValues.schoolId)))
    .groupBy(indicatorValues.indicatorId, indicatorValues.year);
  const counts = new Map<number, number>();
  const schoolsByYear = new Map<number, number>();
  for (const r of rows) {
    counts.set(r.indicatorId, (counts.get(r.indicatorId) ?? 0) + Number(r.n));
    schoolsByYear.set(r.year, Math.max(schoolsByYear.get(r.year) ?? 0, Number(r.n)));
  }
  return { counts, years: [...schoolsByYear.keys()].sort((a, b) => b - a), schoolsByYear };
}

/**
 * Each school's category from the region's identification run for the year: the latest approved
 * run, else the latest run. Undefined when there is no run.
 */
export async function findRunCategories(
  db: Db,
  regionId: number,
  year: number,
): Promise<{ runId: number; isApproved: boolean; categories: Map<number, SchoolCategoryCode> } | undefined> {
  const [run] = await db
    .select({ id: identificationRuns.id, status: identificationRuns.status })
    .from(identificationRuns)
    .where(and(eq(identificationRuns.regionId, regionId), eq(identificationRuns.year, year)))
    .orderBy(desc(sql`${identificationRuns.status} = 'approved'`), desc(identificationRuns.id))
    .limit(1);
  if (!run) return undefined;
  const rows = await db
    .select({ schoolId: identificationResults.schoolId, category: identificationResults.category })
    .from(identificationResults)
    .where(eq(identificationResults.runId, run.id));
  return {
    runId: run.id,
    isApproved: run.status === "approved",
    categories: new Map(rows.map((r) => [r.schoolId, r.category])),
  };
}

/** True when the region exists. */
export async function regionExists(db: Db, regionId: number): Promise<boolean> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  return row !== undefined;
}

/** Regions by code, for the command line. */
export async function findRegionsByCode(db: Db, code?: string): Promise<{ id: number; code: string }[]> {
  return db
    .select({ id: regions.id, code: regions.code })
    .from(regions)
    .where(code === undefined ? undefined : eq(regions.code, code))
    .orderBy(asc(regions.id));
}
