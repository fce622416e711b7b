import type { FieldIssue } from "../../../platform/errors";
import type { ColumnRef, LayoutPlan, YearSource } from "./layout-plan";
import { quoteText } from "./parse-number";
import type { TableRow } from "./table.types";
import { normalizeHeaderName } from "./table-header";

/**
 * The owner cells of a row: a school by code, or by name within a municipality; or, with the school
 * cells empty, a municipality alone (its code or name): the row then holds municipality-level values.
 */
export type SchoolKey = { code?: string; name?: string; municipality?: string };

/** Whether a row names a school (code, or name with municipality) rather than a municipality alone. */
export function namesSchool(key: SchoolKey): boolean {
  return key.code !== undefined || key.name !== undefined;
}

/** One indicator value of one school and year, as read from a cell (not yet parsed). */
export type ValueRecord = {
  rowNumber: number;
  schoolKey: SchoolKey;
  year: number;
  indicatorCode: string;
  rawValue: string;
  /** The header of the column the value came from. */
  column: string;
};

/** The records of one row and the problems that kept some of them out. */
export type RowRecords = { records: ValueRecord[]; issues: FieldIssue[] };

/** Undoes the export's guard: «'=Школа» was written for «=Школа» so that Excel never runs it. */
export function unescapeCellText(text: string): string {
  return text.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function cell(row: TableRow, ref: ColumnRef | undefined): string {
  return ref === undefined ? "" : unescapeCellText(row.cells[ref.index] ?? "");
}

/** Reads a year cell: four digits (2023), also as Excel may render it (2023.0, «2023,0»), 2000–2100. */
export function parseYear(text: string): { ok: true; year: number } | { ok: false; message: string } {
  if (text.length === 4 && /^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= 2000 && year <= 2100) return { ok: true, year };
  }
  const match = /^(\d{4})(?:[.,]0+)?$/.exec(text.trim());
  const year = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (Number.isNaN(year) || year < 2000 || year > 2100) {
    return {
      ok: false,
      message: `год должен быть числом от 2000 до 2100, например 2023: ${quoteText(text)}`,
    };
  }
  return { ok: true, year };
}

function missingOwner(plan: LayoutPlan): string {
  if (plan.school.code) return "не указан код школы";
  if (plan.school.name) return "не указаны наименование школы и муниципалитет — по ним ищется школа";
  return "не указан муниципалитет";
}

type Read<T> = { ok: true; value: T } | { ok: false; issue: FieldIssue };

function readSchool(row: TableRow, plan: LayoutPlan): Read<SchoolKey> {
  const code = cell(row, plan.school.code);
  const name = cell(row, plan.school.name);
  const municipality = cell(row, plan.school.municipality);
  if (code === "" && municipality === "") {
    const column = plan.school.code ?? plan.school.name ?? plan.school.municipality;
    return { ok: false, issue: { row: row.rowNumber, column: column?.name, message: missingOwner(plan) } };
  }
  const value: SchoolKey = {};
  if (code !== "") value.code = code;
  if (name !== "") value.name = name;
  if (municipality !== "") value.municipality = municipality;
  return { ok: true, value };
}

function readYear(row: TableRow, source: YearSource): Read<number> {
  if ("fixed" in source) return { ok: true, value: source.fixed };
  const text = cell(row, source.column);
  const column = source.column.name;
  if (text === "") return { ok: false, issue: { row: row.rowNumber, column, message: "не указан год" } };
  const parsed = parseYear(text);
  if (parsed.ok) return { ok: true, value: parsed.year };
  return { ok: false, issue: { row: row.rowNumber, column, message: parsed.message } };
}

type Cell = { indicatorCode: string; rawValue: string; column: string };

/** Indicator cell text → code, remembered per plan: a long file repeats a few texts a million times. */
const codeMemo = new WeakMap<ReadonlyMap<string, string>, Map<string, string>>();
const CODE_MEMO_MAX = 10_000;

function indicatorCodeOf(codes: ReadonlyMap<string, string>, text: string): string {
  let memo = codeMemo.get(codes);
  if (!memo) {
    memo = new Map();
    codeMemo.set(codes, memo);
  }
  const known = memo.get(text);
  if (known !== undefined) return known;
  const code = codes.get(normalizeHeaderName(text)) ?? text;
  if (memo.size < CODE_MEMO_MAX) memo.set(text, code);
  return code;
}

function valueCells(row: TableRow, plan: LayoutPlan): Cell[] | FieldIssue {
  if (plan.layout === "wide") {
    return plan.indicators
      .map(({ column, code }) => ({ indicatorCode: code, rawValue: cell(row, column), column: column.name }))
      .filter((value) => value.rawValue !== "");
  }
  const rawValue = cell(row, plan.value);
  if (rawValue === "") return [];
  const indicator = cell(row, plan.indicator);
  if (indicator === "")
    return { row: row.rowNumber, column: plan.indicator.name, message: "не указан показатель" };
  const indicatorCode = indicatorCodeOf(plan.indicatorCodes, indicator);
  return [{ indicatorCode, rawValue, column: plan.value.name }];
}

/**
 * Turns one table row into value records by the plan: a long row gives one record, a wide row one
 * per filled indicator cell. Empty value cells give no record (a blank template imports as
 * nothing). A row whose school or year cannot be read gives an issue instead, naming the row and
 * column; the indicator code and the value are checked later by validateValueRecord.
 */
export function rowToValueRecords(row: TableRow, plan: LayoutPlan): RowRecords {
  const cells = valueCells(row, plan);
  if (!Array.isArray(cells)) return { records: [], issues: [cells] };
  if (cells.length === 0) return { records: [], issues: [] };
  const school = readSchool(row, plan);
  const year = readYear(row, plan.year);
  if (!school.ok || !year.ok) {
    const issues = [school, year].flatMap((part) => (part.ok ? [] : [part.issue]));
    return { records: [], issues };
  }
  const records = cells.map((value) => ({
    rowNumber: row.rowNumber,
    schoolKey: school.value,
    year: year.value,
    ...value,
  }));
  return { records, issues: [] };
}
