import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { actorRegionId } from "../indicators/indicator.service";
import { type ImportKind, queueImportJob, runImportJob } from "./import-run.service";
import { loadIndicatorCatalogue } from "./indicator-rules";
import { proposeSchoolMapping, proposeValueMapping } from "./mapping-resolve";
import { formatBytes, ImportFileError } from "./parse/import-file-error";
import { openTable } from "./parse/open-table";
import { DEFAULT_IMPORT_LIMITS } from "./parse/table.types";

/** An uploaded file waiting to be imported, kept for an hour for its dry run and its run. */
type Upload = {
  id: string;
  path: string;
  fileName: string;
  userId: number;
  regionId: number;
  expiresAt: number;
};

const UPLOAD_TTL_MS = 60 * 60 * 1000;
const uploads = new Map<string, Upload>();
const UPLOAD_DIR = path.join(tmpdir(), "opora-uploads");

async function dropExpired(): Promise<void> {
  const now = Date.now();
  for (const upload of uploads.values()) {
    if (upload.expiresAt > now) continue;
    uploads.delete(upload.id);
    await rm(upload.path, { force: true });
  }
}

/** What the mapping step needs: the sheet, the columns, the first rows, and the proposed mapping. */
export type UploadInspection = {
  uploadId: string;
  fileName: string;
  format: string;
  sheet: string | null;
  header: string[];
  sampleRows: string[][];
  mapping: unknown;
  remembered: boolean;
  unmappedColumns: string[];
  indicators: { code: string; name: string }[];
};

/**
 * Stores an uploaded file and reads its header: the detected format and sheet, the columns, five
 * rows, and the mapping remembered for this header layout in the region (or else a guess).
 */
export async function uploadImportFile({
  db,
  actor,
  kind,
  fileName,
  stream,
  isTruncated,
}: {
  db: Db;
  actor: Actor;
  kind: ImportKind;
  fileName: string;
  stream: Readable;
  isTruncated: () => boolean;
}): Promise<UploadInspection> {
  requirePermission(actor, "data.import");
  const regionId = actorRegionId(actor);
  await dropExpired();
  await mkdir(UPLOAD_DIR, { recursive: true });
  const id = randomUUID();
  const file = path.join(UPLOAD_DIR, `${id}${path.extname(fileName).slice(0, 8)}`);
  await pipeline(stream, createWriteStream(file));
  if (isTruncated()) {
    await rm(file, { force: true });
    throw new ImportFileError(
      "file_too_large",
      `Файл слишком большой: допустимо до ${formatBytes(DEFAULT_IMPORT_LIMITS.maxFileBytes)}.`,
    );
  }
  try {
    const table = await openTable({ path: file, fileName });
    const sampleRows: string[][] = [];
    for await (const row of table) {
      sampleRows.push(row.cells);
      if (sampleRows.length >= 5) break;
    }
    await table.close();
    const known = (await loadIndicatorCatalogue(db, regionId)).known;
    const proposal =
      kind === "values"
        ? await proposeValueMapping(db, { regionId, header: table.header, known })
        : { ...(await proposeSchoolMapping(db, { regionId, header: table.header })), unmappedColumns: [] };
    uploads.set(id, {
      id,
      path: file,
      fileName,
      userId: actor.userId,
      regionId,
      expiresAt: Date.now() + UPLOAD_TTL_MS,
    });
    return {
      uploadId: id,
      fileName,
      format: table.format.format,
      sheet: table.format.sheet ?? null,
      header: table.header,
      sampleRows,
      mapping: kind === "values" ? proposal.mapping : { columns: proposal.mapping },
      remembered: proposal.remembered,
      unmappedColumns: proposal.unmappedColumns,
      indicators: known,
    };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

/** Starts an import of an uploaded file as a job and returns at once with the job id. */
export async function startUploadedImport({
  db,
  actor,
  input,
  onFailure,
}: {
  db: Db;
  actor: Actor;
  input: { uploadId: string; kind: ImportKind; mapping?: unknown; year?: number; dryRun: boolean };
  onFailure: (error: unknown) => void;
}): Promise<{ jobId: number }> {
  requirePermission(actor, "data.import");
  const upload = uploads.get(input.uploadId);
  if (!upload || upload.userId !== actor.userId || upload.regionId !== actor.regionId) {
    throw notFound("Загруженный файл");
  }
  if (upload.expiresAt < Date.now()) throw new AppError("not_found", "Файл устарел: загрузите его снова");
  const request = {
    db,
    actor,
    regionId: upload.regionId,
    kind: input.kind,
    file: { path: upload.path, fileName: upload.fileName },
    mapping: input.mapping,
    year: input.year,
    dryRun: input.dryRun,
  };
  const jobId = await queueImportJob(db, { ...request, fileName: upload.fileName });
  void runImportJob(request, jobId).catch(onFailure);
  return { jobId };
}
