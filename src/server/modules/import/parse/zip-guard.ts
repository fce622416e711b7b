import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { PassThrough, pipeline, type Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { formatBytes, ImportFileError } from "./import-file-error";
import type { ImportLimits } from "./table.types";
import { brokenXlsx, entryDataStart, type ZipDirectory, type ZipEntry } from "./zip-directory";

/** A local header is at least 30 bytes, so a smaller gap between entries cannot hide one. */
const MAX_GAP_BYTES = 29;

function zipBomb(detail: string): ImportFileError {
  return new ImportFileError(
    "zip_bomb",
    `Файл XLSX не принят: ${detail}. Если это настоящая таблица, разделите её на несколько файлов.`,
  );
}

/** Checks the sizes the directory declares: the total and the compression ratio of big entries. */
export function checkDeclaredSizes(entries: ZipEntry[], limits: ImportLimits): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw zipBomb(
      `после распаковки он занял бы ${formatBytes(total)}, допустимо ${formatBytes(limits.maxUncompressedBytes)}`,
    );
  }
  for (const entry of entries) {
    if (entry.uncompressedSize < limits.ratioCheckMinBytes) continue;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxCompressionRatio) {
      throw zipBomb(
        `часть «${entry.name}» сжата в ${Math.round(ratio)} раз (допустимо до ${limits.maxCompressionRatio}) — так выглядит «zip-бомба»`,
      );
    }
  }
}

/** Checks that the zip holds a workbook and nothing encrypted or compressed in an unknown way. */
export function checkXlsxEntries(entries: ZipEntry[]): void {
  if (!entries.some((entry) => entry.name === "xl/workbook.xml")) {
    throw new ImportFileError(
      "xlsx_no_workbook",
      "В файле нет книги Excel (xl/workbook.xml): это zip-архив, но не файл XLSX. Сохраните таблицу в Excel как «Книга Excel (*.xlsx)».",
    );
  }
  for (const entry of entries) {
    if ((entry.flags & 1) === 1) {
      throw new ImportFileError(
        "xlsx_encrypted",
        "Файл XLSX защищён паролем. Снимите защиту и загрузите его снова.",
      );
    }
    if (entry.method !== 0 && entry.method !== 8)
      throw brokenXlsx(`неизвестный способ сжатия у ${entry.name}`);
  }
}

async function inflatedSize(path: string, start: number, entry: ZipEntry, budget: number): Promise<number> {
  if (entry.compressedSize === 0) return 0;
  const input = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const output: Transform = entry.method === 8 ? createInflateRaw() : new PassThrough();
  pipeline(input, output, () => {});
  let total = 0;
  try {
    for await (const chunk of output) {
      total += Buffer.byteLength(chunk);
      if (total > budget) return total;
    }
    return total;
  } catch {
    throw brokenXlsx(`не удаётся распаковать ${entry.name}`);
  } finally {
    output.destroy();
    input.destroy();
  }
}

function checkGap(from: number, to: number, name: string): void {
  const gap = to - from;
  if (gap < 0 || gap > MAX_GAP_BYTES) throw brokenXlsx(`лишние данные в архиве рядом с ${name}`);
}

/**
 * Inflates every entry while counting bytes, and stops as soon as an entry grows past the size the
 * directory declares or the whole archive past the limit: a crafted zip cannot lie its way past
 * checkDeclaredSizes. Also checks that entries lie back to back, so the streaming unzip that
 * exceljs uses sees exactly the entries that were counted (no hidden local entries).
 */
export async function verifyInflatedSizes(
  zip: { file: FileHandle; path: string },
  directory: ZipDirectory,
  limits: ImportLimits,
): Promise<void> {
  const entries = [...directory.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let position = 0;
  let inflatedTotal = 0;
  for (const entry of entries) {
    checkGap(position, entry.localHeaderOffset, entry.name);
    const start = await entryDataStart(zip.file, entry);
    const budget = Math.min(entry.uncompressedSize, limits.maxUncompressedBytes - inflatedTotal);
    const size = await inflatedSize(zip.path, start, entry, budget);
    if (size > entry.uncompressedSize) {
      throw zipBomb(`часть «${entry.name}» распаковывается в больший объём, чем указано в архиве`);
    }
    if (size > budget)
      throw zipBomb(`после распаковки он занял бы больше ${formatBytes(limits.maxUncompressedBytes)}`);
    if (size < entry.uncompressedSize) throw brokenXlsx(`часть ${entry.name} обрезана`);
    inflatedTotal += size;
    position = start + entry.compressedSize;
  }
  checkGap(position, directory.directoryOffset, "оглавлением");
}
