import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
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

/**
 * Every school of a region with its values of the given indicators in one year: one set-based
 * query (schools left-joined to indicator_values, values pivoted into arrays per school), so a
 * school without values is still returned and can be listed as excluded.
 */
export async function findSchoolsWithValues(
  db: Db,
  opts: { regionId: number; year: number; indicators: readonly { id: number; code: string }[] },
): Promise<AnalyticsSchool[]> {
  const codeById = new Map(opts.indicators.map((i) => [i.id, i.code]));
  const ids = [...codeById.keys()];
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.shortName,
      municipalityId: schools.municipalityId,
      isRural: schools.isRural,
      indicatorIds: sql<
        number[] | null
      >`array_agg(${indicatorValues.indicatorId} order by ${indicatorValues.indicatorId}) filter (where ${indicatorValues.indicatorId} is not null)`,
      values: sql<
        number[] | null
      >`array_agg(${indicatorValues.value} order by ${indicatorValues.indicatorId}) filter (where ${indicatorValues.indicatorId} is not null)`,
    })
    .from(schools)
    .leftJoin(
      indicatorValues,
      and(
        eq(indicatorValues.schoolId, schools.id),
        eq(indicatorValues.year, opts.year),
        inArray(indicatorValues.indicatorId, ids),
      ),
    )
    .where(eq(schools.regionId, opts.regionId))
    .groupBy(schools.id)
    .orderBy(asc(schools.code));
  return rows.map(({ indicatorIds, values, ...school }) => {
    const byCode: Record<string, number> = {};
    (indicatorIds ?? []).forEach((id, i) => {
      const code = codeById.get(Number(id));
      const value = values?.[i];
      if (code !== undefined && value !== undefined && value !== null) byCode[code] = Number(value);
    });
    return { ...school, values: byCode };
  });
}

/** Per indicator of a region, the number of school values; and the years that have any. */
export async function findValueCoverage(
  db: Db,
  regionId: number,
): Promise<{ counts: Map<number, number>; years: number[] }> {
  const rows = await db
    .select({ indicatorId: indicatorValues.indicatorId, year: indicatorValues.year, n: count() })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(eq(indicators.regionId, regionId), isNotNull(indicatorValues.schoolId)))
    .groupBy(indicatorValues.indicatorId, indicatorValues.year);
  const counts = new Map<number, number>();
  const years = new Set<number>();
  for (const r of rows) {
    counts.set(r.indicatorId, (counts.get(r.indicatorId) ?? 0) + Number(r.n));
    years.add(r.year);
  }
  return { counts, years: [...years].sort((a, b) => b - a) };
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
