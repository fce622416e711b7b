import type { FileHandle } from "node:fs/promises";
import { ImportFileError } from "./import-file-error";

/** One entry of a zip's central directory, as declared there (a crafted file may lie). */
export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ENTRY_SIGNATURE = 0x02014b50;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** The error for a file that is not a readable zip, with the detail for the log. */
export function brokenXlsx(detail: string): ImportFileError {
  return new ImportFileError(
    "xlsx_malformed",
    `Файл XLSX повреждён или обрезан (${detail}). Откройте его в Excel, сохраните заново и загрузите ещё раз.`,
  );
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead < length) throw brokenXlsx("файл короче, чем указано в его оглавлении");
  return buffer;
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw brokenXlsx("неверные размеры в оглавлении zip");
  return Number(value);
}

type Directory = { offset: number; size: number; entries: number };

function findEndOfDirectory(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw brokenXlsx("не найдено оглавление zip-архива");
}

async function readZip64Directory(file: FileHandle, eocdPosition: number): Promise<Directory> {
  if (eocdPosition < 20) throw brokenXlsx("неверное оглавление ZIP64");
  const locator = await readAt(file, eocdPosition - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw brokenXlsx("неверное оглавление ZIP64");
  const record = await readAt(file, toSafeNumber(locator.readBigUInt64LE(8)), 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw brokenXlsx("неверное оглавление ZIP64");
  return {
    entries: toSafeNumber(record.readBigUInt64LE(32)),
    size: toSafeNumber(record.readBigUInt64LE(40)),
    offset: toSafeNumber(record.readBigUInt64LE(48)),
  };
}

async function locateDirectory(file: FileHandle, fileSize: number): Promise<Directory> {
  if (fileSize < 22) throw brokenXlsx("файл слишком короткий для zip-архива");
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(file, fileSize - tailLength, tailLength);
  const at = findEndOfDirectory(tail);
  const entries = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    return readZip64Directory(file, fileSize - tailLength + at);
  }
  return { entries, size, offset };
}

/** Applies the ZIP64 extra field (id 1), which holds the sizes and offset that overflow 32 bits. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        const value = toSafeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function parseEntries(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== ENTRY_SIGNATURE) {
      throw brokenXlsx("повреждено оглавление zip-архива");
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    const extraStart = at + 46 + nameLength;
    applyZip64Extra(entry, directory.subarray(extraStart, extraStart + extraLength));
    entries.push(entry);
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** The entries of a zip and where its central directory starts (the end of the entries' data). */
export type ZipDirectory = { entries: ZipEntry[]; directoryOffset: number };

/**
 * Reads the central directory of a zip (an XLSX) without inflating anything: names, declared
 * sizes and offsets of all entries. Understands ZIP64. Throws ImportFileError for a file that is
 * not a zip or is truncated.
 */
export async function readZipDirectory(file: FileHandle, fileSize: number): Promise<ZipDirectory> {
  const { offset, size, entries } = await locateDirectory(file, fileSize);
  if (offset + size > fileSize) throw brokenXlsx("оглавление zip-архива выходит за конец файла");
  if (size > MAX_DIRECTORY_BYTES || entries > MAX_ENTRIES) {
    throw brokenXlsx(`в архиве слишком много файлов: ${entries}`);
  }
  return { entries: parseEntries(await readAt(file, offset, size), entries), directoryOffset: offset };
}

/** Where an entry's compressed bytes start: after its local header, whose name must match the directory. */
export async function entryDataStart(file: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== 0x04034b50) throw brokenXlsx(`нет заголовка файла ${entry.name}`);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const name = (await readAt(file, entry.localHeaderOffset + 30, nameLength)).toString("utf8");
  if (name !== entry.name) throw brokenXlsx(`заголовок файла ${entry.name} не совпадает с оглавлением`);
  return entry.localHeaderOffset + 30 + nameLength + extraLength;
}
