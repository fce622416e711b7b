import { columnLetter, describeColumn, formatRuNumber, ImportFileError } from "./import-file-error";
import type { RawRow, TableRow } from "./table.types";

/**
 * A header name reduced for comparison: lower case, ё → е, runs of spaces, underscores, dots and
 * dashes collapsed to one space. «Код  ОО», «код_оо» and «КОД ОО» are the same column.
 */
export function normalizeHeaderName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[\s_.\-\u00a0]+/g, " ")
    .trim();
}

/** Whether every cell of the row is empty. */
export function isEmptyRow(cells: string[]): boolean {
  return cells.every((cell) => cell === "");
}

function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end);
}

const NUMBER_LIKE = /^[+-]?[\d\s\u00a0]+([.,]\d+)?%?$|^\d{4}-\d{2}-\d{2}/;

function checkDuplicates(header: string[]): void {
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  header.forEach((name, index) => {
    if (name === "") return;
    const key = normalizeHeaderName(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else duplicates.push(`«${name}» (столбцы ${columnLetter(first)} и ${columnLetter(index)})`);
  });
  if (duplicates.length === 0) return;
  throw new ImportFileError(
    "duplicate_headers",
    `В строке заголовка повторяются названия столбцов: ${duplicates.join(", ")}. Переименуйте столбцы, чтобы названия не совпадали.`,
    duplicates.map((message) => ({ row: 1, message: `повторяется столбец ${message}` })),
  );
}

/**
 * Checks the header row and returns its names without trailing empty cells. Throws when the row
 * has only numbers or dates (no header: the file starts with data) or repeats a column name.
 */
export function checkHeader(row: RawRow): string[] {
  const header = withoutTrailingEmpty(row.cells);
  if (header.every((name) => name === "" || NUMBER_LIKE.test(name))) {
    throw new ImportFileError(
      "no_header",
      `Нет строки заголовка: строка ${row.rowNumber} содержит только числа. Первой строкой таблицы должны быть названия столбцов (например, «Код ОО», «Год», «Показатель», «Значение»).`,
    );
  }
  checkDuplicates(header);
  return header;
}

function rowTooLong(row: RawRow, header: string[], index: number): ImportFileError {
  const message = `в строке ${row.rowNumber} есть значение в столбце ${columnLetter(index)}, а столбцов в заголовке всего ${formatRuNumber(header.length)} (до ${columnLetter(header.length - 1)})`;
  return new ImportFileError(
    "row_too_long",
    `Строка ${row.rowNumber} длиннее заголовка: ${message}. Удалите лишние значения или добавьте название столбца.`,
    [{ row: row.rowNumber, column: columnLetter(index), message }],
  );
}

function unnamedColumn(row: RawRow, index: number): ImportFileError {
  const message = `есть данные в столбце ${describeColumn(index, undefined)}, но у него нет названия в строке заголовка`;
  return new ImportFileError(
    "unnamed_column",
    `Строка ${row.rowNumber}: ${message}. Впишите название столбца.`,
    [{ row: row.rowNumber, column: columnLetter(index), message }],
  );
}

/**
 * Checks a data row against the header and pads it to the header's width: a value beyond the
 * last header column, or under a header cell left empty, is an error naming the row and column.
 */
export function fitRowToHeader(row: RawRow, header: string[]): TableRow {
  const cells = row.cells;
  if (cells.length === header.length && !header.includes("")) return row;
  for (let index = header.length; index < cells.length; index++) {
    if (cells[index] !== "") throw rowTooLong(row, header, index);
  }
  const fitted = header.map((name, index) => {
    const cell = cells[index] ?? "";
    if (name === "" && cell !== "") throw unnamedColumn(row, index);
    return cell;
  });
  return { rowNumber: row.rowNumber, cells: fitted };
}
