import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";

/** A temporary folder for the fixtures of one test file; remove() deletes it. */
export type FixtureDir = {
  file: (name: string, content: Buffer | string) => Promise<string>;
  remove: () => Promise<void>;
};

/** Creates a fresh folder under os.tmpdir() for generated fixture files. */
export async function createFixtureDir(): Promise<FixtureDir> {
  const dir = await mkdtemp(join(tmpdir(), "opora-import-"));
  return {
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** One entry of a hand-made zip; `declaredSize` lets a test lie about the uncompressed size. */
export type ZipFixtureEntry = { name: string; data: Buffer | string; declaredSize?: number; store?: boolean };

function localHeader(name: Buffer, crc: number, compressed: number, size: number, method: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function directoryHeader(local: Buffer, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  local.copy(header, 6, 4, 30);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, local.subarray(30)]);
}

/** Builds a zip by hand (deflate from node:zlib), so tests can make broken or crafted archives. */
export function buildZip(entries: ZipFixtureEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, "utf8");
    const local = localHeader(
      name,
      crc32(data),
      body.length,
      entry.declaredSize ?? data.length,
      entry.store ? 0 : 8,
    );
    directory.push(directoryHeader(local, offset));
    parts.push(local, body);
    offset += local.length + body.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Sheet XML with inline strings; `padding` inserts that many spaces (a compressible bomb). */
export function sheetXml(rows: string[][], padding = 0): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells.map(
        (text, c) =>
          `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`,
      );
      return `<row r="${r + 1}">${xml.join("")}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>${body}</sheetData>${" ".repeat(padding)}</worksheet>`;
}

/**
 * The entries of a minimal XLSX whose sheets are listed in workbook.xml in the given order,
 * each stored as xl/worksheets/sheet<file>.xml.
 */
export function minimalXlsxEntries(sheets: { name: string; file: number; xml: string }[]): ZipFixtureEntry[] {
  const sheetTags = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${s.file}"/>`);
  const rels = sheets.map(
    (s) =>
      `<Relationship Id="rId${s.file}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s.file}.xml"/>`,
  );
  const relsNs = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  return [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships ${relsNs}><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0"?><workbook ${SHEET_NS} ${REL_NS}><sheets>${sheetTags.join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships ${relsNs}>${rels.join("")}</Relationships>`,
    },
    ...sheets.map((s) => ({ name: `xl/worksheets/sheet${s.file}.xml`, data: s.xml })),
  ];
}
