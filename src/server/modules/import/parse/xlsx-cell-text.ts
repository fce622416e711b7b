import type { CellValue } from "exceljs";
import { ImportFileError } from "./import-file-error";

/** What the reader knows about a cell: its value, number format and address (for messages). */
export type XlsxCell = { value: CellValue; numFmt?: string; address: string; rowNumber: number };

type Scalar = number | string | boolean | Date | undefined | null;

/** Excel keeps 15 significant digits; cutting there drops binary noise such as 0.30000000000000004. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** A percent format (0%, 0.00%) outside quoted literals. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return (numFmt ?? "").replace(/"[^"]*"/g, "").includes("%");
}

function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare);
}

/** A date serial number (1900 date system) as a Date, for formula results with a date format. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

function scalarText(value: Scalar, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateText(value);
  if (Number.isNaN(value)) return "#ОШИБКА";
  if (isPercentFormat(numFmt)) return `${numberText(value * 100)}%`;
  if (isDateFormat(numFmt)) return dateText(serialToDate(value));
  return numberText(value);
}

function formulaError(cell: XlsxCell): ImportFileError {
  const message =
    `в ячейке ${cell.address} формула без сохранённого результата. ` +
    "Откройте файл в Excel, дождитесь пересчёта и сохраните его, или вставьте в ячейку значения вместо формул";
  return new ImportFileError("formula_without_result", `Строка ${cell.rowNumber}: ${message}.`, [
    { row: cell.rowNumber, column: cell.address.replace(/\d+$/, ""), message },
  ]);
}

function formulaResultText(cell: XlsxCell, result: CellValue): string {
  if (result === undefined) throw formulaError(cell);
  return cellText({ ...cell, value: result });
}

/**
 * The text of a cell as a person sees it in Excel: numbers with a point (percent formats as 31%),
 * dates as ISO (2023-09-01), rich text joined, booleans as ИСТИНА/ЛОЖЬ, errors as #DIV/0!,
 * formulas as their cached result. A formula without a cached result cannot be read and throws.
 */
export function cellText(cell: XlsxCell): string {
  const { value, numFmt } = cell;
  if (value === null || typeof value !== "object" || value instanceof Date) return scalarText(value, numFmt);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return formulaResultText(cell, value.result);
  if ("hyperlink" in value) return cellText({ ...cell, value: value.text });
  return "";
}
