import { effectiveAudience } from "../../../core/support";
import type { MappingSource } from "../../../shared/import-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import {
  createIssueCollector,
  type ImportSummary,
  issuesOfError,
  isUserError,
  NO_DATA_ROWS,
  refusedSummary,
  refuseRows,
  type SummaryBase,
} from "../import/import-summary";
import { ignoredColumns } from "../import/parse/ignored-columns";
import { formatRuNumber, ImportFileError } from "../import/parse/import-file-error";
import { openTable } from "../import/parse/open-table";
import { findRegionSchools } from "../import/school-import.repo";
import type { JobHandle } from "../jobs/job.service";
import { findRegionStaff, insertLogEntries } from "./support-log.repo";
import {
  guessSupportLogMapping,
  parseSupportLogMapping,
  resolveSupportLogColumns,
} from "./support-log-mapping";
import { readSupportLogRow, type SupportLogRecord } from "./support-log-rows";

/** The most entries one log file may hold. */
export const MAX_LOG_ROWS = 50_000;

/** Input of importSupportLog: the import machinery's request for the kind `support_log`. */
export type SupportLogImportInput = {
  db: Db;
  actor: Actor;
  regionId: number;
  job: JobHandle;
  file: { path: string; fileName: string };
  mapping?: unknown;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
};

/** The mapping to offer for a МОЦ log file: a guess by the usual column names. */
export function proposeSupportLogMapping(header: readonly string[]): {
  mapping: { columns: Record<string, string> };
  source: MappingSource;
} {
  return { mapping: { columns: guessSupportLogMapping(header) }, source: { kind: "guessed" } };
}

/**
 * Imports entries of the МОЦ log from XLSX or CSV (import kind `support_log`, `support.log` and
 * `data.import`): each row a consultation, interview or visit at a school of the actor's scope, read
 * by the same rules as the form (readSupportLogRow). All or nothing: any bad row — named by row and
 * column, in Russian — and nothing is written; a dry run checks and writes nothing; one transaction
 * and one audit entry.
 */
export async function importSupportLog(input: SupportLogImportInput): Promise<ImportSummary> {
  const { db, actor, regionId, job, dryRun } = input;
  requirePermission(actor, "support.log");
  const base: SummaryBase = { jobId: job.id, dryRun };
  let rows = 0;
  try {
    const table = await openTable(input.file);
    try {
      const proposal = input.mapping ?? proposeSupportLogMapping(table.header).mapping;
      const parsed = parseSupportLogMapping(proposal);
      if (!parsed.ok)
        throw new AppError("invalid_input", "Сопоставление столбцов журнала неполно", parsed.issues);
      const { mapping } = parsed;
      Object.assign(base, {
        mapping,
        mappingSource: input.mapping === undefined ? { kind: "guessed" } : { kind: "given" },
        ignoredColumns: ignoredColumns(table.header, Object.values(mapping.columns)),
      });
      const columns = resolveSupportLogColumns(mapping, table.header);
      if (!columns.ok)
        throw new AppError("invalid_input", "Сопоставление не подходит к файлу", columns.issues);
      const schools = await findRegionSchools(db, regionId, schoolScope(actor));
      const context = {
        schools: new Map(schools.filter((s) => s.isInScope).map((s) => [s.code.toLowerCase(), s])),
        staff: await findRegionStaff(db, regionId),
      };
      const issues = createIssueCollector();
      const records: SupportLogRecord[] = [];
      for await (const row of table) {
        rows++;
        if (rows > MAX_LOG_ROWS) {
          throw new ImportFileError(
            "too_many_rows",
            `В журнале больше ${formatRuNumber(MAX_LOG_ROWS)} строк — разделите файл на части.`,
          );
        }
        const read = readSupportLogRow(row, { index: columns.index, mapping }, context);
        if (Array.isArray(read)) for (const issue of read) issues.add(issue);
        else records.push(read);
      }
      input.onProgress?.(rows, rows);
      if (rows === 0) issues.add({ message: NO_DATA_ROWS });
      if (issues.count() > 0) return refuseRows(job, base, issues, { rows, total: rows });
      const summary: ImportSummary = {
        ...base,
        rows,
        created: records.length,
        updated: 0,
        unchanged: 0,
        errors: [],
        errorCount: 0,
      };
      if (!dryRun) await writeRecords(input, records, summary);
      await job.succeed(summary, rows, rows);
      return summary;
    } finally {
      await table.close();
    }
  } catch (error) {
    if (!isUserError(error)) {
      await job.fail(error instanceof Error ? error.message : String(error), null, rows, rows);
      throw error;
    }
    const summary = refusedSummary({ ...base, rows }, issuesOfError(error));
    await job.fail(error.message, summary, rows, rows);
    return summary;
  }
}

async function writeRecords(
  input: SupportLogImportInput,
  records: SupportLogRecord[],
  summary: ImportSummary,
) {
  const { db, actor, regionId, job } = input;
  await db.transaction(async (tx) => {
    await insertLogEntries(
      tx,
      records.map(({ entry, municipalityId }) => ({
        ...entry,
        audience: effectiveAudience(entry),
        regionId,
        municipalityId,
        createdBy: actor.userId || null,
      })),
    );
    await recordAudit(tx, {
      actor,
      action: "import",
      entity: "support_log",
      entityId: job.id,
      regionId,
      after: { file: input.file.fileName, rows: summary.rows, created: summary.created },
    });
  });
}
