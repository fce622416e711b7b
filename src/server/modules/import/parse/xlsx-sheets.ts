import type { FileHandle } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { ImportFileError } from "./import-file-error";
import { brokenXlsx, entryDataStart, type ZipEntry } from "./zip-directory";

/** A worksheet of a workbook: its name and the zip entry that holds it (xl/worksheets/sheetN.xml). */
export type SheetRef = { name: string; path: string };

/** workbook.xml and its relations are small; anything bigger is not a real workbook. */
const MAX_META_BYTES = 8 * 1024 * 1024;

async function readEntryText(file: FileHandle, entries: ZipEntry[], name: string): Promise<string> {
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) throw brokenXlsx(`нет части ${name}`);
  if (entry.compressedSize > MAX_META_BYTES || entry.uncompressedSize > MAX_META_BYTES) {
    throw brokenXlsx(`часть ${name} слишком велика`);
  }
  const start = await entryDataStart(file, entry);
  const data = Buffer.alloc(entry.compressedSize);
  await file.read(data, 0, entry.compressedSize, start);
  try {
    const bytes = entry.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_META_BYTES }) : data;
    return bytes.toString("utf8");
  } catch {
    throw brokenXlsx(`не удаётся распаковать ${name}`);
  }
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return named[lower] ?? "";
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const [, key, , doubleQuoted, singleQuoted] = match;
    if (key) found.set(key, decodeXml(doubleQuoted ?? singleQuoted ?? ""));
  }
  return found;
}

/** The relationship id attribute of a <sheet>, whatever prefix the file binds to the namespace. */
function relationId(attrs: Map<string, string>): string | undefined {
  for (const [key, value] of attrs) if (/^[\w]+:id$/.test(key)) return value;
  return undefined;
}

function resolveTarget(target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  return path;
}

/**
 * The worksheets of an XLSX in the order the user sees their tabs, read from xl/workbook.xml and
 * its relations (chart sheets are left out).
 */
export async function listSheets(file: FileHandle, entries: ZipEntry[]): Promise<SheetRef[]> {
  const workbook = await readEntryText(file, entries, "xl/workbook.xml");
  const rels = await readEntryText(file, entries, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attrs = attributes(match[0]);
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sheets: SheetRef[] = [];
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const attrs = attributes(match[0]);
    const rel = relationId(attrs);
    const path = rel === undefined ? undefined : targets.get(rel);
    const name = attrs.get("name");
    if (name !== undefined && path?.startsWith("xl/worksheets/")) sheets.push({ name, path });
  }
  return sheets;
}

/** Picks the worksheet by name (case-insensitive), or the first one; throws naming the sheets there are. */
export function pickSheet(sheets: SheetRef[], wanted: string | undefined): SheetRef {
  const sheet =
    wanted === undefined
      ? sheets[0]
      : sheets.find((candidate) => candidate.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (sheet) return sheet;
  if (wanted === undefined)
    throw new ImportFileError("empty_file", "В книге Excel нет ни одного листа с данными.");
  const names = sheets.map((candidate) => `«${candidate.name}»`).join(", ");
  throw new ImportFileError("sheet_not_found", `В книге нет листа «${wanted}». Листы в книге: ${names}.`);
}
