import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SchoolCategoryName } from "../../../core/identification";
import type { RuleSetResult, RunRuleSet } from "../../../core/identification/api.schema";
import { identificationResults, identificationRuns, municipalities, schools } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A stored run row. */
export type RunRow = typeof identificationRuns.$inferSelect;

/** A result row to store. */
export type ResultWrite = {
  schoolId: number;
  municipalityId: number;
  schoolCode: string;
  schoolName: string;
  isRural: boolean;
  category: SchoolCategoryName;
  riskFlags: string[];
  reasons: string[];
  details: RuleSetResult[];
};

/** Inserts a run and its results (in batches); call inside a transaction. Returns the run id. */
export async function insertRun(
  db: Db,
  run: {
    regionId: number;
    year: number;
    ruleSets: RunRuleSet[];
    createdBy: number | null;
    createdByName: string;
  },
  results: ResultWrite[],
): Promise<number> {
  const [row] = await db
    .insert(identificationRuns)
    .values({ ...run, schoolCount: results.length })
    .returning({ id: identificationRuns.id });
  if (!row) throw new Error("Запуск не создан");
  for (let i = 0; i < results.length; i += 1000) {
    const batch = results.slice(i, i + 1000).map((result) => ({ ...result, runId: row.id }));
    await db.insert(identificationResults).values(batch);
  }
  return row.id;
}

/** A region's runs, newest first; only approved ones when asked. */
export async function findRuns(db: Db, opts: { regionId: number | null; approvedOnly: boolean }) {
  return db
    .select()
    .from(identificationRuns)
    .where(
      and(
        opts.regionId === null ? undefined : eq(identificationRuns.regionId, opts.regionId),
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

/** Marks a run approved by a user. */
export async function approveRunRow(db: Db, id: number, by: { userId: number | null; name: string }) {
  await db
    .update(identificationRuns)
    .set({ status: "approved", approvedBy: by.userId, approvedByName: by.name, approvedAt: new Date() })
    .where(eq(identificationRuns.id, id));
}

const resultColumns = {
  runId: identificationResults.runId,
  schoolId: identificationResults.schoolId,
  schoolCode: identificationResults.schoolCode,
  schoolName: identificationResults.schoolName,
  municipalityId: identificationResults.municipalityId,
  municipalityName: municipalities.name,
  isRural: identificationResults.isRural,
  category: identificationResults.category,
  riskFlags: identificationResults.riskFlags,
  reasons: identificationResults.reasons,
  details: identificationResults.details,
};

/** Results of runs the actor may see: `scope` is the actor's school scope (over `schools`). */
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
