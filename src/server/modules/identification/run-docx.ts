import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { CATEGORY_LABELS, type RunResult } from "../../../core/identification/api.schema";

/** What the order appendix is built from. */
export type OrderAppendixInput = {
  regionName: string;
  year: number;
  approvedAt: Date | null;
  /** Flagged schools only, in the order to print. */
  results: RunResult[];
};

const FONT = "Times New Roman";

function text(value: string, opts: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: value, font: FONT, size: opts.size ?? 24, bold: opts.bold });
}

function cell(value: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [text(value, { bold, size: 22 })] })] });
}

/**
 * Builds the approved list as an appendix to an order (DOCX): the appendix heading with blanks for
 * the order's date and number, a title, and a table of the schools with their municipality,
 * category and the grounds for inclusion.
 */
export function buildOrderAppendix(input: OrderAppendixInput): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: [
      "№ п/п",
      "Муниципальное образование",
      "Образовательная организация",
      "Категория",
      "Основания",
    ].map((h) => cell(h, true)),
  });
  const rows = input.results.map(
    (r, i) =>
      new TableRow({
        children: [
          cell(String(i + 1)),
          cell(r.municipalityName),
          cell(r.schoolName),
          cell(CATEGORY_LABELS[r.category]),
          cell(r.reasons.join("; ")),
        ],
      }),
  );
  const approved = input.approvedAt
    ? `Перечень утверждён ${input.approvedAt.toLocaleDateString("ru-RU", { timeZone: "UTC" })}`
    : "";
  const document = new Document({
    creator: "Опора",
    title: `Перечень ШНРО и ШФНСУ, ${input.year}`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [text("Приложение к приказу")],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(input.regionName)] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [text("от «___» ________ 20__ г. № ____")],
          }),
          new Paragraph({ children: [] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              text(
                `Перечень школ с низкими образовательными результатами и школ, функционирующих в неблагоприятных социальных условиях, по итогам ${input.year} года`,
                { bold: true },
              ),
            ],
          }),
          new Paragraph({ children: [] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
          new Paragraph({ children: [] }),
          new Paragraph({ children: [text(`Всего школ: ${input.results.length}. ${approved}`.trim())] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
