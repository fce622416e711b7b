import type { Readable } from "node:stream";
import type { Inspection } from "../../../shared/import-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { actorRegionId } from "../indicators/indicator.service";
import { proposeSupportLogMapping } from "../support/support-log-import.service";
import { type ImportKind, queueImportJob, runImportJob } from "./import-run.service";
import type { ImportSummary } from "./import-summary";
import { loadIndicatorCatalogue } from "./indicator-rules";
import { proposeSchoolMapping, proposeValueMapping } from "./mapping-resolve";
import { ignoredColumns, valueMappingColumns } from "./parse/ignored-columns";
import { formatBytes, ImportFileError } from "./parse/import-file-error";
import { openTable } from "./parse/open-table";
import { DEFAULT_IMPORT_LIMITS } from "./parse/table.types";
import { checkUploadFileName } from "./upload-file-name";
import type { StoredUpload, UploadStore } from "./upload-store";

/** What the mapping step needs: the sheet, the columns, the first rows, and the proposed mapping. */
export type UploadInspection = Inspection;

async function inspect(
  db: Db,
  opts: { kind: ImportKind; regionId: number; upload: StoredUpload },
): Promise<UploadInspection> {
  const { upload, regionId } = opts;
  const table = await openTable({ path: upload.path, fileName: upload.fileName });
  const sampleRows: string[][] = [];
  try {
    for await (const row of table) {
      sampleRows.push(row.cells);
      if (sampleRows.length >= 5) break;
    }
  } finally {
    await table.close();
  }
  const known = (await loadIndicatorCatalogue(db, regionId)).known;
  const header = table.header;
  if (opts.kind === "support_log") {
    const proposal = proposeSupportLogMapping(header);
    return {
      uploadId: upload.id,
      fileName: upload.fileName,
      format: table.format.format,
      sheet: table.format.sheet ?? null,
      header,
      sampleRows,
      mapping: proposal.mapping,
      remembered: false,
      mappingSource: proposal.source,
      unmappedColumns: ignoredColumns(header, Object.values(proposal.mapping.columns)),
      indicators: known,
    };
  }
  const values = opts.kind === "values" ? await proposeValueMapping(db, { regionId, header, known }) : null;
  const schools = values ? null : await proposeSchoolMapping(db, { regionId, header });
  const source = values?.source ?? schools?.source ?? { kind: "guessed" };
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    format: table.format.format,
    sheet: table.format.sheet ?? null,
    header,
    sampleRows,
    mapping: values ? values.mapping : { columns: schools?.mapping ?? {} },
    remembered: source.kind === "remembered",
    mappingSource: source,
    unmappedColumns: values
      ? ignoredColumns(header, valueMappingColumns(values.mapping))
      : ignoredColumns(header, Object.values(schools?.mapping ?? {})),
    indicators: known,
  };
}

/**
 * Stores an uploaded file (under the data directory, within the user's quota; the previous upload
 * it replaces, if named, is removed first) and reads its header: the detected format and sheet,
 * the columns, five rows, and the mapping remembered for this header layout in the region (with
 * who remembered it and when) or else a guess, with the columns it leaves out.
 */
export async function uploadImportFile({
  db,
  actor,
  store,
  kind,
  fileName,
  stream,
  isTruncated,
  replaces,
}: {
  db: Db;
  actor: Actor;
  store: UploadStore;
  kind: ImportKind;
  fileName: string;
  stream: Readable;
  isTruncated: () => boolean;
  replaces?: string;
}): Promise<UploadInspection> {
  requirePermission(actor, "data.import");
  if (kind === "support_log") requirePermission(actor, "support.log");
  const regionId = actorRegionId(actor);
  try {
    checkUploadFileName(fileName);
  } catch (error) {
    stream.resume();
    throw error;
  }
  if (replaces !== undefined) await store.remove(actor.userId, replaces);
  const upload = await store.save({ userId: actor.userId, regionId, fileName, stream });
  try {
    if (isTruncated()) {
      throw new ImportFileError(
        "file_too_large",
        `Файл слишком большой: допустимо до ${formatBytes(DEFAULT_IMPORT_LIMITS.maxFileBytes)}.`,
      );
    }
    return await inspect(db, { kind, regionId, upload });
  } catch (error) {
    await store.remove(actor.userId, upload.id);
    throw error;
  }
}

/**
 * Starts an import of an uploaded file as a job and returns at once with the job id. A real
 * import that succeeds removes the upload (a dry run, or a refused import, leaves it for another try).
 */
export async function startUploadedImport({
  db,
  actor,
  store,
  input,
  onFailure,
}: {
  db: Db;
  actor: Actor;
  store: UploadStore;
  input: { uploadId: string; kind: ImportKind; mapping?: unknown; year?: number; dryRun: boolean };
  onFailure: (error: unknown) => void;
}): Promise<{ jobId: number }> {
  requirePermission(actor, "data.import");
  const upload = await store.find(actor.userId, input.uploadId);
  if (!upload || upload.regionId !== actor.regionId) {
    throw new AppError("not_found", "Загруженный файл не найден или устарел: загрузите его снова");
  }
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
  const removeWhenUsed = async (summary: ImportSummary) => {
    if (!summary.dryRun && summary.errorCount === 0) await store.remove(actor.userId, upload.id);
  };
  void runImportJob(request, jobId).then(removeWhenUsed).catch(onFailure);
  return { jobId };
}
