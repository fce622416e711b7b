import { asc, eq, sql } from "drizzle-orm";
import {
  buildFactsTable,
  type FactsTable,
  type IndicatorMeta,
  indicatorYearPairs,
  type SchoolFactsQuery,
} from "../../../core/identification";
import { packedInt4, unpackInt4 } from "../../db/packed";
import { indicators, indicatorVersions, municipalities, regions, schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { findValueColumns } from "../values/value-columns.repo";

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

/**
 * Every school of a region, by code. One row comes back whatever the region's size: the ids, sizes
 * and municipalities packed (db/packed.ts), codes and names as JSON arrays (parsed natively), all
 * aggregated over the same ordered rows; a row per school cost more in the driver than the query.
 */
export async function findRegionSchools(db: Db, regionId: number): Promise<RegionSchool[]> {
  const ordered = db
    .select({
      id: schools.id,
      code: schools.code,
      name: schools.shortName,
      students: schools.students,
      isRural: schools.isRural,
      municipalityId: schools.municipalityId,
    })
    .from(schools)
    .where(eq(schools.regionId, regionId))
    .orderBy(asc(schools.code))
    .as("ordered");
  const [row] = await db
    .select({
      ids: packedInt4(ordered.id),
      codes: sql<string | null>`json_agg(${ordered.code})::text`,
      names: sql<string | null>`json_agg(${ordered.name})::text`,
      students: packedInt4(ordered.students),
      rural: sql<string | null>`string_agg(case when ${ordered.isRural} then '1' else '0' end, '')`,
      municipalityIds: packedInt4(ordered.municipalityId),
    })
    .from(ordered);
  if (!row?.codes || !row.names) return [];
  const ids = unpackInt4(row.ids);
  const codes: string[] = JSON.parse(row.codes);
  const names: string[] = JSON.parse(row.names);
  const students = unpackInt4(row.students);
  const municipalityIds = unpackInt4(row.municipalityIds);
  const rural = row.rural ?? "";
  return codes.map((code, k) => ({
    schoolId: ids[k]!,
    code,
    name: names[k]!,
    students: students[k]!,
    isRural: rural[k] === "1",
    municipalityId: municipalityIds[k]!,
  }));
}

/** Every school of a region with the requested values, as a facts table: a few set-based queries at once. */
export async function loadFactsTable(
  db: Db,
  query: SchoolFactsQuery,
): Promise<{ schools: RegionSchool[]; table: FactsTable<RegionSchool> }> {
  const [regionSchools, columns] = await Promise.all([
    findRegionSchools(db, query.regionId),
    // Each (indicator, year) once, as columns (values/value-columns.repo.ts: one index-only query each).
    findValueColumns(db, query.regionId, indicatorYearPairs(query.parts)),
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
