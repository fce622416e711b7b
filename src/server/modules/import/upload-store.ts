import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { UploadConfig } from "../../platform/config";
import { AppError } from "../../platform/errors";
import { formatBytes } from "./parse/import-file-error";

/** An uploaded file waiting for its import: whose it is, in which region, its name and size, when it expires. */
export type StoredUpload = {
  id: string;
  userId: number;
  regionId: number;
  fileName: string;
  bytes: number;
  expiresAt: number;
  /** Where its content lies. */
  path: string;
};

const metaSchema = z.object({
  id: z.string(),
  userId: z.number().int(),
  regionId: z.number().int(),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  expiresAt: z.number(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Thrown by the byte counter when the user's uploads would outgrow their quota. */
class OverQuota extends Error {}

function byteCounter(limit: number): { counter: Transform; bytes: () => number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limit) done(new OverQuota());
      else done(null, chunk);
    },
  });
  return { counter, bytes: () => bytes };
}

/**
 * The uploads of an installation, as files under `<data dir>/uploads/<user id>/`: `<id>.data`
 * holds the content and `<id>.json` what the import needs (owner, region, file name, size, expiry),
 * so that they outlive a restart and are cleaned after it. A user holds at most `maxFiles` uploads
 * of `maxBytes` in all (checked while the file streams in, in order per user); each expires after
 * `ttlMs`. sweep() removes what expired and what a crash left half-written.
 */
export function createUploadStore(config: UploadConfig) {
  const userDir = (userId: number) => path.join(config.dir, String(userId));
  const files = (userId: number, id: string) => ({
    data: path.join(userDir(userId), `${id}.data`),
    meta: path.join(userDir(userId), `${id}.json`),
  });
  // Saves of one user run one after another, so that two uploads at once cannot both pass the quota.
  const queues = new Map<number, Promise<unknown>>();

  async function readMeta(file: string): Promise<z.infer<typeof metaSchema> | undefined> {
    const parsed = metaSchema.safeParse(JSON.parse(await readFile(file, "utf8").catch(() => "null")));
    return parsed.success ? parsed.data : undefined;
  }

  async function listOf(userId: number): Promise<StoredUpload[]> {
    const names = await readdir(userDir(userId)).catch(() => []);
    const metas = await Promise.all(
      names
        .filter((name) => name.endsWith(".json"))
        .map((name) => readMeta(path.join(userDir(userId), name))),
    );
    const now = Date.now();
    return metas.flatMap((meta) =>
      meta && meta.expiresAt > now ? [{ ...meta, path: files(userId, meta.id).data }] : [],
    );
  }

  async function remove(userId: number, id: string): Promise<void> {
    if (!UUID.test(id)) return;
    const { data, meta } = files(userId, id);
    await rm(meta, { force: true });
    await rm(data, { force: true });
  }

  async function store(opts: {
    userId: number;
    regionId: number;
    fileName: string;
    stream: Readable;
  }): Promise<StoredUpload> {
    const held = await listOf(opts.userId);
    if (held.length >= config.maxFiles) {
      opts.stream.resume();
      throw new AppError(
        "conflict",
        `У вас уже ${held.length} загруженных файлов, ожидающих загрузки данных (больше нельзя). Загрузите данные из них или подождите: файл удаляется после загрузки или через ${Math.round(config.ttlMs / 3600_000)} ч.`,
      );
    }
    const heldBytes = held.reduce((sum, upload) => sum + upload.bytes, 0);
    const id = randomUUID();
    const { data, meta } = files(opts.userId, id);
    await mkdir(userDir(opts.userId), { recursive: true });
    const partial = `${data}.part`;
    const count = byteCounter(config.maxBytes - heldBytes);
    try {
      await pipeline(opts.stream, count.counter, createWriteStream(partial));
    } catch (error) {
      await rm(partial, { force: true });
      if (!(error instanceof OverQuota)) throw error;
      opts.stream.resume();
      throw new AppError(
        "payload_too_large",
        `Загруженные файлы заняли бы больше ${formatBytes(config.maxBytes)} — это предел для одного пользователя. Загрузите данные из уже загруженных файлов или подождите, пока они устареют.`,
      );
    }
    const upload = {
      id,
      userId: opts.userId,
      regionId: opts.regionId,
      fileName: opts.fileName,
      bytes: count.bytes(),
      expiresAt: Date.now() + config.ttlMs,
    };
    // The description first: a sweep meanwhile keeps an upload that has one and has not expired.
    await writeFile(meta, JSON.stringify(upload));
    await rename(partial, data);
    return { ...upload, path: data };
  }

  return {
    /** Stores an uploaded file for the user within the quota; throws a Russian AppError when it is exceeded. */
    async save(opts: { userId: number; regionId: number; fileName: string; stream: Readable }) {
      const before = queues.get(opts.userId) ?? Promise.resolve();
      const saved = before.catch(() => {}).then(() => store(opts));
      queues.set(opts.userId, saved);
      try {
        return await saved;
      } finally {
        if (queues.get(opts.userId) === saved) queues.delete(opts.userId);
      }
    },
    /** The user's upload by id; undefined when there is none (or it expired: it is removed then). */
    async find(userId: number, id: string): Promise<StoredUpload | undefined> {
      if (!UUID.test(id)) return undefined;
      const meta = await readMeta(files(userId, id).meta);
      if (!meta) return undefined;
      if (meta.expiresAt <= Date.now()) {
        await remove(userId, id);
        return undefined;
      }
      return { ...meta, path: files(userId, id).data };
    },
    /** Removes an upload (once it is imported). */
    remove,
    /**
     * Removes expired uploads and what a crash left behind (content without its description, a
     * half-written file, a description without content); returns how many files went.
     */
    async sweep(now = Date.now()): Promise<number> {
      let removed = 0;
      const users = await readdir(config.dir).catch(() => []);
      for (const user of users) {
        const dir = path.join(config.dir, user);
        const names = await readdir(dir).catch(() => []);
        const metas = new Map<string, number>();
        for (const name of names.filter((n) => n.endsWith(".json"))) {
          const meta = await readMeta(path.join(dir, name));
          if (meta) metas.set(name.slice(0, -5), meta.expiresAt);
        }
        for (const name of names) {
          const id = name.replace(/\.(data|json|data\.part)$/, "");
          const expiresAt = metas.get(id);
          const isPart = name.endsWith(".part");
          const isStale = isPart ? await isOlderThan(path.join(dir, name), now - config.ttlMs) : false;
          if ((isPart && !isStale) || (expiresAt !== undefined && expiresAt > now)) continue;
          await rm(path.join(dir, name), { force: true, recursive: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

async function isOlderThan(file: string, time: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  return info === undefined || info.mtimeMs < time;
}

/** The upload store of an installation (see createUploadStore). */
export type UploadStore = ReturnType<typeof createUploadStore>;
