/**
 * The text of a DOCX, read with JSZip (already installed with the `docx` package) from
 * word/document.xml: the paragraphs in order, tables included, tabs and line breaks kept; a
 * paragraph styled as a heading (Heading1…, Title, «Заголовок…») starts a new section. Enough for
 * comparing texts; formatting, footnotes and headers are left out.
 */
import JSZip from "jszip";
import type { MocReportSection } from "../../../shared/quality-api";

/** A DOCX could not be read: not a ZIP, or no word/document.xml in it. */
export class DocxReadError extends Error {}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
}

const PARAGRAPH = /<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g;
const TOKEN = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?: [^>]*)?\/>/g;
const HEADING = /<w:pStyle w:val="([^"]+)"/;

/** The paragraphs of a DOCX, each with its text and whether it is a heading. */
export async function readDocxParagraphs(bytes: Uint8Array): Promise<{ text: string; isHeading: boolean }[]> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file("word/document.xml")?.async("string");
  } catch {
    throw new DocxReadError("Файл не читается как документ DOCX");
  }
  if (xml === undefined) throw new DocxReadError("В файле нет текста документа DOCX (word/document.xml)");
  return [...xml.matchAll(PARAGRAPH)].map((match) => {
    const paragraph = match[0];
    let text = "";
    for (const token of paragraph.matchAll(TOKEN)) {
      if (token[0] === "<w:tab/>") text += "\t";
      else if (token[0].startsWith("<w:br")) text += "\n";
      else text += unescapeXml(token[1] ?? "");
    }
    const style = HEADING.exec(paragraph)?.[1] ?? "";
    return { text, isHeading: /heading|title|заголов/i.test(style) };
  });
}

/** The whole text of a DOCX, a paragraph a line. */
export async function readDocxText(bytes: Uint8Array): Promise<string> {
  return (await readDocxParagraphs(bytes)).map((p) => p.text).join("\n");
}

/**
 * The sections of a DOCX: a heading paragraph opens one, the paragraphs after it are its text; text
 * before the first heading is a section without a heading. Empty sections are dropped.
 */
export async function readDocxSections(bytes: Uint8Array): Promise<MocReportSection[]> {
  const sections: MocReportSection[] = [];
  let current: { title: string; lines: string[] } = { title: "", lines: [] };
  const close = () => {
    const text = current.lines.join("\n").trim();
    if (text !== "" || current.title !== "") sections.push({ title: current.title, text });
  };
  for (const paragraph of await readDocxParagraphs(bytes)) {
    if (paragraph.isHeading && paragraph.text.trim() !== "") {
      close();
      current = { title: paragraph.text.trim(), lines: [] };
    } else current.lines.push(paragraph.text);
  }
  close();
  return sections;
}
