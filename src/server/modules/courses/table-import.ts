import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import type { TableImportResult } from "../../../shared/events-api";
import { AppError, type FieldIssue } from "../../platform/errors";
import { createIssueCollector, issuesOfError, isUserError, NO_DATA_ROWS } from "../import/import-summary";
import { formatRuNumber, ImportFileError } from "../import/parse/import-file-error";
import { openTable } from "../import/parse/open-table";
import { checkUploadFileName } from "../import/upload-file-name";

/** A field of an imported table: its Russian name and the headers it is found under. */
export type FieldSpec<F extends string> = {
  field: F;
  label: string;
  aliases: readonly string[];
  required: boolean;
};

/** One row of a table as a row reader gets it: the text of each mapped field ("" when not mapped). */
export type RowCells<F extends string> = Record<F, string>;

/** What a row reader gives: a record, or the row's problems (each naming its column by field). */
export type RowRead<R, F extends string> = { record: R } | { problems: { field: F; message: string }[] };

/** The most rows one course or event file may hold. */
export const MAX_TABLE_ROWS = 20_000;

const normal = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s.,:;«»"()\-–—_/]+/g, " ")
    .trim();

/**
 * The header each field is read from: the given mapping (field → header, checked against the file),
 * or for fields it leaves out the first header matching the field's name or one of its aliases.
 * A required field with no column refuses the file, naming it.
 */
export function resolveFields<F extends string>(
  specs: readonly FieldSpec<F>[],
  header: readonly string[],
  given: Partial<Record<string, string>> = {},
): { index: Map<F, number>; mapping: Record<string, string> } {
  const index = new Map<F, number>();
  const mapping: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  const byName = new Map(header.map((h, i) => [normal(h), i] as const));
  for (const spec of specs) {
    const wanted = given[spec.field];
    let at: number | undefined;
    if (wanted !== undefined && wanted !== "") {
      at = byName.get(normal(wanted));
      if (at === undefined) {
        issues.push({ column: wanted, message: `Столбец «${wanted}» (${spec.label}) не найден в файле` });
        continue;
      }
    } else {
      for (const name of [spec.label, ...spec.aliases]) {
        at = byName.get(normal(name));
        if (at !== undefined) break;
      }
    }
    if (at === undefined) {
      if (spec.required) issues.push({ message: `В файле нет столбца «${spec.label}»` });
      continue;
    }
    index.set(spec.field, at);
    mapping[spec.field] = header[at] ?? spec.label;
  }
  if (issues.length > 0)
    throw new AppError("invalid_input", issues[0]?.message ?? "Столбцы не сопоставлены", issues);
  return { index, mapping };
}

/** An uploaded table, written to a temporary file for the table reader. */
export type UploadedTable = { path: string; fileName: string; dispose: () => Promise<void> };

/** Receives the multipart file of an import request into a temporary file (deleted by dispose). */
export async function receiveTable(
  request: FastifyRequest,
  maxBytes = 20 * 1024 * 1024,
): Promise<UploadedTable> {
  const file = await request.file({ limits: { fileSize: maxBytes } });
  if (!file) throw new AppError("invalid_input", "Прикрепите файл XLSX или CSV");
  checkUploadFileName(file.filename);
  const fileName = file.filename;
  const dir = await mkdtemp(join(tmpdir(), "opora-table-"));
  const path = join(dir, "upload");
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(file.file, createWriteStream(path));
    if (file.file.truncated) {
      throw new AppError("payload_too_large", `Файл больше ${formatRuNumber(maxBytes / 1024 / 1024)} МБ`);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path, fileName, dispose };
}

/** Reads an ISO date (2025-03-14) or a Russian one (14.03.2025); null when the text is not a date. */
export function readDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : ru
      ? [Number(ru[3]), Number(ru[2]), Number(ru[1])]
      : [0, 0, 0];
  if (y === 0) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Reads a whole non-negative number («73», «73,0»); null otherwise. */
export function readCount(text: string): number | null {
  const value = Number(text.replace(/\s/g, "").replace(",", "."));
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** Splits a list cell («математика; физика», «67-001, 67-002»). */
export function readList(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** Input of importTable. */
export type TableImportInput<F extends string, R> = {
  file: { path: string; fileName: string };
  fields: readonly FieldSpec<F>[];
  /** JSON text of a mapping (field → header), as the request gives it. */
  mapping?: string;
  dryRun: boolean;
  readRow: (cells: RowCells<F>) => RowRead<R, F>;
  /** Checks the records against the database (matching names, codes, scope): adds issues by row and field. */
  check?: (
    records: { row: number; record: R }[],
    addIssue: (row: number, field: F, message: string) => void,
  ) => Promise<void>;
  /** Writes the records, all in one transaction (the caller's); returns the counts. */
  apply: (records: R[]) => Promise<{ created: number; updated: number }>;
};

function parseMapping(text: string | undefined): Partial<Record<string, string>> {
  if (text === undefined || text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
    }
  } catch {
    // refused below
  }
  throw new AppError("invalid_input", 'Сопоставление столбцов: ожидается JSON вида {"поле": "заголовок"}');
}

/**
 * Imports a table of courses, enrolments or events with the import module's reader (XLSX or CSV,
 * its limits and checks): the columns by the mapping or by their names, every row read and checked,
 * and only when no row has a problem — and it is not a dry run — everything written by `apply`.
 * All or nothing: a problem names its row (as in Excel) and its column (the file's header).
 */
export async function importTable<F extends string, R>(
  input: TableImportInput<F, R>,
): Promise<TableImportResult> {
  let rows = 0;
  let mapping: Record<string, string> = {};
  const refused = (errors: TableImportResult["errors"], errorCount = errors.length): TableImportResult => ({
    dryRun: input.dryRun,
    rows,
    created: 0,
    updated: 0,
    errors,
    errorCount,
    mapping,
  });
  try {
    const table = await openTable({ path: input.file.path, fileName: input.file.fileName });
    try {
      const resolved = resolveFields(input.fields, table.header, parseMapping(input.mapping));
      mapping = resolved.mapping;
      const columnOf = (field: F) =>
        resolved.mapping[field] ?? input.fields.find((f) => f.field === field)?.label ?? field;
      const issues = createIssueCollector();
      const records: { row: number; record: R }[] = [];
      for await (const row of table) {
        rows++;
        if (rows > MAX_TABLE_ROWS) {
          throw new ImportFileError(
            "too_many_rows",
            `В файле больше ${formatRuNumber(MAX_TABLE_ROWS)} строк — разделите его на части.`,
          );
        }
        const cells = {} as RowCells<F>;
        for (const spec of input.fields) {
          const at = resolved.index.get(spec.field);
          cells[spec.field] = at === undefined ? "" : (row.cells[at] ?? "").trim();
        }
        const read = input.readRow(cells);
        if ("problems" in read) {
          for (const p of read.problems)
            issues.add({ row: row.rowNumber, column: columnOf(p.field), message: p.message });
        } else {
          records.push({ row: row.rowNumber, record: read.record });
        }
      }
      if (rows === 0) issues.add({ message: NO_DATA_ROWS });
      if (issues.count() === 0 && input.check) {
        await input.check(records, (row, field, message) =>
          issues.add({ row, column: columnOf(field), message }),
        );
      }
      if (issues.count() > 0) return refused(issues.list(), issues.count());
      const counts = input.dryRun
        ? { created: records.length, updated: 0 }
        : await input.apply(records.map((r) => r.record));
      return { dryRun: input.dryRun, rows, ...counts, errors: [], errorCount: 0, mapping };
    } finally {
      await table.close();
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    return refused(issuesOfError(error));
  }
}
