import { AlignmentType, type Paragraph, type Table, TableRow } from "docx";
import {
  blankLine,
  cell,
  fixedTable,
  headerRow,
  leftRightLine,
  lines,
  packDocument,
  paragraph,
  SIZE,
  sectionRow,
} from "./docx-kit";
import { checkInParagraphs, type ExecutionReportInput, type ReportActivity } from "./execution-report.model";
import { type DocumentSection, sectionHeading } from "./plan-document.model";
import { formatDateRu } from "./ru-date";

/** The columns of the execution report, as seed 002 heads them. */
export const EXECUTION_REPORT_COLUMNS = [
  "№",
  "Наименование мероприятия",
  "Сроки исполнения",
  "Информация",
] as const;

const WEIGHTS = [6, 34, 16, 44];

function informationCell(activity: ReportActivity) {
  return cell(checkInParagraphs(activity.checkIns).flatMap((text) => lines(text, { size: SIZE.table })));
}

/**
 * The table of the report: the header (repeated on every page), per section a bold row merged
 * across the four columns, per activity its number, title, deadline and the check-ins as the
 * «Информация» cell.
 */
export function executionReportTable(sections: readonly DocumentSection<ReportActivity>[]): Table {
  const rows = [headerRow(EXECUTION_REPORT_COLUMNS)];
  for (const section of sections) {
    rows.push(sectionRow(sectionHeading(section), EXECUTION_REPORT_COLUMNS.length));
    for (const activity of section.activities) {
      rows.push(
        new TableRow({
          children: [
            cell(activity.number),
            cell(activity.title),
            cell(activity.deadlineText),
            informationCell(activity),
          ],
        }),
      );
    }
  }
  return fixedTable(WEIGHTS, rows);
}

function signatureLines(signature: NonNullable<ExecutionReportInput["signature"]>): Paragraph[] {
  const signed = [blankLine(), leftRightLine(signature.position, signature.name, { size: SIZE.body })];
  if (signature.date) signed.push(paragraph(formatDateRu(signature.date), { size: SIZE.body }));
  return signed;
}

/**
 * Builds the report on the execution of a plan in seed 002's layout (DOCX): the centred title
 * block, the table № | Наименование мероприятия | Сроки исполнения | Информация with its section
 * rows, the heading «Анализ эффективности реализации плана мероприятий на <period>», the analysis
 * paragraphs and, when given, the signature.
 */
export async function buildExecutionReportDocx(input: ExecutionReportInput): Promise<Buffer> {
  const title = input.titleLines.map((line, index) =>
    paragraph(line, { bold: index === 0, size: SIZE.body, alignment: AlignmentType.CENTER }),
  );
  const analysis = input.analysis.flatMap((text) =>
    lines(text, { size: SIZE.body, alignment: AlignmentType.JUSTIFIED, isIndented: true, spacingAfter: 120 }),
  );
  const children: (Paragraph | Table)[] = [
    ...title,
    blankLine(),
    executionReportTable(input.sections),
    blankLine(),
    paragraph(`Анализ эффективности реализации плана мероприятий на ${input.period}`, {
      bold: true,
      size: SIZE.body,
      alignment: AlignmentType.CENTER,
      spacingAfter: 120,
    }),
    ...analysis,
    ...(input.signature ? signatureLines(input.signature) : []),
  ];
  return packDocument({ title: input.titleLines.join(" "), sections: [children] });
}
