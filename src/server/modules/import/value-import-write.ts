import type { Db } from "../../platform/db";
import { type RememberedMapping, rememberMapping } from "./import-mapping.repo";
import { type ImportSummary, recordImportAudit, type SummaryBase } from "./import-summary";
import { createRepeatGuard } from "./repeat-guard";
import type { stageClock } from "./stage-clock";
import { createBatchApplier } from "./value-batch-apply";
import { checkLockedValues, checkRepeatedValues } from "./value-checks";
import { analyzeStaging, applyStaged, finishApply, skipRowTriggers } from "./value-import.repo";
import type { ValueImportInput } from "./value-import.service";
import { type StagingInput, stageValues } from "./value-staging";

/** What a written import leaves besides the values: its summary's base and the mapping to remember. */
export type ImportRecord = {
  base: SummaryBase;
  /** The header signature of the file and the mapping used, remembered once the import commits. */
  remember: { signature: string; mapping: RememberedMapping };
};

/**
 * Writes the staged values, the audit entry and the remembered mapping in one transaction; the
 * counts come from the write itself (a value is new when it had no stored row; the rest of the
 * staged values were equal).
 */
export async function applyValues(
  input: ValueImportInput,
  record: ImportRecord & { rows: number },
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
    return recordImport(tx, input, record, {
      rows: record.rows,
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
export async function importAlongside(
  input: ValueImportInput,
  staging: Omit<StagingInput, "afterBatch">,
  clock: ReturnType<typeof stageClock>,
  record: ImportRecord,
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
      const summary = await recordImport(tx, input, record, { rows, ...written, unchanged });
      return { rows, summary };
    });
  } catch (error) {
    if (error instanceof RefusedImport) return { rows, refused: true };
    throw error;
  }
}

/** The summary of a written import, with its audit entry and the remembered mapping (in the import's transaction). */
async function recordImport(
  tx: Db,
  input: ValueImportInput,
  record: ImportRecord,
  counts: Pick<ImportSummary, "rows" | "created" | "updated" | "unchanged">,
): Promise<ImportSummary> {
  const { actor, regionId, job } = input;
  const summary: ImportSummary = { ...record.base, ...counts, errors: [], errorCount: 0 };
  await recordImportAudit(tx, {
    actor,
    regionId,
    jobId: job.id,
    entity: "indicator_values",
    fileName: input.file.fileName,
    summary,
  });
  await rememberMapping(tx, regionId, record.remember.signature, record.remember.mapping, actor);
  return summary;
}
