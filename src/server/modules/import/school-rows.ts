import { SCHOOL_KINDS, type SchoolKind, schoolCodeSchema } from "../../../shared/hierarchy";
import type { FieldIssue } from "../../platform/errors";
import { parseNumber, quoteText } from "./parse/parse-number";
import type { TableRow } from "./parse/table.types";
import { normalizeHeaderName } from "./parse/table-header";
import { unescapeCellText } from "./parse/value-records";
import type { SchoolField, SchoolMapping } from "./school-mapping";

/** One school of a registry file, read and checked, before its municipality is resolved. */
export type SchoolRecord = {
  rowNumber: number;
  code: string;
  fullName: string;
  shortName: string;
  municipality: string;
  municipalityCode: string | null;
  kind: SchoolKind;
  isRural: boolean;
  isSmall: boolean;
  students: number;
  teachers: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
};

/** Where each field is in a row, and its header name for messages. */
export type SchoolColumns = { index: Partial<Record<SchoolField, number>>; mapping: SchoolMapping };

const KINDS = new Map(SCHOOL_KINDS.map((kind) => [normalizeHeaderName(kind), kind] as const));

type Reader = {
  text: (field: SchoolField) => string;
  issue: (field: SchoolField, message: string) => void;
};

function readInt(r: Reader, field: SchoolField, max: number): number {
  const text = r.text(field);
  if (text === "") return 0;
  const parsed = parseNumber(text, { decimalComma: true, unit: "count" });
  if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0 || parsed.value > max) {
    r.issue(field, `ожидается целое число от 0 до ${max}: ${quoteText(text)}`);
    return 0;
  }
  return parsed.value;
}

function readBool(r: Reader, field: SchoolField): boolean {
  const text = r.text(field);
  if (text === "") return false;
  const parsed = parseNumber(text, { decimalComma: true, unit: "boolean" });
  if (!parsed.ok) r.issue(field, parsed.message);
  return parsed.ok && parsed.value === 1;
}

function readCoordinate(r: Reader, field: SchoolField, limit: number): number | null {
  const text = r.text(field);
  if (text === "") return null;
  const parsed = parseNumber(text, { decimalComma: true });
  if (parsed.ok && Math.abs(parsed.value) <= limit) return parsed.value;
  r.issue(field, `ожидается координата от −${limit} до ${limit}: ${quoteText(text)}`);
  return null;
}

function readKind(r: Reader): SchoolKind {
  const text = r.text("kind");
  if (text === "") return "СОШ";
  const kind = KINDS.get(normalizeHeaderName(text));
  if (kind === undefined)
    r.issue("kind", `неизвестный вид школы ${quoteText(text)}; допустимо: ${SCHOOL_KINDS.join(", ")}`);
  return kind ?? "СОШ";
}

function readRequired(r: Reader, field: SchoolField, what: string, max: number): string {
  const text = r.text(field);
  if (text === "") r.issue(field, `не указано: ${what}`);
  else if (text.length > max) r.issue(field, `${what} длиннее ${max} символов`);
  return text;
}

/** Reads one registry row; returns the school, or the issues naming the row and column. */
export function readSchoolRow(row: TableRow, columns: SchoolColumns): SchoolRecord | FieldIssue[] {
  const issues: FieldIssue[] = [];
  const r: Reader = {
    text: (field) => {
      const at = columns.index[field];
      return at === undefined ? "" : unescapeCellText(row.cells[at] ?? "").trim();
    },
    issue: (field, message) =>
      issues.push({ row: row.rowNumber, column: columns.mapping.columns[field], message }),
  };
  const rawCode = r.text("code");
  const code = schoolCodeSchema.safeParse(rawCode);
  if (!code.success)
    r.issue("code", `${code.error.issues[0]?.message ?? "неверный код"}: ${quoteText(rawCode)}`);
  const fullName = readRequired(r, "fullName", "наименование школы", 500);
  const shortName = r.text("shortName") || fullName.slice(0, 200);
  const record: SchoolRecord = {
    rowNumber: row.rowNumber,
    code: code.success ? code.data : rawCode,
    fullName,
    shortName,
    municipality: readRequired(r, "municipality", "муниципалитет", 200),
    municipalityCode: r.text("municipalityCode") || null,
    kind: readKind(r),
    isRural: readBool(r, "isRural"),
    isSmall: readBool(r, "isSmall"),
    students: readInt(r, "students", 10000),
    teachers: readInt(r, "teachers", 1000),
    address: r.text("address").slice(0, 500),
    latitude: readCoordinate(r, "latitude", 90),
    longitude: readCoordinate(r, "longitude", 180),
  };
  return issues.length > 0 ? issues : record;
}
