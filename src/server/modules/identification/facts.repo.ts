import { and, asc, eq, inArray, isNotNull, or } from "drizzle-orm";
import {
  buildFactsTable,
  type FactsTable,
  type IndicatorMeta,
  type SchoolFactsQuery,
  type ValueColumn,
} from "../../../core/identification";
import { packedFloat8, packedInt4, unpackFloat8, unpackInt4 } from "../../db/packed";
import {
  indicators,
  indicatorValues,
  indicatorVersions,
  municipalities,
  regions,
  schools,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A school of the region as a run snapshots it. */
export type RegionSchool = {
  schoolId: number;
  code: string;
  name: string;
  students: number | null;
  isRural: boolean;
  municipalityId: number;
};

/** The region's indicators with their current definitions, as the engine needs them. */
export async function findIndicatorMetas(db: Db, regionId: number): Promise<IndicatorMeta[]> {
  return db
    .select({
      code: indicators.code,
      name: indicatorVersions.name,
      unit: indicatorVersions.unit,
      direction: indicatorVersions.direction,
    })
    .from(indicators)
    .innerJoin(indicatorVersions, eq(indicatorVersions.id, indicators.currentVersionId))
    .where(eq(indicators.regionId, regionId))
    .orderBy(asc(indicators.id));
}

/** Every school of a region, by code. */
export async function findRegionSchools(db: Db, regionId: number): Promise<RegionSchool[]> {
  return db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.shortName,
      students: schools.students,
      isRural: schools.isRural,
      municipalityId: schools.municipalityId,
    })
    .from(schools)
    .where(eq(schools.regionId, regionId))
    .orderBy(asc(schools.code));
}

/**
 * The region's school values of these indicators in these years (and of `more`), in one query: one row per
 * indicator and year with the school ids and the values packed (see db/packed.ts), so a few dozen
 * rows and no per-value parsing cross the driver even at national scale.
 */
export async function findValueColumns(db: Db, query: SchoolFactsQuery): Promise<ValueColumn[]> {
  const parts = [query, ...(query.more ?? [])].filter((p) => p.codes.length > 0 && p.years.length > 0);
  if (parts.length === 0) return [];
  // Codes to ids first: the values are then read by (indicator_id, year) through its index, with
  // no join per value row (which cost a third of the time at national scale).
  const catalogue = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(
      and(
        eq(indicators.regionId, query.regionId),
        inArray(indicators.code, [...new Set(parts.flatMap((p) => p.codes))]),
      ),
    );
  const codeOf = new Map(catalogue.map((row) => [row.id, row.code]));
  const idsOf = (codes: readonly string[]) =>
    catalogue.filter((row) => codes.includes(row.code)).map((row) => row.id);
  const wanted = parts.flatMap((p) => {
    const ids = idsOf(p.codes);
    return ids.length === 0
      ? []
      : [and(inArray(indicatorValues.indicatorId, ids), inArray(indicatorValues.year, [...p.years]))];
  });
  if (wanted.length === 0) return [];
  const rows = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      year: indicatorValues.year,
      schoolIds: packedInt4(indicatorValues.schoolId),
      values: packedFloat8(indicatorValues.value),
    })
    .from(indicatorValues)
    .where(and(or(...wanted), isNotNull(indicatorValues.schoolId)))
    .groupBy(indicatorValues.indicatorId, indicatorValues.year);
  return rows.map((row) => ({
    code: codeOf.get(row.indicatorId) ?? "",
    year: row.year,
    schoolIds: unpackInt4(row.schoolIds),
    values: unpackFloat8(row.values),
  }));
}

/** Every school of a region with the requested values, as a facts table: two set-based queries. */
export async function loadFactsTable(
  db: Db,
  query: SchoolFactsQuery,
): Promise<{ schools: RegionSchool[]; table: FactsTable<RegionSchool> }> {
  const [regionSchools, columns] = await Promise.all([
    findRegionSchools(db, query.regionId),
    findValueColumns(db, query),
  ]);
  return { schools: regionSchools, table: buildFactsTable(regionSchools, columns) };
}

/** {@link loadFactsTable} with the table named `facts`, as the rule-set preview reads it. */
export async function loadSchoolFacts(
  db: Db,
  query: SchoolFactsQuery,
): Promise<{ schools: RegionSchool[]; facts: FactsTable<RegionSchool> }> {
  const { schools: regionSchools, table } = await loadFactsTable(db, query);
  return { schools: regionSchools, facts: table };
}

/** Every region, by code: for the command line to pick one. */
export async function findAllRegions(
  db: Db,
): Promise<{ id: number; code: string; name: string; isDemo: boolean }[]> {
  return db
    .select({ id: regions.id, code: regions.code, name: regions.name, isDemo: regions.isDemo })
    .from(regions)
    .orderBy(asc(regions.code));
}

/** Names of a region's municipalities by id. */
export async function findMunicipalityNames(db: Db, regionId: number): Promise<Map<number, string>> {
  const rows = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.regionId, regionId));
  return new Map(rows.map((row) => [row.id, row.name]));
}
