import { AlignmentType, TableRow } from "docx";
import { MONITORING_STAGE_LABELS, REPORT_STATUS_LABELS } from "../../../../core/monitoring";
import type { ReportView } from "../../../../shared/monitoring-api";
import {
  cell,
  fixedTable,
  headerRow,
  lines,
  packDocument,
  paragraph,
  SIZE,
  sectionRow,
} from "../../plans/documents/docx-kit";
import { valueText } from "./format";

/** The title of a school's monitoring report. */
export const REPORT_TITLE = "Отчёт о мониторинге реализации программы повышения качества образования";

/** The columns of the report's table. */
export const REPORT_COLUMNS = [
  "№",
  "Показатель",
  "Значение",
  "Комментарий школы",
  "Комментарий МОЦ",
] as const;

/**
 * A school's monitoring report as DOCX: school, year, stage and state; each criterion as a group row
 * with its indicators (value, how it was obtained, the school's and the МОЦ's comments); the
 * «аналитическая справка»; the МОЦ's comment on the report.
 */
export function buildReportDocx(report: ReportView): Promise<Buffer> {
  const rows = [headerRow(REPORT_COLUMNS)];
  for (const criterion of report.criteria) {
    rows.push(sectionRow(`${criterion.code} ${criterion.title}`, REPORT_COLUMNS.length));
    for (const ind of report.indicators.filter((i) => i.criterion === criterion.code)) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(ind.code),
            cell(
              ind.source === "computed"
                ? `${ind.wording}\nВычислено по данным Опоры: ${ind.rule}`
                : ind.wording,
            ),
            cell(valueText(ind.value), { alignment: AlignmentType.CENTER }),
            cell(ind.comment),
            cell(ind.mocComment),
          ],
        }),
      );
    }
  }
  const body = { size: SIZE.body };
  return packDocument({
    title: REPORT_TITLE,
    sections: [
      [
        paragraph(REPORT_TITLE, { bold: true, alignment: AlignmentType.CENTER, size: SIZE.body }),
        paragraph(`Школа: ${report.schoolName}`, { ...body, spacingBefore: 240 }),
        paragraph(`Муниципалитет: ${report.municipalityName}`, body),
        paragraph(`Год программы: ${report.year}`, body),
        paragraph(`Этап: ${MONITORING_STAGE_LABELS[report.stage]}`, body),
        paragraph(`Состояние: ${REPORT_STATUS_LABELS[report.status]}`, { ...body, spacingAfter: 240 }),
        fixedTable([6, 40, 10, 22, 22], rows),
        paragraph("Аналитическая справка", { bold: true, size: SIZE.body, spacingBefore: 240 }),
        ...lines(report.narrative.trim() || "Не заполнена.", body),
        paragraph("Комментарий МОЦ", { bold: true, size: SIZE.body, spacingBefore: 240 }),
        ...lines(report.mocComment.trim() || "Нет.", body),
      ],
    ],
  });
}
