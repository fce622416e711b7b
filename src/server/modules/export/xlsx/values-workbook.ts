import { addMunicipalitySheet, type MunicipalityExportRow } from "./municipality-sheet";
import {
  addSchoolRow,
  addValuesSheet,
  indicatorCellValue,
  type SheetIndicator,
  UNIT_LABELS,
} from "./values-sheet";
import { writeWorkbook } from "./workbook-buffer";

/** One school's row of an export: its identity and its values by indicator code (null: no value). */
export type ValuesExportRow = {
  schoolCode: string;
  schoolName: string;
  municipality: string;
  values: Record<string, number | null>;
};

/**
 * Input of buildValuesWorkbook: one year, the indicator columns in order, the school rows; and,
 * when given, the municipality-level indicators with the municipality rows for their own sheet.
 */
export type ValuesWorkbookInput = {
  year: number;
  indicators: SheetIndicator[];
  rows: ValuesExportRow[];
  municipalities?: { indicators: SheetIndicator[]; rows: MunicipalityExportRow[] };
};

/**
 * Builds the XLSX of indicator values for a year in the wide layout: «Код ОО», «Наименование»,
 * «Муниципалитет», «Год», then a column per indicator headed «Name [code]» with a note giving the
 * unit. The header is frozen, columns are sized, text that could start a formula is escaped,
 * values stay numbers (да/нет for booleans). The file imports back unchanged through openTable,
 * guessMapping and the wide layout (the school sheet is the first). Municipality-level values, when
 * given, go to a second sheet «Муниципальные показатели».
 */
export function buildValuesWorkbook(input: ValuesWorkbookInput): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const sheet = addValuesSheet(
      workbook,
      input.indicators,
      (indicator) => `Код показателя: ${indicator.code}\nЕдиница: ${UNIT_LABELS[indicator.unit]}`,
    );
    for (const row of input.rows) {
      const school = { code: row.schoolCode, name: row.schoolName, municipality: row.municipality };
      addSchoolRow(sheet, school, input.year, input.indicators, (indicator) =>
        indicatorCellValue(indicator.unit, row.values[indicator.code]),
      ).commit();
    }
    sheet.commit();
    if (input.municipalities) {
      addMunicipalitySheet(workbook, input.year, input.municipalities.indicators, input.municipalities.rows);
    }
  });
}
