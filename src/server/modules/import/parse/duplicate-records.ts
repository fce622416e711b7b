import type { FieldIssue } from "../../../platform/errors";
import { normalizeHeaderName } from "./table-header";
import type { SchoolKey, ValueRecord } from "./value-records";

/** Finds a school × indicator × year that a file gives twice; feed it records as they are read. */
export type DuplicateDetector = {
  /** Remembers the record; returns an issue naming both rows when the same key was seen before. */
  check: (record: ValueRecord) => FieldIssue | undefined;
};

function schoolText(key: SchoolKey): string {
  if (key.code !== undefined) return `«${key.code}»`;
  return `«${key.name ?? ""}» (${key.municipality ?? ""})`;
}

function recordKey(record: ValueRecord): string {
  const { code, name, municipality } = record.schoolKey;
  const school =
    code === undefined
      ? `n:${normalizeHeaderName(name ?? "")}\u0000${normalizeHeaderName(municipality ?? "")}`
      : `c:${code.toLowerCase()}`;
  return `${school}\u0000${record.indicatorCode.toLowerCase()}\u0000${record.year}`;
}

/**
 * A detector of duplicates within one file. A school is the same by code (case-insensitive) or,
 * without a code, by name and municipality (ignoring case and spacing). Memory grows with the
 * number of distinct keys, one short string and a row number each.
 */
export function createDuplicateDetector(): DuplicateDetector {
  const firstSeen = new Map<string, { row: number; column: string }>();
  return {
    check(record) {
      const key = recordKey(record);
      const first = firstSeen.get(key);
      if (first === undefined) {
        firstSeen.set(key, { row: record.rowNumber, column: record.column });
        return undefined;
      }
      const where =
        first.column === record.column
          ? `строке ${first.row}`
          : `строке ${first.row}, столбце «${first.column}»`;
      return {
        row: record.rowNumber,
        column: record.column,
        message: `повтор: значение показателя «${record.indicatorCode}» школы ${schoolText(record.schoolKey)} за ${record.year} год уже есть в ${where} (строки ${first.row} и ${record.rowNumber})`,
      };
    },
  };
}

/** All duplicates among the records, one issue for every repeat after the first occurrence. */
export function findDuplicateRecords(records: Iterable<ValueRecord>): FieldIssue[] {
  const detector = createDuplicateDetector();
  const issues: FieldIssue[] = [];
  for (const record of records) {
    const issue = detector.check(record);
    if (issue) issues.push(issue);
  }
  return issues;
}
