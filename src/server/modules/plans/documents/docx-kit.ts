import {
  AlignmentType,
  Document,
  type ISectionOptions,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";

/** The font of every document Opora prints, as official papers are set. */
export const DOCUMENT_FONT = "Times New Roman";

/** A4 portrait with the margins of Russian office papers (left 30 mm, right 15 mm, top and bottom 20 mm), in twips. */
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 } as const;

/** The width of the text between the margins, in twips: tables and the right tab stop use it. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Font sizes in half-points: body text 14 pt, table text 12 pt. */
export const SIZE = { body: 28, table: 24 } as const;

/** How a paragraph is set. */
export type ParagraphStyle = {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** A first-line indent of 1,25 cm, as the body of an order is set. */
  isIndented?: boolean;
  spacingAfter?: number;
  spacingBefore?: number;
};

/** A run of text in the document font. */
export function run(text: string, style: Pick<ParagraphStyle, "bold" | "italic" | "size"> = {}): TextRun {
  return new TextRun({
    text,
    font: DOCUMENT_FONT,
    size: style.size,
    bold: style.bold,
    italics: style.italic,
  });
}

/** One paragraph of text (or of several runs, each with its own weight). */
export function paragraph(content: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  const children = typeof content === "string" ? [run(content, style)] : content;
  return new Paragraph({
    alignment: style.alignment,
    indent: style.isIndented ? { firstLine: 709 } : undefined,
    spacing: { after: style.spacingAfter ?? 0, before: style.spacingBefore ?? 0 },
    children,
  });
}

/** An empty line. */
export function blankLine(): Paragraph {
  return new Paragraph({ children: [] });
}

/** Text split at line breaks into paragraphs (a cell or a block keeps the lines it was written with). */
export function lines(text: string, style: ParagraphStyle = {}): Paragraph[] {
  const parts = text.split(/\r?\n/).map((line) => line.trim());
  const kept = parts.filter((line) => line !== "");
  return (kept.length > 0 ? kept : [""]).map((line) => paragraph(line, style));
}

/**
 * A line with a text at the left margin and another at the right one (a right tab stop at the
 * margin): «position … name» of a signature, «date … number» of an order.
 */
export function leftRightLine(left: string, right: string, style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    spacing: { after: style.spacingAfter ?? 0, before: style.spacingBefore ?? 0 },
    children: [
      run(left, style),
      new TextRun({ children: [new Tab(), right], font: DOCUMENT_FONT, bold: style.bold, size: style.size }),
    ],
  });
}

/** A table cell of paragraphs; text cells keep their line breaks as paragraphs. */
export function cell(
  content: string | Paragraph[],
  options: { bold?: boolean; columnSpan?: number; alignment?: ParagraphStyle["alignment"] } = {},
): TableCell {
  const children =
    typeof content === "string"
      ? lines(content, { bold: options.bold, size: SIZE.table, alignment: options.alignment })
      : content;
  return new TableCell({
    children,
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
  });
}

/** The header row of a table: bold, centred, repeated on every page. */
export function headerRow(headers: readonly string[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((header) => cell(header, { bold: true, alignment: AlignmentType.CENTER })),
  });
}

/** A section row: one bold cell merged across all the table's columns, kept with the row after it. */
export function sectionRow(title: string, columnCount: number): TableRow {
  return new TableRow({
    cantSplit: true,
    keepNext: true,
    children: [cell(title, { bold: true, columnSpan: columnCount })],
  });
}

/**
 * A table across the text width with fixed column widths (twips, scaled to the text width), so
 * Word, LibreOffice and the rest lay it out alike.
 */
export function fixedTable(columnWeights: readonly number[], rows: TableRow[]): Table {
  const total = columnWeights.reduce((sum, weight) => sum + weight, 0);
  const widths = columnWeights.map((weight) => Math.floor((weight / total) * TEXT_WIDTH));
  // The rounding remainder goes to the last column, so the grid is exactly the text width.
  const rest = TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/** A signature: the position at the left margin, the name at the right one. */
export type Signature = { position: string; name: string };

/** The signature block: position left, name right, one line below the text. */
export function signatureBlock(signature: Signature): Paragraph[] {
  return [blankLine(), blankLine(), leftRightLine(signature.position, signature.name, { size: SIZE.body })];
}

/**
 * Packs a document of one or more sections on A4 portrait in Times New Roman (the default style,
 * so every run and table cell takes it) and returns the DOCX file.
 */
export function packDocument(input: {
  title: string;
  sections: ISectionOptions["children"][];
}): Promise<Buffer> {
  const document = new Document({
    creator: "Опора",
    title: input.title,
    styles: { default: { document: { run: { font: DOCUMENT_FONT, size: SIZE.body } } } },
    sections: input.sections.map((children) => ({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
        },
      },
      children,
    })),
  });
  return Packer.toBuffer(document);
}
