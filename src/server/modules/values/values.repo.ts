import { and, asc, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import {
  indicators,
  indicatorValueHistory,
  indicatorValues,
  indicatorVersions,
  municipalities,
  schools,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** One value to write. */
export type ValueWrite = {
  indicatorId: number;
  versionId: number;
  schoolId: number;
  year: number;
  value: number;
};

/** Where a write comes from, for the value and its history. */
export type WriteSource = {
  source: "import" | "form" | "api" | "demo";
  sourceRef?: string | null;
  reason?: string | null;
  userId: number | null;
};

/**
 * Writes school values: inserts new ones, updates changed ones, leaves equal ones, and records
 * every creation and change in the history. Set-based: a few statements per batch.
 */
export async function upsertSchoolValues(db: Db, rows: ValueWrite[], src: WriteSource): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000);
    const arr = <T>(f: (r: ValueWrite) => T) => batch.map(f);
    await db.execute(sql`
      with input as (
        select * from unnest(
          ${toPgArray(arr((r) => r.indicatorId))}::int[], ${toPgArray(arr((r) => r.versionId))}::int[],
          ${toPgArray(arr((r) => r.schoolId))}::int[], ${toPgArray(arr((r) => r.year))}::int[],
          ${toPgArray(arr((r) => r.value))}::float8[]
        ) as t(indicator_id, version_id, school_id, year, value)
      ),
      old as (
        select v.id, v.value, i.indicator_id, i.school_id, i.year
        from input i join ${indicatorValues} v
          on v.indicator_id = i.indicator_id and v.school_id = i.school_id and v.year = i.year
      ),
      up as (
        insert into ${indicatorValues} (indicator_id, version_id, school_id, year, value, source, source_ref, entered_by)
        select indicator_id, version_id, school_id, year, value, ${src.source}, ${src.sourceRef ?? null}, ${src.userId}
        from input
        on conflict (indicator_id, school_id, year) where school_id is not null
        do update set value = excluded.value, version_id = excluded.version_id, source = excluded.source,
          source_ref = excluded.source_ref, entered_by = excluded.entered_by, entered_at = now()
        where ${indicatorValues}.value is distinct from excluded.value
        returning id, indicator_id, school_id, year, value
      )
      insert into ${indicatorValueHistory} (value_id, old_value, new_value, source, source_ref, reason, changed_by)
      select up.id, old.value, up.value, ${src.source}, ${src.sourceRef ?? null}, ${src.reason ?? null}, ${src.userId}
      from up left join old on old.indicator_id = up.indicator_id and old.school_id = up.school_id and old.year = up.year
    `);
  }
}

/** Formats numbers as a PostgreSQL array literal, passed as one parameter (fast for large batches). */
export function toPgArray(values: number[]): string {
  return `{${values.join(",")}}`;
}

/** A school's values with the definition they were entered under and who entered them. */
export function findSchoolValues(db: Db, schoolId: number, years?: number[]) {
  return findOwnerValues(db, eq(indicatorValues.schoolId, schoolId), years);
}

/** A municipality's own values (municipality-level indicators), like findSchoolValues. */
export function findMunicipalityValues(db: Db, municipalityId: number, years?: number[]) {
  return findOwnerValues(db, eq(indicatorValues.municipalityId, municipalityId), years);
}

/** Values of one owner (a school or a municipality), optionally of some years, by indicator and year. */
async function findOwnerValues(db: Db, owner: SQL, years?: number[]) {
  const conditions: (SQL | undefined)[] = [owner];
  if (years?.length) conditions.push(inArray(indicatorValues.year, years));
  return db
    .select({
      id: indicatorValues.id,
      indicatorId: indicatorValues.indicatorId,
      code: indicators.code,
      versionId: indicatorValues.versionId,
      version: indicatorVersions.version,
      year: indicatorValues.year,
      value: indicatorValues.value,
      source: indicatorValues.source,
      enteredAt: indicatorValues.enteredAt,
      enteredBy: users.fullName,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(indicatorVersions, eq(indicatorVersions.id, indicatorValues.versionId))
    .leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(and(...conditions))
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.year));
}

/**
 * The history of one value, newest first, including changes made before it was last cleared
 * (kept under its owner, indicator and year).
 */
export async function findValueHistory(
  db: Db,
  value: {
    id: number;
    indicatorId: number;
    schoolId: number | null;
    municipalityId: number | null;
    year: number;
  },
) {
  const owner =
    value.schoolId !== null
      ? eq(indicatorValueHistory.schoolId, value.schoolId)
      : value.municipalityId !== null
        ? eq(indicatorValueHistory.municipalityId, value.municipalityId)
        : sql`false`;
  return db
    .select(historyColumns)
    .from(indicatorValueHistory)
    .leftJoin(users, eq(users.id, indicatorValueHistory.changedBy))
    .where(
      or(
        eq(indicatorValueHistory.valueId, value.id),
        and(
          isNull(indicatorValueHistory.valueId),
          owner,
          eq(indicatorValueHistory.indicatorId, value.indicatorId),
          eq(indicatorValueHistory.year, value.year),
        ),
      ),
    )
    .orderBy(desc(indicatorValueHistory.id));
}

/** Values of a region's schools in scope for a year, long form, for export and analytics. */
export async function findYearValues(
  db: Db,
  opts: { regionId: number; year: number; scope: SQL | undefined },
) {
  return db
    .select({
      schoolId: indicatorValues.schoolId,
      schoolCode: schools.code,
      schoolName: schools.shortName,
      municipality: municipalities.name,
      code: indicators.code,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .innerJoin(schools, eq(schools.id, indicatorValues.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(
      and(
        eq(schools.regionId, opts.regionId),
        eq(indicatorValues.year, opts.year),
        isNotNull(indicatorValues.schoolId),
        opts.scope,
      ),
    );
}

/** The years a region has values for, newest first. */
export async function findValueYears(db: Db, regionId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: indicatorValues.year })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(eq(indicators.regionId, regionId))
    .orderBy(desc(indicatorValues.year));
  return rows.map((r) => r.year);
}

/** One value by id with where it belongs, or undefined. */
export async function findValueById(db: Db, id: number) {
  const [row] = await db
    .select({
      id: indicatorValues.id,
      indicatorId: indicatorValues.indicatorId,
      code: indicators.code,
      versionId: indicatorValues.versionId,
      version: indicatorVersions.version,
      schoolId: indicatorValues.schoolId,
      municipalityId: indicatorValues.municipalityId,
      year: indicatorValues.year,
      value: indicatorValues.value,
      source: indicatorValues.source,
      enteredAt: indicatorValues.enteredAt,
      enteredBy: users.fullName,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(indicatorVersions, eq(indicatorVersions.id, indicatorValues.versionId))
    .leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(eq(indicatorValues.id, id));
  return row;
}

/** The years a school has values for, newest first. */
export async function findSchoolValueYears(db: Db, schoolId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: indicatorValues.year })
    .from(indicatorValues)
    .where(eq(indicatorValues.schoolId, schoolId))
    .orderBy(desc(indicatorValues.year));
  return rows.map((r) => r.year);
}

/**
 * Clears values of a school for a year: records each change (old value → none) in the history,
 * keeps the earlier history with the value's owner, indicator and year, and deletes the value rows.
 * Values that do not exist are skipped. Returns the indicator ids cleared.
 */
export async function clearSchoolValues(
  db: Db,
  target: { schoolId: number; year: number; indicatorIds: number[] },
  src: WriteSource,
): Promise<number[]> {
  if (!target.indicatorIds.length) return [];
  const found = await db
    .select({ id: indicatorValues.id, indicatorId: indicatorValues.indicatorId })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.schoolId, target.schoolId),
        eq(indicatorValues.year, target.year),
        inArray(indicatorValues.indicatorId, target.indicatorIds),
      ),
    );
  if (!found.length) return [];
  const ids = sql`${toPgArray(found.map((f) => f.id))}::bigint[]`;
  await db.execute(sql`
    update ${indicatorValueHistory} h set indicator_id = v.indicator_id, school_id = v.school_id,
      municipality_id = v.municipality_id, year = v.year
    from ${indicatorValues} v
    where h.value_id = v.id and v.id = any(${ids})`);
  await db.execute(sql`
    insert into ${indicatorValueHistory}
      (value_id, indicator_id, school_id, municipality_id, year, old_value, new_value, source, source_ref, reason, changed_by)
    select v.id, v.indicator_id, v.school_id, v.municipality_id, v.year, v.value, null,
      ${src.source}, ${src.sourceRef ?? null}, ${src.reason ?? null}, ${src.userId}
    from ${indicatorValues} v where v.id = any(${ids})`);
  await db.delete(indicatorValues).where(
    inArray(
      indicatorValues.id,
      found.map((f) => f.id),
    ),
  );
  return found.map((f) => f.indicatorId);
}

const historyColumns = {
  id: indicatorValueHistory.id,
  oldValue: indicatorValueHistory.oldValue,
  newValue: indicatorValueHistory.newValue,
  source: indicatorValueHistory.source,
  sourceRef: indicatorValueHistory.sourceRef,
  reason: indicatorValueHistory.reason,
  changedAt: indicatorValueHistory.changedAt,
  changedBy: users.fullName,
};

/**
 * The latest changes of a school's values in a year, newest first, with the indicator: changes of
 * the values it has and of values since cleared.
 */
export async function findSchoolYearHistory(db: Db, schoolId: number, year: number, limit = 200) {
  const [live, cleared] = await Promise.all([
    db
      .select({ ...historyColumns, indicatorId: indicatorValues.indicatorId })
      .from(indicatorValueHistory)
      .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorValueHistory.valueId))
      .leftJoin(users, eq(users.id, indicatorValueHistory.changedBy))
      .where(and(eq(indicatorValues.schoolId, schoolId), eq(indicatorValues.year, year)))
      .orderBy(desc(indicatorValueHistory.id))
      .limit(limit),
    db
      .select({ ...historyColumns, indicatorId: indicatorValueHistory.indicatorId })
      .from(indicatorValueHistory)
      .leftJoin(users, eq(users.id, indicatorValueHistory.changedBy))
      .where(
        and(
          isNull(indicatorValueHistory.valueId),
          eq(indicatorValueHistory.schoolId, schoolId),
          eq(indicatorValueHistory.year, year),
        ),
      )
      .orderBy(desc(indicatorValueHistory.id))
      .limit(limit),
  ]);
  return [...live, ...cleared].sort((a, b) => b.id - a.id).slice(0, limit);
}
