import type { Db } from "../../platform/db";
import { hasSeparateConnections } from "../../platform/db-copy";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import type { JobHandle } from "../jobs/job.service";
import { vacuumValues } from "../values/value-columns.repo";
import { rememberMapping } from "./import-mapping.repo";
import {
  createIssueCollector,
  type ImportSummary,
  issuesOfError,
  isUserError,
  MAX_LISTED_CHANGES,
  recordImportAudit,
  refusedSummary,
  refuseRows,
} from "./import-summary";
import { loadIndicatorCatalogue } from "./indicator-rules";
import { createMunicipalityMatcher } from "./municipality-matcher";
import { type ColumnMapping, parseColumnMapping } from "./parse/column-mapping";
import { layoutSignature } from "./parse/guess-mapping";
import { compileLayout } from "./parse/layout-plan";
import { openTable } from "./parse/open-table";
import type { ImportLimits } from "./parse/table.types";
import { createRepeatGuard } from "./repeat-guard";
import { estimateDataRows } from "./row-estimate";
import { createSchoolMatcher } from "./school-matcher";
import { type StageListener, stageClock } from "./stage-clock";
import { createBatchApplier } from "./value-batch-apply";
import { checkLockedValues, checkRepeatedValues, checkStagedValues } from "./value-checks";
import {
  analyzeStaging,
  applyStaged,
  canSkipRowTriggers,
  countStagedChanges,
  deleteStaging,
  findMatchableMunicipalities,
  findMatchableSchools,
  findStagedChanges,
  finishApply,
  skipRowTriggers,
} from "./value-import.repo";
import { type StagingInput, stageValues } from "./value-staging";

/** An uploaded or local file to import. */
export type ImportFile = { path: string; fileName: string; limits?: Partial<ImportLimits> };

/** Input of importValues. */
export type ValueImportInput = {
  db: Db;
  actor: Actor;
  regionId: number;
  job: JobHandle;
  file: ImportFile;
  /** The mapping (a ColumnMapping, validated here); `resolveMapping` is used when absent. */
  mapping?: unknown;
  resolveMapping?: (header: string[]) => Promise<ColumnMapping>;
  /** The year for the whole file, when the file has no year column (overrides the mapping's). */
  year?: number;
  dryRun: boolean;
  /** Called with the rows read so far and the estimated total (0 when unknown). */
  onProgress?: (done: number, total: number) => void;
  /** Called with the duration of each stage (read and stage, check, count, apply...). */
  onStage?: StageListener;
};

/**
 * Imports indicator values from a CSV or XLSX, all or nothing. The file is streamed through the
 * mapping; each value is matched to a school in the actor's scope and checked against the
 * indicator's current definition, then staged in batches; duplicates and locked values are found in
 * SQL. Any error and nothing is written: the staging rows are deleted and the errors returned by
 * row and column. Otherwise the counts are computed and, unless it is a dry run, the values are
 * written in one transaction with their history and one audit entry. On a PostgreSQL server a real
 * import writes each batch into the values while the next is read, in that one transaction, which
 * commits only if the whole file passed (importAlongside); on PGlite, whose one connection the
 * transaction would hold, the batches are all staged first. The job records progress and the summary.
 */
export async function importValues(input: ValueImportInput): Promise<ImportSummary> {
  const { db, actor, regionId, job, dryRun } = input;
  requirePermission(actor, "data.import");
  const base = { jobId: job.id, dryRun };
  let rows = 0;
  let total = 0;
  const clock = stageClock(input.onStage);
  try {
    const given = input.mapping === undefined ? undefined : checkedMapping(input.mapping, input.year);
    const table = await openTable({ ...input.file, sheet: given?.sheet });
    try {
      const indicators = await loadIndicatorCatalogue(db, regionId);
      const chosen = given ?? (await input.resolveMapping?.(table.header));
      if (!chosen) throw new AppError("invalid_input", "Не задано сопоставление столбцов");
      const mapping = input.year === undefined ? chosen : { ...chosen, year: input.year };
      const compiled = compileLayout(mapping, table.header, indicators.known);
      if (!compiled.ok) {
        const summary = refusedSummary(
          base,
          compiled.issues.map((i) => ({ row: null, column: i.column ?? i.path ?? null, message: i.message })),
        );
        await job.fail("Сопоставление столбцов не подходит к файлу", summary, 0, 0);
        return summary;
      }
      total = await estimateDataRows(input.file.path, table.format);
      clock.lap("open");
      const issues = createIssueCollector();
      const schools = await findMatchableSchools(db, regionId, schoolScope(actor));
      const municipalities = await findMatchableMunicipalities(db, regionId, municipalityScope(actor));
      const skipTriggers = await canSkipRowTriggers(db);
      const staging = {
        skipTriggers,
        db,
        jobId: job.id,
        table,
        plan: compiled.plan,
        decimalComma: mapping.decimalComma ?? table.format.decimalComma ?? false,
        indicators,
        matcher: createSchoolMatcher(schools),
        municipalities: createMunicipalityMatcher(municipalities),
        issues,
        onRows: async (done: number) => {
          total = Math.max(total, done);
          input.onProgress?.(done, total);
          await job.progress.report(done, total);
        },
      };
      let summary: ImportSummary;
      if (!dryRun && hasSeparateConnections(db)) {
        // A server: the values are written batch by batch while the file is read (value-batch-apply.ts).
        const applied = await importAlongside(input, staging, clock);
        rows = applied.rows;
        if ("refused" in applied) {
          await deleteStaging(db, job.id);
          return refuseRows(job, base, issues, { rows, total: rows });
        }
        summary = applied.summary;
        clock.lap("apply");
      } else {
        const staged = await stageValues(staging);
        rows = staged.rows;
        total = rows;
        clock.lap("read+stage");
        await analyzeStaging(db);
        await checkStagedValues(db, {
          jobId: job.id,
          plan: compiled.plan,
          indicators,
          issues,
          hasRepeats: staged.hasRepeats,
        });
        clock.lap("checks");
        if (issues.count() > 0) {
          await deleteStaging(db, job.id);
          return refuseRows(job, base, issues, { rows, total: total });
        }
        if (dryRun) {
          const counts = await countStagedChanges(db, job.id);
          summary = { ...base, rows, ...counts, errors: [], errorCount: 0 };
          clock.lap("count");
          summary.changes = await findStagedChanges(db, job.id, MAX_LISTED_CHANGES);
          clock.lap("list changes");
        } else {
          summary = await applyValues(input, { ...base, rows }, staged.values, skipTriggers);
          clock.lap("apply");
        }
      }
      if (!dryRun) {
        await vacuumValues(db);
        clock.lap("vacuum");
      }
      await deleteStaging(db, job.id);
      clock.lap("clean up");
      await rememberMapping(db, regionId, layoutSignature(table.header), { kind: "values", mapping: chosen });
      await job.succeed(summary, rows, total);
      return summary;
    } finally {
      await table.close();
    }
  } catch (error) {
    await deleteStaging(db, job.id);
    if (!isUserError(error)) {
      await job.fail(error instanceof Error ? error.message : String(error), null, rows, total);
      throw error;
    }
    const summary = refusedSummary({ ...base, rows }, issuesOfError(error));
    await job.fail(error.message, summary, rows, total);
    return summary;
  }
}

/** Validates a mapping given with the request, with the request's year for the whole file. */
function checkedMapping(raw: unknown, year: number | undefined): ColumnMapping {
  const withYear = year !== undefined && typeof raw === "object" && raw !== null ? { ...raw, year } : raw;
  const parsed = parseColumnMapping(withYear);
  if (!parsed.ok)
    throw new AppError("invalid_input", "Сопоставление столбцов заполнено неверно", parsed.issues);
  return parsed.mapping;
}

/**
 * Writes the staged values and the audit entry in one transaction; the counts come from the write
 * itself (a value is new when it had no stored row; the rest of the staged values were equal).
 */
async function applyValues(
  input: ValueImportInput,
  base: Pick<ImportSummary, "jobId" | "dryRun" | "rows">,
  stagedValues: number,
  skipTriggers: boolean,
): Promise<ImportSummary> {
  const { db, actor, job } = input;
  return db.transaction(async (tx) => {
    const written = await applyStaged(tx, {
      jobId: job.id,
      userId: actor.userId > 0 ? actor.userId : null,
      sourceRef: String(job.id),
      skipTriggers,
    });
    return recordImport(tx, input, {
      ...base,
      ...written,
      unchanged: stagedValues - written.created - written.updated,
    });
  });
}

/** The largest row number (row numbers are stored as int4). */
const MAX_ROW = 2_147_483_647;

/** Thrown inside the import's transaction to roll it back when the file has errors. */
class RefusedImport extends Error {}

/**
 * A server's real import: one transaction on a connection of its own, in which each batch is
 * written into the values once staged (value-batch-apply.ts) while the file is still being read;
 * then the whole-file checks, and the commit only when there is no error (else the rollback).
 */
async function importAlongside(
  input: ValueImportInput,
  staging: Omit<StagingInput, "afterBatch">,
  clock: ReturnType<typeof stageClock>,
): Promise<{ rows: number; summary: ImportSummary } | { rows: number; refused: true }> {
  const { db, actor, job } = input;
  const userId = actor.userId > 0 ? actor.userId : null;
  let rows = 0;
  const repeats = createRepeatGuard();
  try {
    return await db.transaction(async (tx) => {
      await skipRowTriggers(tx, staging.skipTriggers);
      const applier = createBatchApplier({
        tx,
        regionId: input.regionId,
        jobId: job.id,
        userId,
        plan: staging.plan,
        indicators: staging.indicators,
        issues: staging.issues,
        hasRepeats: () => repeats.hasRepeats(),
      });
      const staged = await stageValues({
        ...staging,
        afterBatch: applier.apply,
        repeats,
      });
      rows = staged.rows;
      clock.lap("read+stage+write");
      await analyzeStaging(db);
      const checks = {
        jobId: job.id,
        plan: staging.plan,
        indicators: staging.indicators,
        issues: staging.issues,
        hasRepeats: staged.hasRepeats,
      };
      await checkRepeatedValues(tx, checks);
      // The batches written were checked for locked values before; the rest is checked now.
      await checkLockedValues(tx, {
        ...checks,
        rows: { first: applier.checkedThrough() + 1, last: MAX_ROW },
      });
      clock.lap("checks");
      if (staging.issues.count() > 0) throw new RefusedImport();
      // Unreachable while the applier stops only on an error; kept so that no batch is ever lost.
      if (applier.isStopped()) throw new Error("Загрузка остановилась без ошибки в файле; повторите её");
      await finishApply(tx, {
        jobId: job.id,
        userId,
        skipTriggers: staging.skipTriggers,
        checkReferences: true,
      });
      const { written } = applier;
      const unchanged = staged.values - written.created - written.updated;
      const summary = await recordImport(tx, input, {
        jobId: job.id,
        dryRun: false,
        rows,
        ...written,
        unchanged,
      });
      return { rows, summary };
    });
  } catch (error) {
    if (error instanceof RefusedImport) return { rows, refused: true };
    throw error;
  }
}

/** The summary of a written import, with its audit entry (in the import's transaction). */
async function recordImport(
  tx: Db,
  input: ValueImportInput,
  counts: Pick<ImportSummary, "jobId" | "dryRun" | "rows" | "created" | "updated" | "unchanged">,
): Promise<ImportSummary> {
  const { actor, regionId, job } = input;
  const summary: ImportSummary = { ...counts, errors: [], errorCount: 0 };
  await recordImportAudit(tx, {
    actor,
    regionId,
    jobId: job.id,
    entity: "indicator_values",
    fileName: input.file.fileName,
    summary,
  });
  return summary;
}
