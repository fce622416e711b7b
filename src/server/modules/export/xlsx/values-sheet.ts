import type { Cell, Row, Worksheet } from "exceljs";
import type { IndicatorUnit } from "../../import/parse/parse-number";
import { addEscapedRow, exportCellValue } from "./escape-cell";
import type { StreamingWorkbook } from "./workbook-buffer";

/** An indicator as a column of an exported sheet. */
export type SheetIndicator = { code: string; name: string; unit: IndicatorUnit };

/** A school as the first columns of a row. */
export type SheetSchool = { code: string; name: string; municipality: string };

/** The name of the data sheet; it is always the first sheet, so openTable reads it by default. */
export const VALUES_SHEET_NAME = "Значения";

/**
 * The fixed columns of the wide layout. Their headers are synonyms that guessMapping knows, so an
 * exported file (or a filled template) imports back without a mapping.
 */
export const FIXED_COLUMNS = [
  { header: "Код ОО", width: 14 },
  { header: "Наименование", width: 50 },
  { header: "Муниципалитет", width: 28 },
  { header: "Год", width: 8 },
] as const;

/** Russian names of the units, for notes and the instructions. */
export const UNIT_LABELS: Record<IndicatorUnit, string> = {
  share: "доля (от 0 до 1)",
  percent: "процент (от 0 до 100)",
  count: "количество (целое число)",
  number: "число",
  boolean: "да/нет",
};

const NUMBER_FORMATS: Record<IndicatorUnit, string | undefined> = {
  share: "0.000",
  percent: "0.0",
  count: "0",
  number: undefined,
  boolean: undefined,
};

/**
 * The header of an indicator column: its name with its code in square brackets. The code makes
 * the column importable whatever the name becomes; guessMapping reads it from the brackets.
 */
export function indicatorHeader(indicator: SheetIndicator): string {
  return `${indicator.name} [${indicator.code}]`;
}

function indicatorWidth(indicator: SheetIndicator): number {
  return Math.min(40, Math.max(14, Math.ceil(indicatorHeader(indicator).length / 2)));
}

function styleHeaderCell(cell: Cell): void {
  cell.font = { bold: true };
  cell.alignment = { wrapText: true, vertical: "top" };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
  cell.border = { bottom: { style: "thin" } };
}

/**
 * Adds the data sheet of the wide layout: columns sized, the header row (escaped, indicator names
 * included) styled and frozen
 * together with the code and name columns, a note with the code and unit on every indicator.
 */
export function addValuesSheet<T extends SheetIndicator>(
  workbook: StreamingWorkbook,
  indicators: readonly T[],
  noteFor: (indicator: T) => string,
): Worksheet {
  const sheet = workbook.addWorksheet(VALUES_SHEET_NAME, {
    views: [{ state: "frozen", xSplit: 2, ySplit: 1, topLeftCell: "C2", activeCell: "E2" }],
  });
  sheet.columns = [
    ...FIXED_COLUMNS.map(({ width }) => ({ width })),
    ...indicators.map((indicator) => ({ width: indicatorWidth(indicator) })),
  ];
  const header = addEscapedRow(sheet, [
    ...FIXED_COLUMNS.map(({ header }) => header),
    ...indicators.map(indicatorHeader),
  ]);
  header.height = 60;
  header.eachCell((cell) => styleHeaderCell(cell));
  indicators.forEach((indicator, index) => {
    header.getCell(FIXED_COLUMNS.length + index + 1).note = noteFor(indicator);
  });
  header.commit();
  return sheet;
}

/** A value as its cell: booleans as да/нет (as the template's list offers), numbers as numbers. */
export function indicatorCellValue(
  unit: IndicatorUnit,
  value: number | null | undefined,
): string | number | null {
  if (value === null || value === undefined) return null;
  if (unit === "boolean") return value === 0 ? "нет" : "да";
  return exportCellValue(value);
}

/** Adds one school row: code, name, municipality (escaped), year, then the indicator cells. */
export function addSchoolRow(
  sheet: Worksheet,
  school: SheetSchool,
  year: number,
  indicators: readonly SheetIndicator[],
  values: (indicator: SheetIndicator) => string | number | null,
): Row {
  const row = addEscapedRow(sheet, [
    school.code,
    school.name,
    school.municipality,
    year,
    ...indicators.map(values),
  ]);
  indicators.forEach((indicator, index) => {
    const format = NUMBER_FORMATS[indicator.unit];
    if (format) row.getCell(FIXED_COLUMNS.length + index + 1).numFmt = format;
  });
  return row;
}
