import type { Db } from "../../platform/db";
import { hasSeparateConnections } from "../../platform/db-copy";
import { requirePermission } from "../access/access.policy";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import type { JobHandle } from "../jobs/job.service";
import { vacuumValues } from "../values/value-columns.repo";
import {
  createIssueCollector,
  type ImportSummary,
  issuesOfError,
  isUserError,
  MAX_LISTED_CHANGES,
  refusedSummary,
  refuseRows,
  type SummaryBase,
} from "./import-summary";
import { loadIndicatorCatalogue } from "./indicator-rules";
import type { Proposal } from "./mapping-resolve";
import { createMunicipalityMatcher } from "./municipality-matcher";
import type { ColumnMapping } from "./parse/column-mapping";
import { layoutSignature } from "./parse/guess-mapping";
import { compileLayout } from "./parse/layout-plan";
import { openTable } from "./parse/open-table";
import type { ImportLimits } from "./parse/table.types";
import { estimateDataRows } from "./row-estimate";
import { createSchoolMatcher } from "./school-matcher";
import { type StageListener, stageClock } from "./stage-clock";
import { checkStagedValues } from "./value-checks";
import {
  analyzeStaging,
  canSkipRowTriggers,
  countStagedChanges,
  deleteStaging,
  findMatchableMunicipalities,
  findMatchableSchools,
  findStagedChanges,
} from "./value-import.repo";
import { applyValues, importAlongside } from "./value-import-write";
import { chooseValueMapping, explainMappingIssues, sheetOf } from "./value-mapping-choice";
import { stageValues } from "./value-staging";

/** An uploaded or local file to import. */
export type ImportFile = { path: string; fileName: string; limits?: Partial<ImportLimits> };

/** Input of importValues. */
export type ValueImportInput = {
  db: Db;
  actor: Actor;
  regionId: number;
  job: JobHandle;
  file: ImportFile;
  /** The mapping (a ColumnMapping, validated here); `resolveMapping` is used when absent. */
  mapping?: unknown;
  /** The mapping for a header when none is given: remembered or guessed, with its source. */
  resolveMapping?: (header: string[]) => Promise<Proposal<ColumnMapping>>;
  /** The year for the whole file, when the file has no year column (overrides the mapping's). */
  year?: number;
  dryRun: boolean;
  /** Called with the rows read so far and the estimated total (0 when unknown). */
  onProgress?: (done: number, total: number) => void;
  /** Called with the duration of each stage (read and stage, check, count, apply...). */
  onStage?: StageListener;
};

/**
 * A mapping as remembered for a layout: without the year for the whole file, which belongs to one
 * file (next year's file of the same layout must not be loaded into this year unawares).
 */
function withoutYear(mapping: ColumnMapping): ColumnMapping {
  const { year: _year, ...rest } = mapping;
  return rest;
}

/**
 * Imports indicator values from a CSV or XLSX, all or nothing. The file is streamed through the
 * mapping; each value is matched to a school in the actor's scope and checked against the
 * indicator's current definition, then staged in batches; duplicates and locked values are found in
 * SQL. Any error and nothing is written: the staging rows are deleted and the errors returned by
 * row and column. A file with no data rows, or with no value at all, or whose columns map to no
 * indicator, is refused too. Otherwise the counts are computed and, unless it is a dry run, the
 * values are written in one transaction with their history, one audit entry and the mapping
 * remembered for the file's header (only a real import that succeeded remembers one). On a
 * PostgreSQL server a real import writes each batch into the values while the next is read, in that
 * one transaction, which commits only if the whole file passed (importAlongside); on PGlite, whose
 * one connection the transaction would hold, the batches are all staged first. The job records
 * progress and the summary, which names the mapping used, its source and the columns left out.
 */
export async function importValues(input: ValueImportInput): Promise<ImportSummary> {
  const { db, actor, regionId, job, dryRun } = input;
  requirePermission(actor, "data.import");
  // Grows with the mapping once it is chosen, so that every summary from then on names it.
  const base: SummaryBase = { jobId: job.id, dryRun };
  let rows = 0;
  let total = 0;
  const clock = stageClock(input.onStage);
  try {
    const table = await openTable({ ...input.file, sheet: sheetOf(input.mapping) });
    try {
      const indicators = await loadIndicatorCatalogue(db, regionId);
      const choice = await chooseValueMapping({
        raw: input.mapping,
        year: input.year,
        header: table.header,
        resolve: input.resolveMapping,
      });
      const { mapping } = choice;
      Object.assign(base, {
        mapping,
        mappingSource: choice.source,
        ignoredColumns: choice.ignoredColumns,
      });
      const compiled = compileLayout(mapping, table.header, indicators.known);
      if (!compiled.ok) {
        const issues = explainMappingIssues(compiled.issues, choice.ignoredColumns);
        const summary = refusedSummary(
          base,
          issues.map((i) => ({ row: null, column: i.column ?? i.path ?? null, message: i.message })),
        );
        await job.fail("Сопоставление столбцов не подходит к файлу", summary, 0, 0);
        return summary;
      }
      total = await estimateDataRows(input.file.path, table.format);
      clock.lap("open");
      const issues = createIssueCollector();
      const schools = await findMatchableSchools(db, regionId, schoolScope(actor));
      const municipalities = await findMatchableMunicipalities(db, regionId, municipalityScope(actor));
      const skipTriggers = await canSkipRowTriggers(db);
      const staging = {
        skipTriggers,
        db,
        jobId: job.id,
        table,
        plan: compiled.plan,
        decimalComma: mapping.decimalComma ?? table.format.decimalComma ?? false,
        indicators,
        matcher: createSchoolMatcher(schools),
        municipalities: createMunicipalityMatcher(municipalities),
        issues,
        onRows: async (done: number) => {
          total = Math.max(total, done);
          input.onProgress?.(done, total);
          await job.progress.report(done, total);
        },
      };
      const record = {
        base,
        remember: {
          signature: layoutSignature(table.header),
          mapping: { kind: "values" as const, mapping: withoutYear(choice.chosen) },
        },
      };
      let summary: ImportSummary;
      if (!dryRun && hasSeparateConnections(db)) {
        // A server: the values are written batch by batch while the file is read (value-import-write.ts).
        const applied = await importAlongside(input, staging, clock, record);
        rows = applied.rows;
        if ("refused" in applied) {
          await deleteStaging(db, job.id);
          return refuseRows(job, base, issues, { rows, total: rows });
        }
        summary = applied.summary;
        clock.lap("apply");
      } else {
        const staged = await stageValues(staging);
        rows = staged.rows;
        total = rows;
        clock.lap("read+stage");
        await analyzeStaging(db);
        await checkStagedValues(db, {
          jobId: job.id,
          plan: compiled.plan,
          indicators,
          issues,
          hasRepeats: staged.hasRepeats,
        });
        clock.lap("checks");
        if (issues.count() > 0) {
          await deleteStaging(db, job.id);
          return refuseRows(job, base, issues, { rows, total: total });
        }
        if (dryRun) {
          const counts = await countStagedChanges(db, job.id);
          summary = { ...base, rows, ...counts, errors: [], errorCount: 0 };
          clock.lap("count");
          summary.changes = await findStagedChanges(db, job.id, MAX_LISTED_CHANGES);
          clock.lap("list changes");
        } else {
          summary = await applyValues(input, { ...record, rows }, staged.values, skipTriggers);
          clock.lap("apply");
        }
      }
      if (!dryRun) {
        await vacuumValues(db);
        clock.lap("vacuum");
      }
      await deleteStaging(db, job.id);
      clock.lap("clean up");
      await job.succeed(summary, rows, total);
      return summary;
    } finally {
      await table.close();
    }
  } catch (error) {
    await deleteStaging(db, job.id);
    if (!isUserError(error)) {
      await job.fail(error instanceof Error ? error.message : String(error), null, rows, total);
      throw error;
    }
    const summary = refusedSummary({ ...base, rows }, issuesOfError(error));
    await job.fail(error.message, summary, rows, total);
    return summary;
  }
}
