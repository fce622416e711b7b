import { compareRuns, type SchoolCategoryName } from "../../../core/identification";
import type {
  RunComparisonResponse,
  RunResult,
  RunSummary,
  SchoolHistory,
} from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { isRegionReader, resolveRegionId } from "./region";
import { findResults, findRuns } from "./run.repo";
import { getVisibleRun } from "./run.service";
import { summarizeResults } from "./run-snapshot";

/** The results of a run the actor may see, filtered by municipality and category. */
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
  await getVisibleRun(db, actor, id);
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
  return rows.map(presentResult);
}

/** A stored result row as the API gives it. */
export function presentResult(row: Awaited<ReturnType<typeof findResults>>[number]): RunResult {
  return {
    schoolId: row.schoolId,
    schoolCode: row.schoolCode,
    schoolName: row.schoolName,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    isRural: row.isRural,
    category: row.category,
    riskFlags: row.riskFlags,
    reasons: row.reasons,
    details: row.details,
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
  await getVisibleRun(db, actor, beforeId);
  await getVisibleRun(db, actor, afterId);
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
  return {
    beforeRunId: beforeId,
    afterRunId: afterId,
    entered: withName(comparison.entered),
    left: withName(comparison.left),
    stayed: withName(comparison.stayed),
  };
}

/** A school's categories over the years with the reasons, from the runs the actor may see. */
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
    regionId: actor.role === "federal_operator" ? null : resolveRegionId(actor),
    approvedOnly: !isRegionReader(actor),
  });
  const byId = new Map(runs.map((run) => [run.id, run]));
  const rows = await findResults(db, { runIds: [...byId.keys()], scope: schoolScope(actor), schoolId });
  return rows
    .flatMap((row) => {
      const run = byId.get(row.runId);
      if (!run) return [];
      const result = presentResult(row);
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
    })
    .sort((a, b) => b.year - a.year || b.runId - a.runId);
}
