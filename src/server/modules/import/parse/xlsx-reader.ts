import { createReadStream } from "node:fs";
import ExcelJS, { type Row } from "exceljs";
import { ImportFileError } from "./import-file-error";
import type { RawRow } from "./table.types";
import { cellText } from "./xlsx-cell-text";
import type { SheetRef } from "./xlsx-sheets";
import { brokenXlsx } from "./zip-directory";

/** Options of exceljs's streaming reader: shared strings and styles are needed for text and dates. */
const READER_OPTIONS = {
  worksheets: "emit",
  sharedStrings: "cache",
  styles: "cache",
  hyperlinks: "ignore",
  entries: "ignore",
} as const;

/**
 * Whether exceljs's worksheet reader is the wanted sheet. exceljs names a sheet from the workbook
 * when it can and otherwise calls it `Sheet<N>` after its file name sheetN.xml.
 */
function isWantedSheet(reader: object, sheet: SheetRef): boolean {
  const name = "name" in reader ? reader.name : undefined;
  const id = "id" in reader ? reader.id : undefined;
  if (name === sheet.name) return true;
  const fileNumber = /sheet(\d+)\.xml$/.exec(sheet.path)?.[1];
  return fileNumber !== undefined && name === `Sheet${fileNumber}` && String(id) === fileNumber;
}

function rowCells(row: Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellText({
      value: cell.value,
      numFmt: cell.numFmt,
      address: cell.address,
      rowNumber: row.number,
    });
    cells[column - 1] = text.trim();
  });
  return Array.from(cells, (text) => text ?? "");
}

function toImportError(error: unknown): unknown {
  if (error instanceof ImportFileError) return error;
  const detail = error instanceof Error ? error.message.slice(0, 200) : "неизвестная ошибка";
  return brokenXlsx(`не удалось разобрать лист: ${detail}`);
}

/**
 * Streams the rows of one worksheet with exceljs's WorkbookReader: rows come as the sheet's XML is
 * inflated and parsed, so memory does not grow with the sheet (shared strings are kept, as Excel
 * requires). Row numbers are Excel's own; rows absent from the file are simply not yielded.
 */
export async function* readXlsxRows(path: string, sheet: SheetRef): AsyncGenerator<RawRow> {
  const input = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, READER_OPTIONS);
  try {
    for await (const worksheet of workbook) {
      if (!isWantedSheet(worksheet, sheet)) continue;
      for await (const row of worksheet) yield { rowNumber: row.number, cells: rowCells(row) };
      return;
    }
  } catch (error) {
    throw toImportError(error);
  } finally {
    input.destroy();
  }
  throw brokenXlsx(`лист «${sheet.name}» не найден в архиве`);
}
