import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  buildSchoolFacts,
  type IndicatorMeta,
  type SchoolFacts,
  type SchoolFactsQuery,
  type ValueRow,
} from "../../../core/identification";
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
 * The region's school values of these indicators in these years, in one query. The database sends
 * one row per indicator and year with the schools and values as arrays (a few hundred rows rather
 * than millions, which matters on PGlite), and they are read back as long-form rows lazily.
 */
export async function findRegionValues(db: Db, query: SchoolFactsQuery): Promise<Iterable<ValueRow>> {
  if (query.codes.length === 0 || query.years.length === 0) return [];
  const columns = await db
    .select({
      code: indicators.code,
      year: indicatorValues.year,
      schoolIds: sql<number[]>`array_agg(${indicatorValues.schoolId})`,
      values: sql<number[]>`array_agg(${indicatorValues.value}::float8)`,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(
      and(
        eq(indicators.regionId, query.regionId),
        inArray(indicators.code, [...query.codes]),
        inArray(indicatorValues.year, [...query.years]),
        isNotNull(indicatorValues.schoolId),
      ),
    )
    .groupBy(indicators.code, indicatorValues.year);
  return expandColumns(columns);
}

function* expandColumns(
  columns: { code: string; year: number; schoolIds: number[]; values: number[] }[],
): Generator<ValueRow> {
  for (const column of columns) {
    for (let i = 0; i < column.schoolIds.length; i++) {
      yield {
        schoolId: Number(column.schoolIds[i]),
        code: column.code,
        year: column.year,
        value: Number(column.values[i]),
      };
    }
  }
}

/**
 * Every school of a region with the requested values: two set-based queries. Has the shape of the
 * core's SchoolFactsLoader once `db` is bound.
 */
export async function loadSchoolFacts(
  db: Db,
  query: SchoolFactsQuery,
): Promise<{ schools: RegionSchool[]; facts: SchoolFacts[] }> {
  const [regionSchools, values] = await Promise.all([
    findRegionSchools(db, query.regionId),
    findRegionValues(db, query),
  ]);
  const facts = buildSchoolFacts(
    regionSchools.map(({ name: _name, ...school }) => school),
    values,
  );
  return { schools: regionSchools, facts };
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
