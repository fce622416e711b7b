import { and, eq, type SQL, sql } from "drizzle-orm";
import { encodeCopyBinary } from "../../db/copy-binary";
import { importStaging, indicators, indicatorValues, municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { copyBinaryInto } from "../../platform/db-copy";
import { creationEntries, toPgArray } from "../values/values.repo";
import type { ImportChange } from "./import-summary";
import type { MatchableMunicipality } from "./municipality-matcher";
import type { MatchableSchool } from "./school-matcher";

/** A batch of validated values for the staging table, as parallel arrays (one element a value). */
export type StagingBatch = {
  rowNumber: number[];
  indicatorId: number[];
  versionId: number[];
  /** The school of a school value, null for a municipality value. */
  schoolId: (number | null)[];
  /** The municipality of a municipality value, null for a school value. */
  municipalityId: (number | null)[];
  year: number[];
  value: number[];
};

/** An empty staging batch. */
export function emptyBatch(): StagingBatch {
  return {
    rowNumber: [],
    indicatorId: [],
    versionId: [],
    schoolId: [],
    municipalityId: [],
    year: [],
    value: [],
  };
}

/** The schools of a region that the actor may write to (scope condition over `schools`). */
export async function findMatchableSchools(
  db: Db,
  regionId: number,
  scope: ReturnType<typeof and>,
): Promise<MatchableSchool[]> {
  return db
    .select({
      id: schools.id,
      code: schools.code,
      fullName: schools.fullName,
      shortName: schools.shortName,
      municipalityName: municipalities.name,
      municipalityCode: municipalities.code,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(and(eq(schools.regionId, regionId), scope));
}

/** The municipalities of a region whose values the actor may write (scope condition over `municipalities`). */
export async function findMatchableMunicipalities(
  db: Db,
  regionId: number,
  scope: ReturnType<typeof and>,
): Promise<MatchableMunicipality[]> {
  return db
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), scope));
}

/**
 * Whether the connection may switch off foreign-key triggers for a bulk write
 * (session_replication_role = replica needs a superuser: always so on PGlite). Those checks are
 * row by row and dominate a bulk write on PGlite; the import checks the references set-based instead.
 */
export async function canSkipRowTriggers(db: Db): Promise<boolean> {
  const result = await db.execute(sql`select current_setting('is_superuser') as su`);
  return rowsOf(result as Rows<{ su: string }>)[0]?.su === "on";
}

/**
 * Appends a batch to the staging table of a job with a binary COPY, one short transaction of its
 * own. The job row exists (the import created it), so the row-by-row foreign-key check may be skipped.
 */
export async function insertStagingBatch(
  db: Db,
  jobId: number,
  batch: StagingBatch,
  skipTriggers = false,
): Promise<void> {
  const rows = batch.rowNumber.length;
  if (rows === 0) return;
  const payload = encodeCopyBinary(
    [
      { type: "int4", values: new Array<number>(rows).fill(jobId) },
      { type: "int4", values: batch.rowNumber },
      { type: "int4", values: batch.indicatorId },
      { type: "int4", values: batch.versionId },
      { type: "int4", values: batch.schoolId },
      { type: "int4", values: batch.municipalityId },
      { type: "int4", values: batch.year },
      { type: "float8", values: batch.value },
    ],
    rows,
  );
  await copyBinaryInto(db, STAGING_COLUMNS, payload, { skipTriggers });
}

const STAGING_COLUMNS =
  "import_staging (job_id, row_number, indicator_id, version_id, school_id, municipality_id, year, value)";

/** Refreshes the planner's statistics of the staging table (it goes from empty to large at once). */
export async function analyzeStaging(db: Db): Promise<void> {
  await db.execute(sql`analyze ${importStaging}`);
}

/**
 * Removes a job's staging rows. When no other import has rows staged, the table is truncated
 * instead: instant, and it gives the space back — PGlite has no autovacuum, so deleted staging
 * rows would otherwise stay in its data directory for good. The exclusive lock (taken without
 * waiting) keeps another import from staging between the check and the truncation.
 */
export async function deleteStaging(db: Db, jobId: number): Promise<void> {
  if (await truncateStagingIfOnlyJob(db, jobId)) return;
  await db.delete(importStaging).where(eq(importStaging.jobId, jobId));
}

async function truncateStagingIfOnlyJob(db: Db, jobId: number): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${importStaging} in access exclusive mode nowait`);
      const result = await tx.execute(
        sql`select exists (select 1 from ${importStaging} where job_id <> ${jobId}) as busy`,
      );
      if (rowsOf(result as Rows<{ busy: boolean }>)[0]?.busy !== false) return false;
      await tx.execute(sql`truncate ${importStaging}`);
      return true;
    });
  } catch (error) {
    // 55P03: another transaction holds the table (an import staging right now): delete instead.
    if (sqlState(error) === "55P03") return false;
    throw error;
  }
}

type Rows<T> = { rows: T[] } | T[];

function rowsOf<T>(result: Rows<T>): T[] {
  return Array.isArray(result) ? result : result.rows;
}

/** A staging row that repeats an earlier one: same owner (school or municipality), indicator and year. */
export type DuplicateRow = {
  row_number: number;
  indicator_id: number;
  first_row: number;
  /** The school's code, or the municipality's for a municipality value. */
  owner_code: string;
  is_municipality: boolean;
  year: number;
};

/** Staged values given twice (owner × indicator × year), each repeat with the first row, by row. */
export async function findStagedDuplicates(db: Db, jobId: number, limit: number): Promise<DuplicateRow[]> {
  const result = await db.execute(sql`
    with dup as (
      select school_id, municipality_id, indicator_id, year from ${importStaging} where job_id = ${jobId}
      group by school_id, municipality_id, indicator_id, year having count(*) > 1
    )
    select s.row_number, s.indicator_id, s.year, coalesce(sc.code, m.code) as owner_code,
      s.school_id is null as is_municipality,
      min(s.row_number) over (partition by s.school_id, s.municipality_id, s.indicator_id, s.year) as first_row
    from ${importStaging} s
    join dup on dup.indicator_id = s.indicator_id and dup.year = s.year
      and dup.school_id is not distinct from s.school_id and dup.municipality_id is not distinct from s.municipality_id
    left join ${schools} sc on sc.id = s.school_id
    left join ${municipalities} m on m.id = s.municipality_id
    where s.job_id = ${jobId}
    order by s.row_number limit ${limit}`);
  return rowsOf(result as Rows<DuplicateRow>)
    .map((row) => ({ ...row, row_number: Number(row.row_number), first_row: Number(row.first_row) }))
    .filter((row) => row.row_number !== row.first_row);
}

/** The (school, year) pairs of a region whose forms are approved or accepted (their values locked), as "school:year". */
export async function findLockedSchoolYears(db: Db, regionId: number): Promise<Set<string>> {
  const result = await db.execute(sql`
    select f.school_id, f.year from form_submissions f join ${schools} sc on sc.id = f.school_id
    where sc.region_id = ${regionId} and f.status in ('approved', 'accepted')`);
  return new Set(
    rowsOf(result as Rows<{ school_id: number; year: number }>).map((r) => `${r.school_id}:${r.year}`),
  );
}

/** A staged value that would change a value locked by an approved or accepted form. */
export type LockedRow = {
  row_number: number;
  indicator_id: number;
  school_code: string;
  year: number;
  status: string;
};

/** Staged values that would change a locked value (form approved/accepted, no open unlock), by row. */
export async function findStagedLocked(
  db: Db,
  jobId: number,
  limit: number,
  rows?: RowRange,
): Promise<LockedRow[]> {
  const result = await db.execute(sql`
    select s.row_number, s.indicator_id, s.year, sc.code as school_code, f.status
    from ${importStaging} s
    join form_submissions f on f.school_id = s.school_id and f.year = s.year and f.status in ('approved', 'accepted')
    join ${schools} sc on sc.id = s.school_id
    left join ${indicatorValues} v on v.indicator_id = s.indicator_id and v.school_id = s.school_id and v.year = s.year
    where s.job_id = ${jobId} ${inRange(rows)} and v.value is distinct from s.value
      and not exists (select 1 from value_unlocks u
        where u.submission_id = f.id and u.indicator_id = s.indicator_id and u.used_at is null)
    order by s.row_number limit ${limit}`);
  return rowsOf(result as Rows<LockedRow>).map((row) => ({ ...row, row_number: Number(row.row_number) }));
}

/** How many staged values are new, would change a stored value, or equal it. */
export type StagedCounts = { created: number; updated: number; unchanged: number };

/**
 * A job's staging rows `s`, each with its stored value `v` (id and value null when new): the
 * school's value for a school row, the municipality's for a municipality row.
 */
function stagedWithStored(jobId: number) {
  return sql`(
    select s.row_number, s.indicator_id, s.school_id, s.municipality_id, s.year, s.value,
      coalesce(vs.id, vm.id) as id, coalesce(vs.value, vm.value) as stored
    from ${importStaging} s
    left join ${indicatorValues} vs on vs.indicator_id = s.indicator_id and vs.school_id = s.school_id and vs.year = s.year
    left join ${indicatorValues} vm on vm.indicator_id = s.indicator_id and vm.municipality_id = s.municipality_id and vm.year = s.year
    where s.job_id = ${jobId}
  ) s`;
}

/** Counts the staged values against the stored ones. */
export async function countStagedChanges(db: Db, jobId: number): Promise<StagedCounts> {
  const result = await db.execute(sql`
    select count(*) filter (where s.id is null) as created,
      count(*) filter (where s.id is not null and s.stored is distinct from s.value) as updated,
      count(*) filter (where s.stored = s.value) as unchanged
    from ${stagedWithStored(jobId)}`);
  const [row] = rowsOf(result as Rows<Record<keyof StagedCounts, string | number>>);
  return {
    created: Number(row?.created ?? 0),
    updated: Number(row?.updated ?? 0),
    unchanged: Number(row?.unchanged ?? 0),
  };
}

/** One value the import would create or change, for the dry-run table (the summary's own type). */
export type StagedChange = ImportChange;

/** The first `limit` new or changed values, by row (then indicator), for the dry-run preview. */
export async function findStagedChanges(db: Db, jobId: number, limit: number): Promise<StagedChange[]> {
  const result = await db.execute(sql`
    select s.row_number, coalesce(sc.code, m.code) as code, coalesce(sc.short_name, m.name) as name,
      s.school_id is null as is_municipality, i.code as indicator_code, s.year, s.stored as old_value, s.value
    from ${stagedWithStored(jobId)}
    join ${indicators} i on i.id = s.indicator_id
    left join ${schools} sc on sc.id = s.school_id
    left join ${municipalities} m on m.id = s.municipality_id
    where s.stored is distinct from s.value
    order by s.row_number, i.code limit ${limit}`);
  type Raw = {
    is_municipality: boolean;
    row_number: number;
    code: string;
    name: string;
    indicator_code: string;
    year: number;
    old_value: number | null;
    value: number;
  };
  return rowsOf(result as Rows<Raw>).map((r) => ({
    row: Number(r.row_number),
    level: r.is_municipality ? "municipality" : "school",
    code: r.code,
    name: r.name,
    indicatorCode: r.indicator_code,
    year: Number(r.year),
    oldValue: r.old_value === null ? null : Number(r.old_value),
    newValue: Number(r.value),
  }));
}

/** Data rows of the file (by row number, both ends included): one staging batch's rows. */
export type RowRange = { first: number; last: number };

/** The condition «and the staging row `s` is in the range», or nothing for the whole job. */
function inRange(rows: RowRange | undefined, alias = "s"): SQL {
  if (!rows) return sql``;
  return sql`and ${sql.raw(alias)}.row_number between ${rows.first} and ${rows.last}`;
}

/**
 * Applies a job's staged values in set-based statements (call inside one transaction): inserts new
 * values, updates changed ones (keeping equal ones untouched), appends a history row for every
 * change, and marks the unlocks it used. Returns how many values it created and changed.
 *
 * With `skipTriggers` (a superuser connection: always so on PGlite) the row-by-row foreign-key
 * triggers are off for the transaction (session_replication_role = replica; the tables written have
 * no other triggers). That is safe because lockReferences has first checked, set-based, that every
 * referenced school, municipality, indicator, version and the user exist, and locked them FOR KEY
 * SHARE as those triggers would have; the history rows refer to the values just written. On PGlite
 * the triggers are most of the cost of a bulk write (a million values: several times slower).
 */
export async function applyStaged(
  db: Db,
  opts: { jobId: number; userId: number | null; sourceRef: string; skipTriggers: boolean },
): Promise<{ created: number; updated: number }> {
  const { jobId, userId, sourceRef } = opts;
  await lockReferences(db, jobId, userId);
  await skipRowTriggers(db, opts.skipTriggers);
  const written = { created: 0, updated: 0 };
  for (const owner of ["school_id", "municipality_id"] as const) {
    const isNew = !(await hasStoredPairs(db, jobId, owner));
    const counts = await writeStaged(db, { jobId, userId, sourceRef, owner }, isNew);
    written.created += counts.created;
    written.updated += counts.updated;
  }
  await finishApply(db, { jobId, userId, skipTriggers: opts.skipTriggers });
  return written;
}

/** Turns the row-by-row foreign-key triggers off for the rest of the transaction (see applyStaged). */
export async function skipRowTriggers(db: Db, skip: boolean): Promise<void> {
  if (skip) await db.execute(sql`set local session_replication_role = replica`);
}

/**
 * The end of an apply, whether the values were written at once or batch by batch: the references
 * checked and locked (see lockReferences; again when written batch by batch, so that nothing deleted
 * meanwhile is referred to at commit), the unlocks used marked, the triggers back on.
 */
export async function finishApply(
  db: Db,
  opts: { jobId: number; userId: number | null; skipTriggers: boolean; checkReferences?: boolean },
): Promise<void> {
  const { jobId } = opts;
  if (opts.checkReferences) await lockReferences(db, jobId, opts.userId);
  await db.execute(sql`
    update value_unlocks u set used_at = now()
    from ${importStaging} s, form_submissions f
    where s.job_id = ${jobId} and f.school_id = s.school_id and f.year = s.year
      and u.submission_id = f.id and u.indicator_id = s.indicator_id and u.used_at is null`);
  if (opts.skipTriggers) await db.execute(sql`set local session_replication_role = origin`);
}

/**
 * Writes staged values of one kind of owner (all of the job's, or one batch's rows): a plain insert
 * when `isNew` (none of their (indicator, year) pairs had a stored value), else the general upsert.
 */
export function writeStaged(
  db: Db,
  write: StagedWrite,
  isNew: boolean,
): Promise<{ created: number; updated: number }> {
  return isNew ? insertStaged(db, write) : upsertStaged(db, write);
}

/**
 * Whether any (indicator, year) of the job's staged values of one kind of owner already has a
 * stored value of that kind. When none has (a new year's first load, the usual import), every
 * staged value is new and {@link insertStaged} writes them without looking each one up.
 */
async function hasStoredPairs(
  db: Db,
  jobId: number,
  owner: "school_id" | "municipality_id",
): Promise<boolean> {
  const column = sql.raw(owner);
  const result = await db.execute(sql`
    with pairs as (
      select distinct indicator_id, year from ${importStaging} where job_id = ${jobId} and ${column} is not null
    )
    select exists (select 1 from pairs p where exists (select 1 from ${indicatorValues} v
      where v.indicator_id = p.indicator_id and v.year = p.year and v.${column} is not null)) as stored`);
  return rowsOf(result as Rows<{ stored: boolean }>)[0]?.stored === true;
}

/** Of these (indicator, year) pairs, those with a stored value of the kind of owner, as "indicator:year" keys. */
export async function findStoredPairs(
  db: Db,
  owner: "school_id" | "municipality_id",
  pairs: readonly { indicatorId: number; year: number }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const column = sql.raw(owner);
  const result = await db.execute(sql`
    select p.i as indicator_id, p.y as year
    from unnest(${toPgArray(pairs.map((p) => p.indicatorId))}::int[], ${toPgArray(pairs.map((p) => p.year))}::int[]) as p(i, y)
    where exists (select 1 from ${indicatorValues} v where v.indicator_id = p.i and v.year = p.y and v.${column} is not null)`);
  return new Set(
    rowsOf(result as Rows<{ indicator_id: number; year: number }>).map((r) => `${r.indicator_id}:${r.year}`),
  );
}

/** What a write of staged values needs: the job, who writes, the job as the values' source, the owner kind. */
export type StagedWrite = {
  jobId: number;
  userId: number | null;
  sourceRef: string;
  owner: "school_id" | "municipality_id";
  /** Only these rows (one batch); all the job's when absent. */
  rows?: RowRange;
};

/**
 * Inserts the staged values of one kind of owner when none of their (indicator, year) pairs has a
 * stored value (see {@link hasStoredPairs}): one plain insert, no per-value look-up (a quarter of
 * the write on a server). Repeats in the file were refused before; a value written by someone else
 * meanwhile breaks the unique key and stops the import as in {@link upsertStaged}.
 */
async function insertStaged(db: Db, opts: StagedWrite): Promise<{ created: number; updated: number }> {
  const { jobId, userId, sourceRef } = opts;
  const owner = sql.raw(opts.owner);
  const result = await db
    .execute(sql`
    with inserted as (
      insert into ${indicatorValues} (indicator_id, version_id, ${owner}, year, value, source, source_ref, entered_by)
      select indicator_id, version_id, ${owner}, year, value, 'import', ${sourceRef}, ${userId} from ${importStaging} s
      where job_id = ${jobId} ${inRange(opts.rows)} and ${owner} is not null
      returning 1
    )
    select count(*) as created from inserted`)
    .catch(concurrentWrite);
  const [row] = rowsOf(result as Rows<{ created: string | number }>);
  return { created: Number(row?.created ?? 0), updated: 0 };
}

/**
 * Inserts or updates the staged values of one kind of owner, with a history row for each change
 * (and, for a value's first change, its creation entry: values.repo.ts, creationEntries; a new
 * value has no history row); returns how many values it created and changed.
 * New values are a plain insert of the staged rows with no stored row, changed ones an update
 * joined on the key: several times faster on PGlite than INSERT … ON CONFLICT, whose speculative
 * insertion costs a unique-index round trip per row. A value written by someone else between the
 * statement's snapshot and its insert would break the unique key: the import then stops, writes
 * nothing and asks to be repeated.
 */
async function upsertStaged(db: Db, opts: StagedWrite): Promise<{ created: number; updated: number }> {
  const { jobId, userId, sourceRef } = opts;
  const owner = sql.raw(opts.owner);
  const result = await db
    .execute(sql`
    with s as (
      select indicator_id, version_id, ${owner}, year, value from ${importStaging} s
      where job_id = ${jobId} ${inRange(opts.rows)} and ${owner} is not null
    ),
    changed as (
      select v.id, v.value, v.source, v.source_ref, v.entered_by, v.entered_at,
        s.version_id, s.value as new_value
      from s join ${indicatorValues} v
        on v.indicator_id = s.indicator_id and v.${owner} = s.${owner} and v.year = s.year
      where v.value is distinct from s.value
    ),
    updated as (
      update ${indicatorValues} v set value = c.new_value, version_id = c.version_id, source = 'import',
        source_ref = ${sourceRef}, entered_by = ${userId}, entered_at = now()
      from changed c where v.id = c.id
      returning v.id
    ),
    inserted as (
      insert into ${indicatorValues} (indicator_id, version_id, ${owner}, year, value, source, source_ref, entered_by)
      select indicator_id, version_id, ${owner}, year, value, 'import', ${sourceRef}, ${userId} from s
      where not exists (select 1 from ${indicatorValues} v
        where v.indicator_id = s.indicator_id and v.${owner} = s.${owner} and v.year = s.year)
      returning id
    ),
    created_entries as (${creationEntries(sql`changed`)}),
    history as (
      insert into indicator_value_history (value_id, old_value, new_value, source, source_ref, changed_by)
      select id, value, new_value, 'import', ${sourceRef}, ${userId} from changed
    )
    select (select count(*) from inserted) as created, (select count(*) from updated) as updated`)
    .catch(concurrentWrite);
  const [row] = rowsOf(result as Rows<{ created: string | number; updated: string | number }>);
  return { created: Number(row?.created ?? 0), updated: Number(row?.updated ?? 0) };
}

/** Rethrows a unique violation of a write of staged values as the Russian «repeat the import»; others as they are. */
function concurrentWrite(error: unknown): never {
  if (!isUniqueViolation(error)) throw error;
  throw new Error(
    "Значения изменились во время загрузки (их записали формой или другой загрузкой); повторите загрузку",
  );
}

/** The SQLSTATE of a database error, whichever driver raised it (Drizzle wraps it as the cause). */
function sqlState(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return [error, cause]
    .map((e) => (e as { code?: unknown } | undefined)?.code)
    .find((c) => typeof c === "string") as string | undefined;
}

/** Whether an error is PostgreSQL's unique violation (SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/**
 * Locks (FOR KEY SHARE, as a foreign-key check does) every school, municipality, indicator and
 * version the staged values refer to, and the user who writes them, and throws when one has gone
 * since it was matched (deleted meanwhile). One pass over the staging rows collects the ids.
 */
async function lockReferences(db: Db, jobId: number, userId: number | null): Promise<void> {
  const result = await db.execute(sql`
    with ids as materialized (
      select array_agg(distinct school_id) filter (where school_id is not null) as sc,
        array_agg(distinct municipality_id) filter (where municipality_id is not null) as mu,
        array_agg(distinct indicator_id) as ind, array_agg(distinct version_id) as ver
      from ${importStaging} where job_id = ${jobId}
    ),
    sc as (select id from ${schools} where id in (select unnest(sc) from ids) for key share),
    mu as (select id from ${municipalities} where id in (select unnest(mu) from ids) for key share),
    ind as (select id from indicators where id in (select unnest(ind) from ids) for key share),
    ver as (select id from indicator_versions where id in (select unnest(ver) from ids) for key share),
    us as (select id from users where id = ${userId} for key share)
    select (select count(*) from sc) = coalesce(cardinality(sc), 0)
      and (select count(*) from mu) = coalesce(cardinality(mu), 0)
      and (select count(*) from ind) = coalesce(cardinality(ind), 0)
      and (select count(*) from ver) = coalesce(cardinality(ver), 0)
      and (select count(*) from us) = ${userId === null ? 0 : 1} as ok
    from ids`);
  const [row] = rowsOf(result as Rows<{ ok: boolean }>);
  if (row?.ok !== true) {
    throw new Error(
      "Школа, муниципалитет, показатель или пользователь удалены во время загрузки; повторите загрузку",
    );
  }
}
