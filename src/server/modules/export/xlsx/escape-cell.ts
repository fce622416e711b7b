import type { Row, Worksheet } from "exceljs";

/** Characters that make a spreadsheet treat a cell's text as a formula (or hide one after a tab/CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises text that a spreadsheet could take for a formula (CSV/formula injection): text
 * starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so «=HYPERLINK(…)»
 * stays the visible text «'=HYPERLINK(…)». Other text is returned unchanged. The import side
 * strips the apostrophe again (unescapeCellText), so such a name survives a round trip.
 */
export function escapeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A value for an exported cell: numbers stay numbers, text is escaped, null stays empty. */
export function exportCellValue(value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return escapeCell(value);
}

/** A cell of an exported row: text (escaped on the way in), a number, or nothing. */
export type ExportCell = string | number | null | undefined;

/**
 * Adds a row to an exported sheet with every text cell escaped by exportCellValue — headers,
 * indicator names, schools, municipalities alike. Every workbook Opora builds adds its rows through
 * this one function, so no text reaches a cell unescaped (a unit test holds the code to it).
 */
export function addEscapedRow(sheet: Worksheet, cells: readonly ExportCell[]): Row {
  return sheet.addRow(cells.map(exportCellValue));
}
