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
 * every change in the history. A creation writes no history row: the value row itself says who
 * entered it, when and from what, and the readers show it as the first entry; the first change of
 * a value writes that creation entry before its own (see {@link creationEntries}). Set-based: a
 * few statements per batch.
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
        select v.id, v.value, v.source, v.source_ref, v.entered_by, v.entered_at
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
        returning id, value
      ),
      changed as (
        select old.*, up.value as new_value from up join old on old.id = up.id
      ),
      created_entries as (${creationEntries(sql`changed`)})
      insert into ${indicatorValueHistory} (value_id, old_value, new_value, source, source_ref, reason, changed_by)
      select id, value, new_value, ${src.source}, ${src.sourceRef ?? null}, ${src.reason ?? null}, ${src.userId}
      from changed
    `);
  }
}

/**
 * The statement that writes the creation entries of values changed for the first time: from
 * `changed` (a CTE or table with the value's id and its row as it was before the change: value,
 * source, source_ref, entered_by, entered_at), an entry «none → value» by whoever entered it, when,
 * for each value with no history yet. Values are created without a history row (a bulk import of a
 * new year would otherwise write every row twice); this keeps a value's history complete once it
 * has one. Readers show a value that has none with its creation entry made up from its row.
 */
export function creationEntries(changed: SQL): SQL {
  return sql`
    insert into ${indicatorValueHistory} (value_id, old_value, new_value, source, source_ref, changed_by, changed_at)
    select c.id, null, c.value, c.source, c.source_ref, c.entered_by, c.entered_at from ${changed} c
    where not exists (select 1 from ${indicatorValueHistory} h where h.value_id = c.id)`;
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
 * (kept under its owner, indicator and year). A value never changed has no history row: its
 * creation entry is made up from the value row (see {@link creationEntries}).
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
  const [recorded, unrecorded] = await Promise.all([
    db
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
      ),
    findUnrecordedCreations(db, eq(indicatorValues.id, value.id), 1),
  ]);
  return newestFirst([...recorded, ...unrecorded.map(({ indicatorId: _indicatorId, ...entry }) => entry)]);
}

/**
 * The creation entries of values that have no history row (never changed since they were
 * entered), made up from the value rows: «none → value», by whoever entered it, when. Such an
 * entry's id is the value's id negated (history ids are positive), so ids stay unique in a list.
 */
function findUnrecordedCreations(db: Db, which: SQL | undefined, limit: number) {
  return db
    .select({
      id: sql<number>`-${indicatorValues.id}`.mapWith(Number),
      oldValue: sql<number | null>`null::float8`,
      newValue: sql<number | null>`${indicatorValues.value}`.mapWith(Number),
      source: indicatorValues.source,
      sourceRef: indicatorValues.sourceRef,
      reason: sql<string | null>`null::text`,
      changedAt: indicatorValues.enteredAt,
      changedBy: users.fullName,
      indicatorId: indicatorValues.indicatorId,
    })
    .from(indicatorValues)
    .leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(
      and(
        which,
        sql`not exists (select 1 from ${indicatorValueHistory} h where h.value_id = ${indicatorValues.id})`,
      ),
    )
    .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id))
    .limit(limit);
}

/** History entries newest first: by time, then by id (a creation entry written late has a later id). */
function newestFirst<T extends { id: number; changedAt: Date }>(entries: T[]): T[] {
  return entries.sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime() || b.id - a.id);
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
  await db.execute(creationEntries(sql`(select * from ${indicatorValues} where id = any(${ids}))`));
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
 * the values it has, of values since cleared, and the creation of values never changed (made up
 * from their rows, see {@link findUnrecordedCreations}).
 */
export async function findSchoolYearHistory(db: Db, schoolId: number, year: number, limit = 200) {
  const [live, cleared, unrecorded] = await Promise.all([
    db
      .select({ ...historyColumns, indicatorId: indicatorValues.indicatorId })
      .from(indicatorValueHistory)
      .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorValueHistory.valueId))
      .leftJoin(users, eq(users.id, indicatorValueHistory.changedBy))
      .where(and(eq(indicatorValues.schoolId, schoolId), eq(indicatorValues.year, year)))
      .orderBy(desc(indicatorValueHistory.changedAt), desc(indicatorValueHistory.id))
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
      .orderBy(desc(indicatorValueHistory.changedAt), desc(indicatorValueHistory.id))
      .limit(limit),
    findUnrecordedCreations(
      db,
      and(eq(indicatorValues.schoolId, schoolId), eq(indicatorValues.year, year)),
      limit,
    ),
  ]);
  return newestFirst([...live, ...cleared, ...unrecorded]).slice(0, limit);
}
