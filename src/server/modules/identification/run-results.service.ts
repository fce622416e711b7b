import { compareRuns, type SchoolCategoryName } from "../../../core/identification";
import type {
  RuleSetResult,
  RunComparisonResponse,
  RunResult,
  RunSummary,
  SchoolHistory,
} from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findComparisonDecisions } from "../decisions/decisions.repo";
import { isRegionReader, resolveRegionId } from "./region";
import { findResults, findRuns, type RunRow } from "./run.repo";
import { getVisibleRun } from "./run.service";
import { findRunCriteria } from "./run-criteria.repo";
import { detailsReader } from "./run-details";
import { reasonsOf, summarizeResults } from "./run-snapshot";

/**
 * Every result of a run the actor may see, filtered by municipality and category, unpaged: for the
 * exports and the command line (the API pages them, see getRunResultsPage).
 */
export async function listRunResults({
  db,
  actor,
  id,
  query,
}: {
  db: Db;
  actor: Actor;
  id: number;
  query: { municipalityId?: number; category?: SchoolCategoryName | "flagged" };
}): Promise<RunResult[]> {
  const run = await getVisibleRun(db, actor, id);
  if (query.municipalityId !== undefined) {
    await requireMunicipalityAccess(db, {
      actor,
      permission: "school.read",
      municipalityIds: [query.municipalityId],
    });
  }
  const categories: SchoolCategoryName[] | undefined =
    query.category === "flagged"
      ? ["shnro", "shfnsu", "both"]
      : query.category
        ? [query.category]
        : undefined;
  const rows = await findResults(db, {
    runIds: [id],
    scope: schoolScope(actor),
    municipalityId: query.municipalityId,
    categories,
  });
  return withDetails(db, run, rows);
}

/** From this many schools of a run on, every chunk of its criteria is read rather than picked. */
const ALL_CHUNKS_FROM = 2000;

/** A stored result row as listed. */
export type ResultRow = Awaited<ReturnType<typeof findResults>>[number];

/** Stored result rows of one run with each school's results per rule set, as the API gives them. */
export async function withDetails(db: Db, run: RunRow, rows: readonly ResultRow[]): Promise<RunResult[]> {
  if (rows.length === 0) return [];
  const positions = rows.map((row) => row.position);
  const columns = await findRunCriteria(db, run.id, rows.length >= ALL_CHUNKS_FROM ? "all" : positions);
  const detailsAt = detailsReader(run.ruleSets, columns, run.year);
  return rows.map((row) => presentResult(row, detailsAt(row.ruleSetStatuses, row.position)));
}

/** A stored result row and its results per rule set as the API gives them. */
function presentResult(row: ResultRow, details: RuleSetResult[]): RunResult {
  return {
    schoolId: row.schoolId,
    schoolCode: row.schoolCode,
    schoolName: row.schoolName,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    isRural: row.isRural,
    category: row.category,
    riskFlags: row.riskFlags,
    reasons: reasonsOf(details),
    details,
  };
}

/** Region and municipality counts by category, with the rural share among ШНРО and ШФНСУ. */
export async function getRunSummary({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<RunSummary> {
  const run = await getVisibleRun(db, actor, id);
  const rows = await findResults(db, { runIds: [id], scope: schoolScope(actor) });
  return summarizeResults(run.id, run.year, rows);
}

/** Schools that entered, left and stayed between two runs, within the actor's scope. */
export async function compareRunsById({
  db,
  actor,
  beforeId,
  afterId,
}: {
  db: Db;
  actor: Actor;
  beforeId: number;
  afterId: number;
}): Promise<RunComparisonResponse> {
  const beforeRun = await getVisibleRun(db, actor, beforeId);
  const afterRun = await getVisibleRun(db, actor, afterId);
  const scope = schoolScope(actor);
  const [before, after] = await Promise.all([
    findResults(db, { runIds: [beforeId], scope }),
    findResults(db, { runIds: [afterId], scope }),
  ]);
  const names = new Map([...before, ...after].map((r) => [r.schoolId, r.schoolName]));
  const toCategories = (rows: typeof before) =>
    rows.map((r) => ({ schoolId: r.schoolId, code: r.schoolCode, category: r.category }));
  const comparison = compareRuns(toCategories(before), toCategories(after));
  const withName = (list: typeof comparison.entered) =>
    list.map((s) => ({ ...s, name: names.get(s.schoolId) ?? s.code }));
  // issue 13: the decision beside each school that left or stayed (the programme year the earlier run opened)
  const decisionYear = Math.min(beforeRun.year, afterRun.year) + 1;
  const decisions = await findComparisonDecisions(
    db,
    [...comparison.left, ...comparison.stayed].map((s) => s.schoolId),
    decisionYear,
  );
  return {
    beforeRunId: beforeId,
    afterRunId: afterId,
    entered: withName(comparison.entered),
    left: withName(comparison.left),
    stayed: withName(comparison.stayed),
    decisionYear,
    decisions,
  };
}

/**
 * The run that speaks for a year on a school card, of the runs of that year the actor may see: the
 * approved one (the region's official list; the latest approved if ever there were two), otherwise
 * the newest run (only region readers see unapproved runs). Rule sets get tuned by running a year
 * many times; the card shows one verdict per year, not every trial run.
 */
function runsOfRecord(runs: readonly RunRow[]): RunRow[] {
  const rank = (run: RunRow) => [run.status === "approved" ? 1 : 0, run.approvedAt?.getTime() ?? 0, run.id];
  const isBetter = (a: RunRow, b: RunRow) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d > 0;
    }
    return false;
  };
  const byYear = new Map<number, RunRow>();
  for (const run of runs) {
    const held = byYear.get(run.year);
    if (!held || isBetter(run, held)) byYear.set(run.year, run);
  }
  return [...byYear.values()];
}

/**
 * A school's categories over the years with the reasons: one entry per year, from the run of record
 * of that year among those the actor may see (see runsOfRecord).
 */
export async function getSchoolHistory({
  db,
  actor,
  schoolId,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
}): Promise<SchoolHistory> {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const runs = await findRuns(db, {
    regionIds: actor.role === "federal_operator" ? actor.federalRegionIds : [resolveRegionId(actor)],
    approvedOnly: !isRegionReader(actor),
  });
  const byId = new Map(runsOfRecord(runs).map((run) => [run.id, run]));
  const rows = await findResults(db, { runIds: [...byId.keys()], scope: schoolScope(actor), schoolId });
  const history = await Promise.all(
    rows.map(async (row) => {
      const run = byId.get(row.runId);
      if (!run) return [];
      const [result] = await withDetails(db, run, [row]);
      if (!result) return [];
      return [
        {
          runId: run.id,
          year: run.year,
          runStatus: run.status,
          runAt: run.createdAt.toISOString(),
          category: result.category,
          riskFlags: result.riskFlags,
          reasons: result.reasons,
          details: result.details,
        },
      ];
    }),
  );
  return history.flat().sort((a, b) => b.year - a.year || b.runId - a.runId);
}
