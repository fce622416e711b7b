import type { Worksheet } from "exceljs";
import { addEscapedRow } from "./escape-cell";
import { describeAllowed, type TemplateIndicator, validationFor } from "./template-validation";
import {
  addSchoolRow,
  addValuesSheet,
  FIXED_COLUMNS,
  type SheetSchool,
  UNIT_LABELS,
  VALUES_SHEET_NAME,
} from "./values-sheet";
import { type StreamingWorkbook, writeWorkbook } from "./workbook-buffer";

/** Input of buildTemplateWorkbook: the year, the indicators to fill and the schools, in order. */
export type TemplateWorkbookInput = {
  year: number;
  indicators: TemplateIndicator[];
  schools: SheetSchool[];
};

function instructionLines(year: number): string[] {
  return [
    `Шаблон для загрузки значений показателей за ${year} год`,
    "",
    `1. Заполняйте лист «${VALUES_SHEET_NAME}»: одна строка — одна школа, один столбец — один показатель.`,
    `2. Не меняйте столбцы ${FIXED_COLUMNS.map(({ header }) => `«${header}»`).join(", ")} и строку заголовка: код показателя в квадратных скобках нужен для загрузки.`,
    "3. Доли записывайте числом от 0 до 1 (например, 0,31) или в процентах со знаком % (31%).",
    "4. Для показателей «да/нет» выберите значение из списка в ячейке.",
    "5. Если значения нет, оставьте ячейку пустой. Формулы не допускаются — вставляйте значения.",
    "6. Сохраните файл как «Книга Excel (*.xlsx)» и загрузите его в «Опору». Лист «Инструкция» можно не удалять.",
    "",
    "Показатели:",
  ];
}

function addInstructions(workbook: StreamingWorkbook, input: TemplateWorkbookInput): void {
  const sheet = workbook.addWorksheet("Инструкция");
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 26 }, { width: 30 }];
  instructionLines(input.year).forEach((line, index) => {
    const row = addEscapedRow(sheet, [line]);
    if (index === 0) row.font = { bold: true, size: 14 };
    row.commit();
  });
  const header = addEscapedRow(sheet, ["Код", "Показатель", "Единица", "Допустимые значения"]);
  header.font = { bold: true };
  header.commit();
  for (const indicator of input.indicators) {
    addEscapedRow(sheet, [
      indicator.code,
      indicator.name,
      UNIT_LABELS[indicator.unit],
      describeAllowed(indicator),
    ]).commit();
  }
  sheet.commit();
}

function addSchoolRows(sheet: Worksheet, input: TemplateWorkbookInput): void {
  const validations = input.indicators.map(validationFor);
  for (const school of input.schools) {
    const row = addSchoolRow(sheet, school, input.year, input.indicators, () => null);
    validations.forEach((validation, index) => {
      row.getCell(FIXED_COLUMNS.length + index + 1).dataValidation = validation;
    });
    row.commit();
  }
}

/**
 * Builds the XLSX template for a year: the wide layout of buildValuesWorkbook with empty value
 * cells, Excel data validation on every value cell (decimals within the indicator's bounds, whole
 * numbers for counts, a да/нет list for booleans) and a second sheet «Инструкция» in Russian.
 * A template imports back with no values and no errors.
 */
export function buildTemplateWorkbook(input: TemplateWorkbookInput): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const sheet = addValuesSheet(
      workbook,
      input.indicators,
      (indicator) =>
        `Код показателя: ${indicator.code}\nЕдиница: ${UNIT_LABELS[indicator.unit]}\nДопустимо: ${describeAllowed(indicator)}`,
    );
    addSchoolRows(sheet, input);
    sheet.commit();
    addInstructions(workbook, input);
  });
}
