import { addEscapedRow } from "../../export/xlsx/escape-cell";
import { writeWorkbook } from "../../export/xlsx/workbook-buffer";
import { checkInParagraphs } from "./execution-report.model";
import {
  type DocumentIndicator,
  type DocumentSection,
  type PlanDocumentActivity,
  sectionHeading,
} from "./plan-document.model";
import {
  addBannerRow,
  addDataRow,
  addHeaderRow,
  addSectionRow,
  type SheetColumn,
  setColumnWidths,
} from "./xlsx-kit";

/** Any plan (school programme, municipal or regional road map) as the builder of its XLSX takes it. */
export type PlanWorkbookInput = {
  /** «Программа перехода МБОУ … в эффективный режим функционирования», «Дорожная карта …». */
  title: string;
  /** Lines under the title: whose plan it is, its period, its state and version, as the page says them. */
  subtitleLines: string[];
  sections: DocumentSection<PlanDocumentActivity>[];
};

/** The sheet's name; fixed, so no user text reaches a sheet name. */
export const PLAN_SHEET_NAME = "План";

/** The plan's columns, in order, with widths for reading. */
export const PLAN_COLUMNS: readonly SheetColumn[] = [
  { header: "№", width: 7 },
  { header: "Мероприятие", width: 45 },
  { header: "Сроки", width: 18 },
  { header: "Ответственные", width: 26 },
  { header: "Показатель реализации", width: 36 },
  { header: "Индикатор (код)", width: 32 },
  { header: "Базовое", width: 10 },
  { header: "Целевое", width: 10 },
  { header: "Статус", width: 15 },
  { header: "Причины", width: 32 },
  { header: "Меры", width: 32 },
  { header: "Отметки о выполнении", width: 55 },
];

/** «Доля выпускников … (ege_math_below_min), 2025 г.»: the indicator's name, its code and the target's year. */
export function indicatorCellText(indicator: DocumentIndicator): string {
  const named = `${indicator.name} (${indicator.code})`;
  return indicator.year === null ? named : `${named}, ${indicator.year} г.`;
}

function activityCells(activity: PlanDocumentActivity): (string | number | null)[] {
  return [
    activity.number,
    activity.title,
    activity.deadlineText,
    activity.owners.join(", "),
    activity.indicatorText,
    activity.indicator ? indicatorCellText(activity.indicator) : null,
    activity.indicator?.baseline ?? null,
    activity.indicator?.target ?? null,
    activity.statusLabel,
    activity.causes.join("\n"),
    activity.measures.join("\n"),
    activity.checkIns.length > 0 ? checkInParagraphs(activity.checkIns).join("\n") : null,
  ];
}

/**
 * Builds any plan as XLSX: one sheet «План» in the plan's layout — the title and subtitle lines
 * across the top, the header (frozen), per section a bold row merged across all twelve columns, per
 * activity a row (№, Мероприятие, Сроки, Ответственные, Показатель реализации, Индикатор (код),
 * Базовое, Целевое, Статус, Причины, Меры, Отметки о выполнении). Columns are sized for reading,
 * text wraps, every text cell is escaped against formulas; baseline and target stay numbers.
 */
export function buildPlanXlsx(input: PlanWorkbookInput): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const headerRowNumber = 1 + input.subtitleLines.length + 2;
    const sheet = workbook.addWorksheet(PLAN_SHEET_NAME, {
      views: [{ state: "frozen", xSplit: 0, ySplit: headerRowNumber }],
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    setColumnWidths(sheet, PLAN_COLUMNS);
    addBannerRow(sheet, input.title, PLAN_COLUMNS.length, true);
    for (const line of input.subtitleLines) addBannerRow(sheet, line, PLAN_COLUMNS.length, false);
    addEscapedRow(sheet, []).commit();
    addHeaderRow(sheet, PLAN_COLUMNS);
    for (const section of input.sections) {
      addSectionRow(sheet, sectionHeading(section), PLAN_COLUMNS.length);
      for (const activity of section.activities) addDataRow(sheet, activityCells(activity)).commit();
    }
    sheet.commit();
  });
}
