import type { Db } from "../../platform/db";
import { type IssueCollector, MAX_LISTED_ERRORS } from "./import-summary";
import type { IndicatorCatalogue } from "./indicator-rules";
import type { LayoutPlan } from "./parse/layout-plan";
import { findStagedDuplicates, findStagedLocked, type RowRange } from "./value-import.repo";

/** The header of the column a staged value of an indicator came from. */
function valueColumn(plan: LayoutPlan, indicatorCode: string | undefined): string | null {
  if (plan.layout === "long") return plan.value.name;
  return plan.indicators.find((column) => column.code === indicatorCode)?.column.name ?? null;
}

const STATUS_RU: Record<string, string> = { approved: "согласована МОЦ", accepted: "принята регионом" };

/** What the staged checks read: the job, the file's layout and catalogue, where they report. */
export type StagedChecks = {
  jobId: number;
  plan: LayoutPlan;
  indicators: IndicatorCatalogue;
  issues: IssueCollector;
  /** Whether staging noticed a value given twice (RepeatGuard): only then are repeats looked for. */
  hasRepeats: boolean;
};

/**
 * The checks that need the whole file or the database, run in SQL over the staging table: a value
 * given twice (same school, indicator and year; looked for only when staging noticed one, see
 * RepeatGuard), and a value that would change data locked by an approved or accepted form without
 * an unlock.
 */
export async function checkStagedValues(db: Db, opts: StagedChecks): Promise<void> {
  await checkRepeatedValues(db, opts);
  await checkLockedValues(db, opts);
}

/** Reports the staged values given twice (looked for only when staging noticed a repeat). */
export async function checkRepeatedValues(db: Db, opts: StagedChecks): Promise<void> {
  const { jobId, plan, indicators, issues } = opts;
  const repeats = opts.hasRepeats ? await findStagedDuplicates(db, jobId, MAX_LISTED_ERRORS + 1) : [];
  for (const row of repeats) {
    const code = indicators.byId(row.indicator_id)?.code;
    issues.add({
      row: row.row_number,
      column: valueColumn(plan, code),
      message: `повтор: значение показателя «${code}» ${row.is_municipality ? "муниципалитета" : "школы"} «${row.owner_code}» за ${row.year} год уже есть в строке ${row.first_row}`,
    });
  }
}

/**
 * Reports the staged values (all the job's, or one batch's rows) that would change a value locked
 * by an approved or accepted form without an unlock.
 */
export async function checkLockedValues(
  db: Db,
  opts: Omit<StagedChecks, "hasRepeats"> & { rows?: RowRange },
): Promise<void> {
  const { plan, indicators, issues } = opts;
  for (const row of await findStagedLocked(db, opts.jobId, MAX_LISTED_ERRORS + 1, opts.rows)) {
    const code = indicators.byId(row.indicator_id)?.code;
    issues.add({
      row: row.row_number,
      column: valueColumn(plan, code),
      message: `значение показателя «${code}» школы «${row.school_code}» за ${row.year} год заблокировано: форма ${STATUS_RU[row.status] ?? row.status}; попросите регион разблокировать значение`,
    });
  }
}
