import iconv from "iconv-lite";
import { ImportFileError } from "./import-file-error";
import type { CsvDelimiter, CsvEncoding } from "./table.types";

/** How many bytes of a CSV are looked at to detect its encoding, delimiter and decimal mark. */
export const SNIFF_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SAVE_AS_HINT = "Сохраните таблицу в Excel как «CSV UTF-8 (разделитель — запятая)» или как книгу XLSX.";

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

function utf16Error(): ImportFileError {
  return new ImportFileError(
    "unexpected_encoding",
    `Файл в кодировке UTF-16 (Юникод), а принимаются UTF-8 и Windows-1251. ${SAVE_AS_HINT}`,
  );
}

/** Throws when the bytes look like UTF-16/UTF-32 or like a binary file rather than text. */
function rejectNonText(head: Buffer): void {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) throw utf16Error();
  let zeros = 0;
  let zerosAtOdd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    zeros++;
    if (i % 2 === 1) zerosAtOdd++;
  }
  if (zeros === 0) return;
  // Latin or digit text in UTF-16 has a zero in every other byte, all at the same parity.
  const isUtf16 = zeros > head.length / 4 && (zerosAtOdd > zeros * 0.9 || zerosAtOdd < zeros * 0.1);
  if (isUtf16) throw utf16Error();
  throw new ImportFileError(
    "unsupported_format",
    `Файл не похож на таблицу CSV: в нём есть двоичные данные. ${SAVE_AS_HINT}`,
  );
}

/**
 * Detects the encoding of a CSV from its first bytes: a UTF-8 BOM, valid UTF-8, or else
 * Windows-1251 (what a Russian Excel writes for «CSV (разделители — запятые)»).
 * `isWholeFile` says the head is the entire file, so a cut multibyte character is not excused.
 */
export function detectEncoding(head: Buffer, isWholeFile: boolean): CsvEncoding {
  rejectNonText(head);
  if (startsWith(head, UTF8_BOM)) return "utf-8-bom";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !isWholeFile });
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}

/** Decodes the sniffed head for the delimiter and decimal-mark checks (a cut last character is dropped). */
export function decodeHead(head: Buffer, encoding: CsvEncoding): string {
  if (encoding === "windows-1251") return iconv.decode(head, "win1251");
  const text = new TextDecoder("utf-8").decode(head, { stream: true });
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

/** The first line of the text that is not blank (the header), without its line break. */
export function headerLine(text: string): string {
  return text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
}

/**
 * Picks the delimiter that occurs most often (outside quotes) in the header line; on a tie the
 * order of preference is `;`, tab, `,`. A single-column header gives `;`, which keeps decimal
 * commas of the data intact.
 */
export function detectDelimiter(line: string): CsvDelimiter {
  const candidates: CsvDelimiter[] = [";", "\t", ","];
  let best: CsvDelimiter = ";";
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = countOutsideQuotes(line, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

/**
 * Whether the sample writes fractions with a comma: compares cells like 0,31 with cells like 0.31
 * in the lines after the header. With `,` as the delimiter a decimal comma is impossible; with
 * no fractions seen the answer is true, the lenient mode that accepts both marks.
 */
export function detectDecimalComma(text: string, delimiter: CsvDelimiter): boolean {
  if (delimiter === ",") return false;
  let commas = 0;
  let points = 0;
  const lines = text.split(/\r\n|\n|\r/).slice(1, 500);
  for (const line of lines) {
    for (const raw of line.split(delimiter)) {
      const cell = raw.trim().replace(/^"|"$/g, "");
      if (COMMA_DECIMAL.test(cell)) commas++;
      else if (POINT_DECIMAL.test(cell)) points++;
    }
  }
  return commas >= points;
}
