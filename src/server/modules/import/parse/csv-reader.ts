import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { pipeline, Transform } from "node:stream";
import { CsvError, parse } from "csv-parse";
import iconv from "iconv-lite";
import { ImportFileError } from "./import-file-error";
import type { CsvDelimiter, CsvEncoding, RawRow } from "./table.types";

/** A record longer than this (in characters) is almost surely an unclosed quote; stop before it eats memory. */
const MAX_RECORD_CHARS = 1_000_000;

/** Length of the prefix of `data` that ends on a whole UTF-8 character. */
function completeUtf8Length(data: Buffer): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 4); i--) {
    const byte = data[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + size > data.length ? i : data.length;
  }
  return data.length;
}

function mixedEncodingError(offset: number): ImportFileError {
  return new ImportFileError(
    "unexpected_encoding",
    `Файл начинается в кодировке UTF-8, но около байта ${offset} встречаются символы в другой кодировке. ` +
      "Сохраните всю таблицу в одной кодировке (лучше «CSV UTF-8»).",
  );
}

/** Passes UTF-8 bytes through unchanged and fails on the first invalid sequence anywhere in the file. */
function utf8Validator(): Transform {
  let carry = Buffer.alloc(0);
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const complete = data.subarray(0, completeUtf8Length(data));
      carry = Buffer.from(data.subarray(complete.length));
      if (!isUtf8(complete)) return done(mixedEncodingError(offset));
      offset += complete.length;
      done(null, complete);
    },
    flush(done) {
      done(carry.length > 0 ? mixedEncodingError(offset) : null);
    },
  });
}

/** Windows-1251 is one byte a character, so chunks decode independently. */
function cp1251Decoder(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(iconv.decode(chunk, "win1251"), "utf8"));
    },
  });
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "кавычка открыта и не закрыта до конца файла";
    case "CSV_MAX_RECORD_SIZE":
      return `строка длиннее ${MAX_RECORD_CHARS} символов — вероятно, не закрыта кавычка`;
    default:
      return "неверно расставлены кавычки";
  }
}

function toImportError(error: unknown, rowNumber: number): unknown {
  if (!(error instanceof CsvError)) return error;
  return new ImportFileError(
    "csv_malformed",
    `Не удалось прочитать CSV: строка ${rowNumber} — ${csvErrorMessage(error)}.`,
    [{ row: rowNumber, message: csvErrorMessage(error) }],
  );
}

/** The record's cells as trimmed strings. */
function trimmedCells(record: unknown[]): string[] {
  return record.map((cell) => (typeof cell === "string" ? cell.trim() : String(cell).trim()));
}

/** What readCsvRows needs to know, as detected by the sniffer. */
export type CsvReadOptions = { path: string; encoding: CsvEncoding; delimiter: CsvDelimiter };

/**
 * Streams the records of a CSV file, one per Excel row: every record (an empty line too) advances
 * the row number, so numbers match what the user sees when the file is opened in Excel.
 * Memory stays flat: bytes flow through a decoder into csv-parse's stream parser.
 */
export async function* readCsvRows({ path, encoding, delimiter }: CsvReadOptions): AsyncGenerator<RawRow> {
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  const decoder = encoding === "windows-1251" ? cp1251Decoder() : utf8Validator();
  const parser = parse({
    delimiter,
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // Errors of any stage destroy the parser, so they surface in the loop below.
  pipeline(source, decoder, parser, () => {});
  let rowNumber = 0;
  try {
    for await (const record of parser) {
      rowNumber++;
      yield { rowNumber, cells: Array.isArray(record) ? trimmedCells(record) : [] };
    }
  } catch (error) {
    throw toImportError(error, rowNumber + 1);
  } finally {
    parser.destroy();
    source.destroy();
  }
}
