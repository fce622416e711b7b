import type { Worksheet } from "exceljs";
import { addEscapedRow } from "./escape-cell";
import { indicatorCellValue, indicatorHeader, type SheetIndicator, UNIT_LABELS } from "./values-sheet";
import type { StreamingWorkbook } from "./workbook-buffer";

/** The name of the sheet of municipality-level values; it follows the school sheet. */
export const MUNICIPALITY_SHEET_NAME = "Муниципальные показатели";

/** The fixed columns of the municipality sheet. */
export const MUNICIPALITY_COLUMNS = [
  { header: "Код муниципалитета", width: 18 },
  { header: "Муниципалитет", width: 32 },
  { header: "Год", width: 8 },
] as const;

/** One municipality's row: its code, name and values by indicator code. */
export type MunicipalityExportRow = { code: string; name: string; values: Record<string, number | null> };

/**
 * Adds the sheet of municipality-level values: a row per municipality, a column per indicator
 * headed «Name [code]» with the unit in a note; the header is frozen and text that could start a
 * formula is escaped, as on the school sheet.
 */
export function addMunicipalitySheet(
  workbook: StreamingWorkbook,
  year: number,
  indicators: readonly SheetIndicator[],
  rows: readonly MunicipalityExportRow[],
): Worksheet {
  const sheet = workbook.addWorksheet(MUNICIPALITY_SHEET_NAME, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 1 }],
  });
  sheet.columns = [
    ...MUNICIPALITY_COLUMNS.map(({ width }) => ({ width })),
    ...indicators.map((indicator) => ({
      width: Math.min(40, Math.max(14, Math.ceil(indicatorHeader(indicator).length / 2))),
    })),
  ];
  const header = addEscapedRow(sheet, [
    ...MUNICIPALITY_COLUMNS.map(({ header }) => header),
    ...indicators.map(indicatorHeader),
  ]);
  header.height = 60;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  indicators.forEach((indicator, index) => {
    header.getCell(MUNICIPALITY_COLUMNS.length + index + 1).note =
      `Код показателя: ${indicator.code}\nЕдиница: ${UNIT_LABELS[indicator.unit]}`;
  });
  header.commit();
  for (const row of rows) {
    addEscapedRow(sheet, [
      row.code,
      row.name,
      year,
      ...indicators.map((indicator) => indicatorCellValue(indicator.unit, row.values[indicator.code])),
    ]).commit();
  }
  sheet.commit();
  return sheet;
}
