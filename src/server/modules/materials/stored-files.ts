import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../platform/errors";
import { formatBytes } from "../import/parse/import-file-error";
import { checkUploadFileName } from "../import/upload-file-name";

/** The largest document or material file, in bytes. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** What the files of one region (materials and agreement documents together) may take, in bytes. */
export const REGION_DOCUMENT_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

/** A file kept for good: its key in the store, the name it was uploaded with, its size. */
export type StoredDocument = { key: string; fileName: string; bytes: number };

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class TooLarge extends Error {}

function limiter(limit: number): { counter: Transform; bytes: () => number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) done(new TooLarge());
      else done(null, chunk);
    },
  });
  return { counter, bytes: () => bytes };
}

/**
 * The documents of the materials bank and of partnership agreements, as files under
 * `<data dir>/documents/<region id>/<uuid>`: unlike import uploads they stay until their row is
 * deleted or their file replaced. A file may be up to MAX_DOCUMENT_BYTES, and a region's files
 * together up to REGION_DOCUMENT_QUOTA_BYTES (the caller says how much the region already holds);
 * both are checked while the file streams in.
 */
export function createDocumentStore(dataDir: string) {
  const dir = (regionId: number) => path.join(dataDir, "documents", String(regionId));
  const fileOf = (regionId: number, key: string) => {
    if (!KEY.test(key)) throw new AppError("not_found", "Файл не найден");
    return path.join(dir(regionId), key);
  };
  return {
    /** Stores a file of a region; throws a Russian 400/413 on a bad name, a too large file or a full quota. */
    async save(opts: {
      regionId: number;
      fileName: string;
      stream: Readable;
      heldBytes: number;
    }): Promise<StoredDocument> {
      try {
        checkUploadFileName(opts.fileName);
      } catch (error) {
        opts.stream.resume();
        throw error;
      }
      const room = REGION_DOCUMENT_QUOTA_BYTES - opts.heldBytes;
      const limit = Math.min(MAX_DOCUMENT_BYTES, room);
      const key = randomUUID();
      await mkdir(dir(opts.regionId), { recursive: true });
      const target = fileOf(opts.regionId, key);
      const partial = `${target}.part`;
      const count = limiter(limit);
      try {
        await pipeline(opts.stream, count.counter, createWriteStream(partial));
      } catch (error) {
        await rm(partial, { force: true });
        if (!(error instanceof TooLarge)) throw error;
        opts.stream.resume();
        throw new AppError(
          "payload_too_large",
          limit === MAX_DOCUMENT_BYTES
            ? `Файл больше ${formatBytes(MAX_DOCUMENT_BYTES)}: загрузите файл поменьше или дайте ссылку на него.`
            : `Файлы региона заняли бы больше ${formatBytes(REGION_DOCUMENT_QUOTA_BYTES)}: удалите ненужные файлы или дайте ссылку.`,
        );
      }
      if (count.bytes() === 0) {
        await rm(partial, { force: true });
        throw new AppError("invalid_input", "Файл пустой", [{ path: "file", message: "Файл пустой" }]);
      }
      await rename(partial, target);
      return { key, fileName: opts.fileName, bytes: count.bytes() };
    },
    /** A stream of a stored file; 404 when it is gone. */
    async open(regionId: number, key: string): Promise<Readable> {
      const file = fileOf(regionId, key);
      const info = await stat(file).catch(() => undefined);
      if (!info) throw new AppError("not_found", "Файл не найден");
      return createReadStream(file);
    },
    /** Removes a stored file (nothing happens when it is gone). */
    async remove(regionId: number, key: string | null): Promise<void> {
      if (key === null || !KEY.test(key)) return;
      await rm(fileOf(regionId, key), { force: true });
    },
  };
}

/** The document store of an installation (see createDocumentStore). */
export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** `attachment; filename*=UTF-8''…`: a download of a file with a Russian name. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
