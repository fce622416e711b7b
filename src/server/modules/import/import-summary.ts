import { AppError, type FieldIssue } from "../../platform/errors";
import type { JobHandle } from "../jobs/job.service";

/** A problem with the file, a row or a cell: row and column where known, and a Russian message. */
export type ImportIssue = { row: number | null; column: string | null; message: string };

/** The outcome of an import (or of its dry run): counts, and the errors when nothing was written. */
export type ImportSummary = {
  jobId: number;
  dryRun: boolean;
  /** Data rows read from the file. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The first MAX_LISTED_ERRORS errors, by row. */
  errors: ImportIssue[];
  /** How many errors there were in all. */
  errorCount: number;
  /**
   * A dry run without errors: the first MAX_LISTED_CHANGES new or changed values, by row (their
   * total is created + updated). Absent for a real run and for a refused file.
   */
  changes?: ImportChange[];
};

/** A value a dry run would create (oldValue null) or change, with whose it is and the indicator's code. */
export type ImportChange = {
  row: number;
  level: "school" | "municipality";
  /** The school's (or municipality's) code and name. */
  code: string;
  name: string;
  indicatorCode: string;
  year: number;
  oldValue: number | null;
  newValue: number;
};

/** How many changes a dry run lists; the rest are only counted (a million-row dry run stays small). */
export const MAX_LISTED_CHANGES = 500;

/** How many errors an import lists; more are only counted (a broken million-row file stays small). */
export const MAX_LISTED_ERRORS = 1000;

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
export function refusedSummary(
  base: { jobId: number; dryRun: boolean; rows?: number },
  errors: ImportIssue[],
): ImportSummary {
  return { rows: 0, ...base, created: 0, updated: 0, unchanged: 0, errors, errorCount: errors.length };
}

/** Ends an import whose rows had errors: nothing written, the job failed with the errors listed. */
export async function refuseRows(
  job: JobHandle,
  base: { jobId: number; dryRun: boolean },
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
