import JSZip from "jszip";

/** A paragraph of the body read back: its text (tabs as \t), weight, alignment and page break. */
export type ReadParagraph = {
  kind: "paragraph";
  text: string;
  /** Every run with text is bold. */
  isBold: boolean;
  alignment: string | null;
  hasPageBreak: boolean;
  /** The runs with text, each with its weight. */
  runs: { text: string; isBold: boolean }[];
};

/** A table cell read back: its paragraphs' texts, the columns it spans and whether all its text is bold. */
export type ReadCell = { paragraphs: string[]; text: string; span: number; isBold: boolean };

/** A table read back, row by row; header rows repeat on every page. */
export type ReadTable = { kind: "table"; rows: { isHeader: boolean; cells: ReadCell[] }[] };

/** A DOCX read back: the body in order, and the raw parts for what the body does not say. */
export type ReadDocx = { blocks: (ReadParagraph | ReadTable)[]; documentXml: string; stylesXml: string };

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
}

/** The runs of a paragraph's XML: their text and whether each is bold. */
function readRuns(xml: string): { text: string; isBold: boolean }[] {
  const runs: { text: string; isBold: boolean }[] = [];
  for (const match of xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
    const inner = match[1] ?? "";
    let text = "";
    for (const token of inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      if (token[0] === "<w:tab/>") text += "\t";
      else if (token[0] === "<w:br/>") text += "\n";
      else text += unescapeXml(token[1] ?? "");
    }
    runs.push({ text, isBold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(inner) });
  }
  return runs;
}

function readParagraph(xml: string): ReadParagraph {
  const runs = readRuns(xml).filter((r) => r.text !== "");
  return {
    kind: "paragraph",
    text: runs.map((r) => r.text).join(""),
    isBold: runs.length > 0 && runs.every((r) => r.isBold),
    alignment: /<w:jc w:val="([a-z]+)"\/>/.exec(xml)?.[1] ?? null,
    hasPageBreak: xml.includes('<w:br w:type="page"/>'),
    runs,
  };
}

const PARAGRAPH = /<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g;

function readTable(xml: string): ReadTable {
  const rows = [...xml.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) => {
    const inner = row[1] ?? "";
    const cells = [...inner.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
      const cellXml = c[1] ?? "";
      const paragraphs = [...cellXml.matchAll(PARAGRAPH)].map((p) => readParagraph(p[0]));
      return {
        paragraphs: paragraphs.map((p) => p.text),
        text: paragraphs.map((p) => p.text).join("\n"),
        span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cellXml)?.[1] ?? 1),
        isBold: paragraphs.filter((p) => p.text !== "").every((p) => p.isBold),
      };
    });
    return { isHeader: inner.includes("<w:tblHeader/>"), cells };
  });
  return { kind: "table", rows };
}

/**
 * Reads a DOCX built by docx back into its body: paragraphs and tables (not nested) in document
 * order, as a person would see them. Enough for the builders' own output; not a general reader.
 */
export async function readDocx(buffer: Buffer): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? "";
  const blocks: (ReadParagraph | ReadTable)[] = [];
  for (const match of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    blocks.push(match[0].startsWith("<w:tbl>") ? readTable(match[0]) : readParagraph(match[0]));
  }
  return { blocks, documentXml, stylesXml };
}

/** The texts of the body's paragraphs outside tables, empty lines left out. */
export function paragraphTexts(doc: ReadDocx): string[] {
  return doc.blocks.flatMap((block) => (block.kind === "paragraph" && block.text !== "" ? [block.text] : []));
}

/** The body's tables in order. */
export function tables(doc: ReadDocx): ReadTable[] {
  return doc.blocks.flatMap((block) => (block.kind === "table" ? [block] : []));
}

/** A table's rows as arrays of cell texts. */
export function tableTexts(table: ReadTable): string[][] {
  return table.rows.map((row) => row.cells.map((c) => c.text));
}
