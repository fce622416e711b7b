import type { ImportIssue, ImportSummary } from "../../../shared/import-api";
import type { Db } from "../../platform/db";
import { AppError, type FieldIssue } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import type { JobHandle } from "../jobs/job.service";

/** An import's problems, outcome and dry-run changes: the shapes its API answers with. */
export type { ImportChange, ImportIssue, ImportSummary } from "../../../shared/import-api";

/** How many changes a dry run lists; the rest are only counted (a million-row dry run stays small). */
export const MAX_LISTED_CHANGES = 500;

/** How many errors an import lists; more are only counted (a broken million-row file stays small). */
export const MAX_LISTED_ERRORS = 1000;

/** What every summary of an import starts with: its job, whether a dry run, and, once chosen, the mapping with its source and the columns it leaves out. */
export type SummaryBase = Pick<
  ImportSummary,
  "jobId" | "dryRun" | "mapping" | "mappingSource" | "ignoredColumns"
>;

/** Why a file with a header and no data rows is refused (it would «succeed» writing nothing). */
export const NO_DATA_ROWS = "В файле нет строк с данными — только строка заголовка.";

/** Collects the issues of an import, keeping the first MAX_LISTED_ERRORS and counting the rest. */
export type IssueCollector = {
  add: (issue: FieldIssue | ImportIssue) => void;
  count: () => number;
  list: () => ImportIssue[];
};

/** A new, empty issue collector. */
export function createIssueCollector(limit = MAX_LISTED_ERRORS): IssueCollector {
  const issues: ImportIssue[] = [];
  let total = 0;
  return {
    add(issue) {
      total++;
      if (issues.length < limit) {
        issues.push({ row: issue.row ?? null, column: issue.column ?? null, message: issue.message });
      }
    },
    count: () => total,
    list: () => [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  };
}

/** The issues of an error that concerns the file as a whole (ImportFileError, a bad mapping). */
export function issuesOfError(error: AppError): ImportIssue[] {
  if (error.issues.length === 0) return [{ row: null, column: null, message: error.message }];
  return error.issues.map((issue) => ({
    row: issue.row ?? null,
    column: issue.column ?? issue.path ?? null,
    message: issue.message,
  }));
}

/** Whether an error is one the user can fix in the file (as opposed to a failure of the system). */
export function isUserError(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === "invalid_input" || error.code === "payload_too_large");
}

/** A summary that says the file was refused as a whole. */
export function refusedSummary(base: SummaryBase & { rows?: number }, errors: ImportIssue[]): ImportSummary {
  return { rows: 0, ...base, created: 0, updated: 0, unchanged: 0, errors, errorCount: errors.length };
}

/** Ends an import whose rows had errors: nothing written, the job failed with the errors listed. */
export async function refuseRows(
  job: JobHandle,
  base: SummaryBase,
  issues: IssueCollector,
  progress: { rows: number; total: number },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    ...base,
    rows: progress.rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: issues.list(),
    errorCount: issues.count(),
  };
  await job.fail(
    `В файле ошибок: ${issues.count()}; ничего не записано`,
    summary,
    progress.rows,
    progress.total,
  );
  return summary;
}

/**
 * The audit entry of a written import (in its transaction): what was imported, from which file,
 * and the counts; `extra` adds what only that kind of import knows.
 */
export async function recordImportAudit(
  tx: Db,
  entry: {
    actor: Actor;
    regionId: number;
    jobId: number;
    entity: "schools" | "indicator_values";
    fileName: string;
    summary: Pick<ImportSummary, "rows" | "created" | "updated" | "unchanged">;
    extra?: Record<string, unknown>;
  },
): Promise<void> {
  const { summary } = entry;
  await recordAudit(tx, {
    actor: entry.actor,
    action: "import",
    entity: entry.entity,
    entityId: entry.jobId,
    regionId: entry.regionId,
    after: {
      file: entry.fileName,
      rows: summary.rows,
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      ...entry.extra,
    },
  });
}
