import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SchoolCategoryName } from "../../../core/identification";
import type { RuleSetResult, RunRuleSet } from "../../../core/identification/api.schema";
import { identificationResults, identificationRuns, municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { toRunColumns } from "./run-columns";
import { insertRunCriteria } from "./run-criteria.repo";

/** A stored run row. */
export type RunRow = typeof identificationRuns.$inferSelect;

/** Schools per insert statement (one JSON document of rows each). */
const RESULT_BATCH = 10_000;

/** A result row to store: a school's result as the snapshot builds it. */
export type ResultWrite = {
  schoolId: number;
  municipalityId: number;
  schoolCode: string;
  schoolName: string;
  isRural: boolean;
  category: SchoolCategoryName;
  riskFlags: string[];
  /** The sentences of the met criteria of the rule sets that flagged the school (see reasonsOf). */
  reasons: string[];
  details: RuleSetResult[];
};

/**
 * Inserts a run and its results; call inside a transaction. Returns the run id. Each school gets one
 * small row (category, risk flags, its rule set statuses and its position); every criterion's values,
 * thresholds, verdicts and sentences go column-wise, a row per criterion and chunk of schools. The
 * reasons are not stored apart: they are sentences of those criteria (see reasonsOf).
 */
export async function insertRun(
  db: Db,
  run: {
    regionId: number;
    year: number;
    ruleSets: RunRuleSet[];
    createdBy: number | null;
    createdByName: string;
  },
  written: readonly ResultWrite[],
): Promise<number> {
  // Positions follow municipality, then school code: a municipality's schools share chunks.
  const results = [...written].sort(
    (a, b) => a.municipalityId - b.municipalityId || compareText(a.schoolCode, b.schoolCode),
  );
  const { statuses, columns } = toRunColumns(
    results.map((result) => result.details),
    run.year,
  );
  const [row] = await db
    .insert(identificationRuns)
    .values({ ...run, schoolCount: results.length })
    .returning({ id: identificationRuns.id });
  if (!row) throw new Error("Запуск не создан");
  for (let from = 0; from < results.length; from += RESULT_BATCH) {
    await insertResultRows(db, row.id, results.slice(from, from + RESULT_BATCH), statuses.slice(from), from);
  }
  await insertRunCriteria(db, row.id, columns);
  return row.id;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One statement for a batch of schools: their rows as JSON, expanded by the database. */
async function insertResultRows(
  db: Db,
  runId: number,
  results: readonly ResultWrite[],
  statuses: readonly string[],
  firstPosition: number,
) {
  const rows = results.map((result, k) => ({
    s: result.schoolId,
    m: result.municipalityId,
    c: result.schoolCode,
    n: result.schoolName,
    r: result.isRural,
    g: result.category,
    // Most schools have no risk flag: the constant spares the database a JSON parse per row.
    f: result.riskFlags.length > 0 ? result.riskFlags : undefined,
    p: firstPosition + k,
    t: statuses[k] ?? "",
  }));
  await db.execute(sql`
    insert into ${identificationResults} (run_id, school_id, municipality_id, school_code, school_name,
      is_rural, category, risk_flags, position, rule_set_statuses)
    select ${runId}, x.s, x.m, x.c, x.n, x.r, x.g, coalesce(x.f::jsonb, '[]'::jsonb), x.p, x.t
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as x(s int, m int, c text, n text, r boolean, g text, f json, p int, t text)`);
}

/** A region's runs, newest first; only approved ones when asked. */
export async function findRuns(db: Db, opts: { regionIds: readonly number[] | null; approvedOnly: boolean }) {
  return db
    .select()
    .from(identificationRuns)
    .where(
      and(
        opts.regionIds === null
          ? undefined
          : opts.regionIds.length === 0
            ? sql`false`
            : inArray(identificationRuns.regionId, [...opts.regionIds]),
        opts.approvedOnly ? eq(identificationRuns.status, "approved") : undefined,
      ),
    )
    .orderBy(desc(identificationRuns.id));
}

/** One run by id. */
export async function findRun(db: Db, id: number): Promise<RunRow | undefined> {
  const [row] = await db.select().from(identificationRuns).where(eq(identificationRuns.id, id));
  return row;
}

/** The columns of a result row as listed (without its criteria; see findRunCriteria). */
export const resultColumns = {
  runId: identificationResults.runId,
  schoolId: identificationResults.schoolId,
  schoolCode: identificationResults.schoolCode,
  schoolName: identificationResults.schoolName,
  municipalityId: identificationResults.municipalityId,
  municipalityName: municipalities.name,
  isRural: identificationResults.isRural,
  category: identificationResults.category,
  riskFlags: identificationResults.riskFlags,
  position: identificationResults.position,
  ruleSetStatuses: identificationResults.ruleSetStatuses,
};

/**
 * Results of runs the actor may see, without the criteria (see findRunCriteria, at each row's
 * position): `scope` is the actor's school scope (over `schools`).
 */
export async function findResults(
  db: Db,
  opts: {
    runIds: number[];
    scope: SQL | undefined;
    municipalityId?: number;
    categories?: SchoolCategoryName[];
    schoolId?: number;
  },
) {
  if (opts.runIds.length === 0) return [];
  return db
    .select(resultColumns)
    .from(identificationResults)
    .innerJoin(schools, eq(schools.id, identificationResults.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, identificationResults.municipalityId))
    .where(
      and(
        inArray(identificationResults.runId, opts.runIds),
        opts.scope,
        opts.municipalityId === undefined
          ? undefined
          : eq(identificationResults.municipalityId, opts.municipalityId),
        opts.categories ? inArray(identificationResults.category, opts.categories) : undefined,
        opts.schoolId === undefined ? undefined : eq(identificationResults.schoolId, opts.schoolId),
      ),
    )
    .orderBy(asc(identificationResults.schoolCode));
}

/** Counts by category and rurality of visible results, per run: for run lists. */
export async function countResults(db: Db, opts: { runIds: number[]; scope: SQL | undefined }) {
  if (opts.runIds.length === 0) return [];
  return db
    .select({
      runId: identificationResults.runId,
      category: identificationResults.category,
      isRural: identificationResults.isRural,
      hasRisk: sql<boolean>`jsonb_array_length(${identificationResults.riskFlags}) > 0`,
      n: count(),
    })
    .from(identificationResults)
    .innerJoin(schools, eq(schools.id, identificationResults.schoolId))
    .where(and(inArray(identificationResults.runId, opts.runIds), opts.scope))
    .groupBy(
      identificationResults.runId,
      identificationResults.category,
      identificationResults.isRural,
      sql`jsonb_array_length(${identificationResults.riskFlags}) > 0`,
    );
}
