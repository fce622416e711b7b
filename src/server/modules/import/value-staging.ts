import type { Db } from "../../platform/db";
import type { IssueCollector } from "./import-summary";
import type { IndicatorCatalogue } from "./indicator-rules";
import type { LayoutPlan } from "./parse/layout-plan";
import type { OpenedTable } from "./parse/table.types";
import { validateValueRecord } from "./parse/validate-value";
import { rowToValueRecords, type ValueRecord } from "./parse/value-records";
import type { SchoolMatch, SchoolMatcher } from "./school-matcher";
import { emptyBatch, insertStagingBatch, type StagingBatch } from "./value-import.repo";

/** Values per staging insert: big enough to be fast, small enough to keep memory and lock time low. */
export const STAGING_BATCH = 10_000;

/** Everything the streaming loop needs. */
export type StagingInput = {
  db: Db;
  jobId: number;
  table: OpenedTable;
  plan: LayoutPlan;
  decimalComma: boolean;
  indicators: IndicatorCatalogue;
  matcher: SchoolMatcher;
  issues: IssueCollector;
  /** Whether batches may skip the row-by-row foreign-key check (see canSkipRowTriggers). */
  skipTriggers: boolean;
  /** Called every few hundred rows with the data rows read so far. */
  onRows: (rows: number) => Promise<void>;
};

function schoolColumn(plan: LayoutPlan): string | undefined {
  return (plan.school.code ?? plan.school.name)?.name;
}

/**
 * Streams the table into the staging table: each row becomes value records, each record is checked
 * (indicator, type, range, school) and either staged or reported. Rows are staged in batches of
 * STAGING_BATCH values, each its own statement, so memory stays flat and the database is never held
 * for long. Returns the number of data rows read.
 */
export async function stageValues(input: StagingInput): Promise<number> {
  const { db, jobId, plan, issues } = input;
  let batch: StagingBatch = emptyBatch();
  let rows = 0;
  for await (const row of input.table) {
    rows++;
    const result = rowToValueRecords(row, plan);
    for (const issue of result.issues) issues.add(issue);
    let school: SchoolMatch | undefined;
    for (const record of result.records) {
      school ??= input.matcher.match(record.schoolKey);
      if (!school.ok) {
        issues.add({ row: row.rowNumber, column: schoolColumn(plan), message: school.message });
        break;
      }
      stageRecord(input, record, school.schoolId, batch);
    }
    if (batch.rowNumber.length >= STAGING_BATCH) {
      await insertStagingBatch(db, jobId, batch, input.skipTriggers);
      batch = emptyBatch();
    }
    if (rows % 500 === 0) await input.onRows(rows);
  }
  await insertStagingBatch(db, jobId, batch, input.skipTriggers);
  await input.onRows(rows);
  return rows;
}

function stageRecord(input: StagingInput, record: ValueRecord, schoolId: number, batch: StagingBatch): void {
  const indicator = input.indicators.byCode(record.indicatorCode);
  const place = { row: record.rowNumber, column: record.column };
  const checked = validateValueRecord(record, indicator?.rule, { decimalComma: input.decimalComma });
  if (!checked.ok) {
    input.issues.add(checked.issue);
    return;
  }
  if (!indicator) return;
  if (indicator.isRetired) {
    input.issues.add({ ...place, message: `показатель «${indicator.code}» выведен из использования` });
    return;
  }
  if (indicator.level !== "school") {
    input.issues.add({
      ...place,
      message: `показатель «${indicator.code}» задаётся для муниципалитета, а не для школы — его так не загрузить`,
    });
    return;
  }
  batch.rowNumber.push(record.rowNumber);
  batch.indicatorId.push(indicator.id);
  batch.versionId.push(indicator.versionId);
  batch.schoolId.push(schoolId);
  batch.year.push(record.year);
  batch.value.push(checked.value);
}
