import type { Db } from "../../platform/db";
import { type IssueCollector, NO_DATA_ROWS } from "./import-summary";
import type { ImportIndicator, IndicatorCatalogue } from "./indicator-rules";
import type { MunicipalityMatch, MunicipalityMatcher } from "./municipality-matcher";
import type { LayoutPlan } from "./parse/layout-plan";
import type { OpenedTable } from "./parse/table.types";
import { validateValueRecord } from "./parse/validate-value";
import { namesSchool, rowToValueRecords, type ValueRecord } from "./parse/value-records";
import { createRepeatGuard, type RepeatGuard } from "./repeat-guard";
import type { SchoolMatch, SchoolMatcher } from "./school-matcher";
import { emptyBatch, insertStagingBatch, type StagingBatch } from "./value-import.repo";

/** Why a file with rows but no value in any of them is refused (it would «succeed» writing nothing). */
const NO_VALUES =
  "В файле нет ни одного значения показателя: все ячейки показателей пусты — заполните их или проверьте сопоставление столбцов.";

/** Values per staging insert: big enough to be fast, small enough to keep memory and lock time low. */
export const STAGING_BATCH = 20_000;

/** Everything the streaming loop needs. */
export type StagingInput = {
  db: Db;
  jobId: number;
  table: OpenedTable;
  plan: LayoutPlan;
  decimalComma: boolean;
  indicators: IndicatorCatalogue;
  matcher: SchoolMatcher;
  municipalities: MunicipalityMatcher;
  issues: IssueCollector;
  /** Whether batches may skip the row-by-row foreign-key check (see canSkipRowTriggers). */
  skipTriggers: boolean;
  /** Called every few hundred rows with the data rows read so far. */
  onRows: (rows: number) => Promise<void>;
  /**
   * Called with each batch once it is staged (committed), before the next batch is written: the
   * server's import writes it into the values meanwhile (value-batch-apply.ts). The reading goes on
   * while it runs.
   */
  afterBatch?: (batch: StagingBatch) => Promise<void>;
  /** The guard noticing values given twice, when the caller wants to watch it (else a fresh one). */
  repeats?: RepeatGuard;
};

function schoolColumn(plan: LayoutPlan): string | undefined {
  return (plan.school.code ?? plan.school.name ?? plan.school.municipality)?.name;
}

/** The owner of a row's values, resolved once per row: its school or its municipality (or why not). */
type RowOwner = { school?: SchoolMatch; municipality?: MunicipalityMatch; isReported: boolean };

/**
 * Streams the table into the staging table: each row becomes value records, each record is checked
 * (indicator, type, range, owner) and either staged or reported. A row that names a school holds
 * school values; a row with only a municipality holds municipality values (municipality-level
 * indicators). Rows are staged in batches of STAGING_BATCH values, each its own statement, so
 * memory stays flat and the database is never held for long. A file with no data rows, or with
 * rows but not one value (and no other error), is an issue of its own. Returns the number of data rows read
 * and of values staged, and whether the file gave a value twice (the repeats are then found in SQL).
 */
export async function stageValues(
  input: StagingInput,
): Promise<{ rows: number; values: number; hasRepeats: boolean }> {
  const { issues } = input;
  const repeats = input.repeats ?? createRepeatGuard();
  const writer = stagingWriter(input);
  let batch: StagingBatch = emptyBatch();
  let rows = 0;
  let values = 0;
  try {
    for await (const row of input.table) {
      rows++;
      const result = rowToValueRecords(row, input.plan);
      for (const issue of result.issues) issues.add(issue);
      const owner: RowOwner = { isReported: false };
      for (const record of result.records) {
        if (!stageRecord(input, record, owner, batch, repeats)) break;
      }
      if (batch.rowNumber.length >= STAGING_BATCH) {
        values += batch.rowNumber.length;
        await writer.send(batch);
        batch = emptyBatch();
      }
      if (rows % 500 === 0) await input.onRows(rows);
    }
    values += batch.rowNumber.length;
    await writer.send(batch);
    await writer.drain();
  } finally {
    await writer.settle();
  }
  if (rows === 0) issues.add({ message: NO_DATA_ROWS });
  else if (values === 0 && issues.count() === 0) issues.add({ message: NO_VALUES });
  await input.onRows(rows);
  return { rows, values, hasRepeats: repeats.hasRepeats() };
}

/**
 * Writes staging batches one at a time while the next one is being read: with a PostgreSQL server
 * the insert runs in the server's process while this one parses (two cores at work, not one).
 * The afterBatch work of a batch starts once its insert is done and the previous batch's work is
 * done (in order), and may run while the next batch is staged (another connection); at most one
 * batch's work waits behind the running one, so memory stays bounded.
 * send() waits for the previous insert and starts the next; drain() waits for everything and
 * throws the first error; settle() waits for whatever is still running without throwing, so that
 * a failed import never leaves an insert behind its clean-up.
 */
function stagingWriter(input: StagingInput) {
  let copying: Promise<void> = Promise.resolve();
  let working: Promise<void> = Promise.resolve();
  let workedBefore: Promise<void> = Promise.resolve();
  const quiet = (p: Promise<void>) => {
    // Observed by the next send, drain or settle; never an unhandled rejection meanwhile.
    p.catch(() => {});
    return p;
  };
  return {
    async send(batch: StagingBatch): Promise<void> {
      await copying;
      await workedBefore;
      const copy = quiet(insertStagingBatch(input.db, input.jobId, batch, input.skipTriggers));
      copying = copy;
      const after = input.afterBatch;
      if (!after || batch.rowNumber.length === 0) return;
      workedBefore = working;
      const previous = working;
      working = quiet(Promise.all([copy, previous]).then(() => after(batch)));
    },
    drain: async () => {
      await copying;
      await working;
    },
    settle: () => Promise.allSettled([copying, working]).then(() => {}),
  };
}

function levelMismatch(
  record: ValueRecord,
  indicator: ImportIndicator,
  plan: LayoutPlan,
): string | undefined {
  const isSchoolRow = namesSchool(record.schoolKey);
  if (indicator.level === "municipality" && isSchoolRow) {
    const where = plan.school.municipality
      ? `строкой без школы, с муниципалитетом в столбце «${plan.school.municipality.name}»`
      : "строкой с муниципалитетом (код или название) вместо школы";
    return `показатель «${indicator.code}» задаётся для муниципалитета, а не для школы: загрузите его ${where}`;
  }
  if (indicator.level === "school" && !isSchoolRow) {
    return `показатель «${indicator.code}» задаётся для школы, а в строке указан только муниципалитет — укажите школу`;
  }
  return undefined;
}

/** The owner's id for a record, resolving (and reporting once per row) the row's school or municipality. */
function ownerOf(
  input: StagingInput,
  record: ValueRecord,
  owner: RowOwner,
): { schoolId: number | null; municipalityId: number | null } | undefined {
  const key = record.schoolKey;
  const isSchoolRow = namesSchool(key);
  let match: SchoolMatch | MunicipalityMatch;
  if (isSchoolRow) {
    owner.school ??= input.matcher.match(key);
    match = owner.school;
  } else {
    owner.municipality ??= input.municipalities.match(key.municipality ?? "");
    match = owner.municipality;
  }
  if (match.ok) {
    return "schoolId" in match
      ? { schoolId: match.schoolId, municipalityId: null }
      : { schoolId: null, municipalityId: match.municipalityId };
  }
  if (!owner.isReported) {
    const column = isSchoolRow ? schoolColumn(input.plan) : input.plan.school.municipality?.name;
    input.issues.add({ row: record.rowNumber, column, message: match.message });
    owner.isReported = true;
  }
  return undefined;
}

/** Checks and stages one record; false when the row's owner is unknown (the rest of the row is skipped). */
function stageRecord(
  input: StagingInput,
  record: ValueRecord,
  owner: RowOwner,
  batch: StagingBatch,
  repeats: RepeatGuard,
): boolean {
  const ids = ownerOf(input, record, owner);
  if (!ids) return false;
  const indicator = input.indicators.byCode(record.indicatorCode);
  const place = { row: record.rowNumber, column: record.column };
  const checked = validateValueRecord(record, indicator?.rule, { decimalComma: input.decimalComma });
  if (!checked.ok) {
    input.issues.add(checked.issue);
    return true;
  }
  if (!indicator) return true;
  if (indicator.isRetired) {
    input.issues.add({ ...place, message: `показатель «${indicator.code}» выведен из использования` });
    return true;
  }
  const mismatch = levelMismatch(record, indicator, input.plan);
  if (mismatch !== undefined) {
    input.issues.add({ ...place, message: mismatch });
    return true;
  }
  repeats.repeat(ids, indicator.id, record.year);
  batch.rowNumber.push(record.rowNumber);
  batch.indicatorId.push(indicator.id);
  batch.versionId.push(indicator.versionId);
  batch.schoolId.push(ids.schoolId);
  batch.municipalityId.push(ids.municipalityId);
  batch.year.push(record.year);
  batch.value.push(checked.value);
  return true;
}
