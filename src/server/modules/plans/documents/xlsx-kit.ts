import type { Row, Worksheet } from "exceljs";
import { addEscapedRow } from "../../export/xlsx/escape-cell";

/** A column of a document's sheet: its header and its width in characters, for reading. */
export type SheetColumn = { header: string; width: number };

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } } as const;
const SECTION_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F5F7" } } as const;
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Cells wrap and sit at the top, so long texts read down their row. */
const WRAP = { wrapText: true, vertical: "top" } as const;

/**
 * Adds a line across all columns (a title or a note above the table), merged, with every text
 * escaped; committed.
 */
export function addBannerRow(sheet: Worksheet, text: string, columnCount: number, isTitle: boolean): void {
  const row = addEscapedRow(sheet, [text]);
  if (isTitle) row.font = { bold: true, size: 14 };
  row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  sheet.mergeCells(row.number, 1, row.number, columnCount);
  row.commit();
}

/** Adds the header row: bold, filled, bordered, wrapped; committed. Returns its number, to freeze at. */
export function addHeaderRow(sheet: Worksheet, columns: readonly SheetColumn[]): number {
  const row = addEscapedRow(
    sheet,
    columns.map((column) => column.header),
  );
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { ...WRAP, horizontal: "center" };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  row.commit();
  return row.number;
}

/** Adds a section row: its title in bold across all columns, merged and filled; committed. */
export function addSectionRow(sheet: Worksheet, title: string, columnCount: number): void {
  const row = addEscapedRow(sheet, [title]);
  for (let index = 1; index <= columnCount; index++) {
    const cell = row.getCell(index);
    cell.font = { bold: true };
    cell.alignment = WRAP;
    cell.fill = SECTION_FILL;
    cell.border = BORDER;
  }
  sheet.mergeCells(row.number, 1, row.number, columnCount);
  row.commit();
}

/**
 * Adds a data row: text escaped (exportCellValue), numbers kept numeric, every cell wrapped,
 * top-aligned and bordered. Not committed, so a caller may still format a cell.
 */
export function addDataRow(sheet: Worksheet, values: readonly (string | number | null)[]): Row {
  const row = addEscapedRow(sheet, values);
  for (let index = 1; index <= values.length; index++) {
    const cell = row.getCell(index);
    cell.alignment = WRAP;
    cell.border = BORDER;
  }
  return row;
}

/** The widths of a sheet's columns, for reading. */
export function setColumnWidths(sheet: Worksheet, columns: readonly SheetColumn[]): void {
  sheet.columns = columns.map((column) => ({ width: column.width }));
}
