import type { MappingSource } from "../../../shared/import-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import type { JobHandle } from "../jobs/job.service";
import { type RememberedMapping, rememberMapping } from "./import-mapping.repo";
import {
  createIssueCollector,
  type ImportSummary,
  issuesOfError,
  isUserError,
  NO_DATA_ROWS,
  recordImportAudit,
  refusedSummary,
  refuseRows,
  type SummaryBase,
} from "./import-summary";
import type { Proposal } from "./mapping-resolve";
import { layoutSignature } from "./parse/guess-mapping";
import { ignoredColumns } from "./parse/ignored-columns";
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
  /** The mapping for a header when none is given: remembered or guessed, with its source. */
  resolveMapping?: (header: string[]) => Promise<Proposal<unknown>>;
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

/** The mapping of a registry import, once the header is known: given, or remembered or guessed. */
async function chooseSchoolMapping(
  input: SchoolImportInput,
  header: string[],
): Promise<{ mapping: SchoolMapping; source: MappingSource; ignoredColumns: string[] }> {
  const proposal =
    input.mapping !== undefined
      ? { mapping: input.mapping, source: { kind: "given" } as const }
      : await input.resolveMapping?.(header);
  const parsed = parseSchoolMapping(proposal?.mapping);
  if (!proposal || !parsed.ok) {
    throw new AppError(
      "invalid_input",
      "Сопоставление столбцов реестра неполно",
      parsed.ok ? [] : parsed.issues,
    );
  }
  const ignored = ignoredColumns(header, Object.values(parsed.mapping.columns));
  return { mapping: parsed.mapping, source: proposal.source, ignoredColumns: ignored };
}

/**
 * Imports the school registry: schools by code in the region are created or updated (only the
 * columns the mapping names change), their municipality found by name or code (and created, with
 * its МОЦ, for a user who may create municipalities). Every new or changed school passes the school
 * write rule of PATCH /api/schools/:id (refuseSchoolWrite, see planRegistry). A file with no data
 * rows is refused. All or nothing, with a dry run, one transaction and one audit entry, like
 * importValues; a real import that succeeded remembers its mapping for the file's header.
 */
export async function importSchools(input: SchoolImportInput): Promise<ImportSummary> {
  const { db, actor, regionId, job, dryRun } = input;
  requirePermission(actor, "data.import");
  // Grows with the mapping once it is chosen, so that every summary from then on names it.
  const base: SummaryBase = { jobId: job.id, dryRun };
  let rows = 0;
  try {
    const table = await openTable(input.file);
    try {
      const choice = await chooseSchoolMapping(input, table.header);
      const { mapping } = choice;
      Object.assign(base, { mapping, mappingSource: choice.source, ignoredColumns: choice.ignoredColumns });
      const columns = resolveSchoolColumns(mapping, table.header);
      if (!columns.ok)
        throw new AppError("invalid_input", "Сопоставление не подходит к файлу", columns.issues);
      const issues = createIssueCollector();
      const read = await readRecords(table, mapping, columns.index, issues, async (done) => {
        input.onProgress?.(done, 0);
        await job.progress.report(done, 0);
      });
      rows = read.rows;
      if (rows === 0) issues.add({ message: NO_DATA_ROWS });
      const plan = planRegistry({
        actor,
        regionId,
        mapping,
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
      if (!dryRun) {
        await applyRegistry(input, plan, summary, {
          signature: layoutSignature(table.header),
          mapping: { kind: "schools", mapping },
        });
      }
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

/** Writes the registry, its audit entry and the remembered mapping in one transaction. */
async function applyRegistry(
  input: SchoolImportInput,
  plan: RegistryPlan,
  summary: ImportSummary,
  remember: { signature: string; mapping: RememberedMapping },
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
    await rememberMapping(tx, regionId, remember.signature, remember.mapping, actor);
  });
}
