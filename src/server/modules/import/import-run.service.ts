import type { Db } from "../../platform/db";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { createQueuedJob, runJob } from "../jobs/job.service";
import { importSupportLog } from "../support/support-log-import.service";
import type { ImportSummary } from "./import-summary";
import { loadIndicatorCatalogue } from "./indicator-rules";
import { proposeSchoolMapping, proposeValueMapping } from "./mapping-resolve";
import { importSchools } from "./school-import.service";
import type { StageListener } from "./stage-clock";
import { type ImportFile, importValues } from "./value-import.service";

/** What is imported: indicator values, the school registry, or entries of the МОЦ log. */
export type ImportKind = "values" | "schools" | "support_log";

/** A request to run an import (from the CLI or the web). */
export type ImportRequest = {
  db: Db;
  actor: Actor;
  regionId: number;
  kind: ImportKind;
  file: ImportFile;
  /** A mapping (values: ColumnMapping, schools: SchoolMapping); remembered or guessed when absent. */
  mapping?: unknown;
  year?: number;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Called with the duration of each stage of a values import (the benchmark prints them). */
  onStage?: StageListener;
};

const TITLES: Record<ImportKind, string> = {
  values: "Загрузка значений показателей",
  schools: "Загрузка реестра школ",
  support_log: "Загрузка журнала МОЦ",
};

/** Creates the job row of an import (state «created»), to be run by runImportJob. */
export async function queueImportJob(
  db: Db,
  opts: { actor: Actor; regionId: number; kind: ImportKind; fileName: string; dryRun: boolean },
): Promise<number> {
  requirePermission(opts.actor, "data.import");
  const dry = opts.dryRun ? " (проверка)" : "";
  return createQueuedJob(db, {
    actor: opts.actor,
    regionId: opts.regionId,
    kind: `import.${opts.kind}`,
    title: `${TITLES[opts.kind]}: ${opts.fileName}${dry}`,
    payload: { fileName: opts.fileName, dryRun: opts.dryRun },
  });
}

/** Runs a queued import job to the end (holding the job's lock); the job row holds the progress and the summary. */
export async function runImportJob(request: ImportRequest, jobId: number): Promise<ImportSummary> {
  const { db, regionId } = request;
  return runJob(db, jobId, (job) => {
    if (request.kind === "support_log") return importSupportLog({ ...request, job });
    if (request.kind === "schools") {
      return importSchools({
        ...request,
        job,
        resolveMapping: async (header) => {
          const proposal = await proposeSchoolMapping(db, { regionId, header });
          return { mapping: { columns: proposal.mapping }, source: proposal.source };
        },
      });
    }
    return importValues({
      ...request,
      job,
      resolveMapping: async (header) => {
        const known = (await loadIndicatorCatalogue(db, regionId)).known;
        const { mapping, source } = await proposeValueMapping(db, { regionId, header, known });
        return { mapping, source };
      },
    });
  });
}

/** Queues and runs an import in one go (the command line). */
export async function runImport(request: ImportRequest): Promise<ImportSummary> {
  const jobId = await queueImportJob(request.db, {
    actor: request.actor,
    regionId: request.regionId,
    kind: request.kind,
    fileName: request.file.fileName,
    dryRun: request.dryRun,
  });
  return runImportJob(request, jobId);
}
