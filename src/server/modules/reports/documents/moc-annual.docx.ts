import { AlignmentType, type Paragraph, TableCell, TableRow, VerticalAlignTable } from "docx";
import { totalsSentence } from "../../../../core/reports";
import {
  blankLine,
  cell,
  fixedTable,
  headerRow,
  lines,
  packDocument,
  paragraph,
  SIZE,
  signatureBlock,
} from "../../plans/documents/docx-kit";
import { approvalLines, MOC_ANNUAL_HEADERS, type MocAnnualDocument, titleLines } from "./moc-annual.document";

/** The month cell: the month's name, spanning all its rows. */
function monthCell(label: string, rowSpan: number): TableCell {
  return new TableCell({
    rowSpan,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [paragraph(label, { size: SIZE.table, bold: true })],
  });
}

function tableRows(doc: MocAnnualDocument): TableRow[] {
  const rows = [headerRow([...MOC_ANNUAL_HEADERS])];
  for (const month of doc.table.months) {
    month.rows.forEach((row, index) => {
      const content = cell(row.content.flatMap((line) => lines(line, { size: SIZE.table })));
      const children = [cell(row.activity), content];
      rows.push(
        new TableRow({
          cantSplit: false,
          children: index === 0 ? [monthCell(month.label, month.rows.length), ...children] : children,
        }),
      );
    });
  }
  if (doc.table.months.length === 0) {
    rows.push(new TableRow({ children: [cell("—"), cell("За учебный год записей нет"), cell("")] }));
  }
  return rows;
}

/**
 * The МОЦ annual report in seed 000's layout: the «УТВЕРЖДЕН» block at the top right, the title,
 * the table Месяц | Мероприятие | Содержание month by month, the year's totals and the
 * coordinator's signature line.
 */
export function buildMocAnnualDocx(doc: MocAnnualDocument): Promise<Buffer> {
  const approval = approvalLines(doc.approval).map((text) =>
    paragraph(text, { alignment: AlignmentType.RIGHT }),
  );
  const [first, ...rest] = titleLines(doc);
  const title: Paragraph[] = [
    paragraph(first ?? "", { bold: true, alignment: AlignmentType.CENTER, spacingBefore: 240 }),
    ...rest.map((text) => paragraph(text, { bold: true, alignment: AlignmentType.CENTER })),
    blankLine(),
  ];
  return packDocument({
    title: `Отчет МОЦ о работе в ${doc.table.period.label} учебном году`,
    sections: [
      [
        ...approval,
        ...title,
        fixedTable([2, 5, 8], tableRows(doc)),
        blankLine(),
        paragraph(totalsSentence(doc.table), { isIndented: true }),
        ...signatureBlock(doc.coordinator),
      ],
    ],
  });
}
