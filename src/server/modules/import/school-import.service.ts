import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import type { JobHandle } from "../jobs/job.service";
import { rememberMapping } from "./import-mapping.repo";
import {
  createIssueCollector,
  type ImportSummary,
  issuesOfError,
  isUserError,
  recordImportAudit,
  refusedSummary,
  refuseRows,
} from "./import-summary";
import { layoutSignature } from "./parse/guess-mapping";
import { formatRuNumber, ImportFileError } from "./parse/import-file-error";
import { openTable } from "./parse/open-table";
import type { OpenedTable } from "./parse/table.types";
import {
  findRegionMunicipalities,
  findRegionSchools,
  insertRegistryMunicipalities,
  upsertRegistrySchools,
} from "./school-import.repo";
import { parseSchoolMapping, resolveSchoolColumns, type SchoolMapping } from "./school-mapping";
import { planRegistry, type RegistryPlan } from "./school-registry-plan";
import { readSchoolRow, type SchoolRecord } from "./school-rows";
import type { ImportFile } from "./value-import.service";

/** The most schools one registry file may hold (the rows are kept in memory to be matched). */
export const MAX_REGISTRY_ROWS = 200_000;

/** Input of importSchools. */
export type SchoolImportInput = {
  db: Db;
  actor: Actor;
  regionId: number;
  job: JobHandle;
  file: ImportFile;
  mapping?: unknown;
  resolveMapping?: (header: string[]) => Promise<unknown>;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
};

async function readRecords(
  table: OpenedTable,
  mapping: SchoolMapping,
  index: Partial<Record<keyof SchoolMapping["columns"], number>>,
  issues: ReturnType<typeof createIssueCollector>,
  onRows: (rows: number) => Promise<void>,
): Promise<{ rows: number; records: SchoolRecord[] }> {
  const records: SchoolRecord[] = [];
  const firstRow = new Map<string, number>();
  let rows = 0;
  for await (const row of table) {
    rows++;
    if (rows > MAX_REGISTRY_ROWS) {
      throw new ImportFileError(
        "too_many_rows",
        `В реестре больше ${formatRuNumber(MAX_REGISTRY_ROWS)} школ — разделите файл на части.`,
      );
    }
    const read = readSchoolRow(row, { index, mapping });
    if (Array.isArray(read)) {
      for (const issue of read) issues.add(issue);
      continue;
    }
    const key = read.code.toLowerCase();
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.add({
        row: row.rowNumber,
        column: mapping.columns.code,
        message: `повтор: школа с кодом «${read.code}» уже есть в строке ${first}`,
      });
      continue;
    }
    firstRow.set(key, row.rowNumber);
    records.push(read);
    if (rows % 500 === 0) await onRows(rows);
  }
  await onRows(rows);
  return { rows, records };
}

/**
 * Imports the school registry: schools by code in the region are created or updated (only the
 * columns the mapping names change), their municipality found by name or code (and created, with
 * its МОЦ, for a user who may create municipalities). All or nothing, with a dry run, one
 * transaction and one audit entry, like importValues.
 */
export async function importSchools(input: SchoolImportInput): Promise<ImportSummary> {
  const { db, actor, regionId, job, dryRun } = input;
  requirePermission(actor, "data.import");
  const base = { jobId: job.id, dryRun };
  let rows = 0;
  try {
    const table = await openTable(input.file);
    try {
      const raw = input.mapping ?? (await input.resolveMapping?.(table.header));
      const parsed = parseSchoolMapping(raw);
      if (!parsed.ok)
        throw new AppError("invalid_input", "Сопоставление столбцов реестра неполно", parsed.issues);
      const columns = resolveSchoolColumns(parsed.mapping, table.header);
      if (!columns.ok)
        throw new AppError("invalid_input", "Сопоставление не подходит к файлу", columns.issues);
      const issues = createIssueCollector();
      const read = await readRecords(table, parsed.mapping, columns.index, issues, async (done) => {
        input.onProgress?.(done, 0);
        await job.progress.report(done, 0);
      });
      rows = read.rows;
      const plan = planRegistry({
        actor,
        regionId,
        mapping: parsed.mapping,
        records: read.records,
        municipalities: await findRegionMunicipalities(db, regionId, municipalityScope(actor)),
        schools: await findRegionSchools(db, regionId, schoolScope(actor)),
        issues,
      });
      if (issues.count() > 0) {
        return refuseRows(job, base, issues, { rows, total: rows });
      }
      const summary: ImportSummary = {
        ...base,
        rows,
        created: plan.created,
        updated: plan.updated,
        unchanged: plan.unchanged,
        errors: [],
        errorCount: 0,
      };
      if (!dryRun) await applyRegistry(input, plan, summary);
      await rememberMapping(db, regionId, layoutSignature(table.header), {
        kind: "schools",
        mapping: parsed.mapping,
      });
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

async function applyRegistry(
  input: SchoolImportInput,
  plan: RegistryPlan,
  summary: ImportSummary,
): Promise<void> {
  const { db, actor, regionId, job } = input;
  await db.transaction(async (tx) => {
    const created = await insertRegistryMunicipalities(tx, regionId, plan.newMunicipalities);
    const writes = plan.writes.map(({ newMunicipalityCode, ...school }) => ({
      ...school,
      municipalityId:
        newMunicipalityCode === null ? school.municipalityId : (created.get(newMunicipalityCode) ?? 0),
    }));
    await upsertRegistrySchools(tx, regionId, writes);
    await recordImportAudit(tx, {
      actor,
      regionId,
      jobId: job.id,
      entity: "schools",
      fileName: input.file.fileName,
      summary,
      extra: { municipalitiesCreated: plan.newMunicipalities.length },
    });
  });
}
