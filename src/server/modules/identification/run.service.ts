import {
  compareRuns,
  ruleSetIndicatorCodes,
  ruleSetYears,
  type SchoolCategoryName,
} from "../../../core/identification";
import type {
  Run,
  RunComparisonResponse,
  RunResult,
  RunRuleSet,
  RunSummary,
  SchoolHistory,
} from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, REGION_WIDE_ROLES, requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findIndicatorMetas, loadSchoolFacts } from "./facts.repo";
import { isRegionReader, requireRegion, resolveRegionId } from "./region";
import { findRuleSets } from "./rule-set.repo";
import { parseDefinition } from "./rule-set.service";
import {
  approveRunRow,
  countResults,
  findResults,
  findRun,
  findRuns,
  insertRun,
  type RunRow,
} from "./run.repo";
import { buildRunSnapshot, categoryCounts, type RunnableRuleSet } from "./run-snapshot";

function canApprove(actor: Actor, run: RunRow): boolean {
  return REGION_WIDE_ROLES.includes(actor.role) && can(actor, "analytics.run") && run.status === "done";
}

function present(actor: Actor, run: RunRow, counts: Run["counts"]): Run {
  return {
    id: run.id,
    regionId: run.regionId,
    year: run.year,
    status: run.status,
    ruleSets: run.ruleSets,
    schoolCount: run.schoolCount,
    createdAt: run.createdAt.toISOString(),
    createdByName: run.createdByName,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    approvedByName: run.approvedByName,
    counts,
    permissions: { canApprove: canApprove(actor, run) },
  };
}

async function presentRuns(db: Db, actor: Actor, runs: RunRow[]): Promise<Run[]> {
  const rows = await countResults(db, { runIds: runs.map((r) => r.id), scope: schoolScope(actor) });
  return runs.map((run) => present(actor, run, categoryCounts(rows.filter((row) => row.runId === run.id))));
}

/** A run the actor may see: region roles see every run of their region, others only approved ones. */
export async function getVisibleRun(db: Db, actor: Actor, id: number): Promise<RunRow> {
  requirePermission(actor, "school.read");
  const run = await findRun(db, id);
  if (!run) throw notFound("Запуск");
  requireRegion(actor, run.regionId, "Запуск");
  if (!isRegionReader(actor) && run.status !== "approved") throw notFound("Запуск");
  return run;
}

/**
 * Runs rule sets (the given ones, or every active one) for a year over ALL schools of the region and
 * stores the result as an immutable snapshot in one transaction, audited. Region roles only.
 */
export async function runIdentification({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { ruleSetIds?: number[]; year: number; regionId?: number };
}): Promise<Run> {
  requirePermission(actor, "analytics.run");
  const regionId = resolveRegionId(actor, input.regionId);
  const rows = await findRuleSets(db, { regionId, ids: input.ruleSetIds, activeOnly: !input.ruleSetIds });
  if (input.ruleSetIds && rows.length !== new Set(input.ruleSetIds).size) throw notFound("Набор правил");
  if (rows.length === 0) throw new AppError("invalid_input", "Нет активных наборов правил для запуска");
  const ruleSets: RunnableRuleSet[] = rows.map((row) => {
    const definition = parseDefinition(row);
    return {
      ruleSetId: row.id,
      versionId: row.versionId,
      version: row.version,
      name: row.name,
      category: row.category,
      riskFlag: definition.category === "risk" ? (definition.riskFlag ?? definition.name) : null,
      definition,
    };
  });
  const indicators = await findIndicatorMetas(db, regionId);
  const codes = [...new Set(ruleSets.flatMap((r) => ruleSetIndicatorCodes(r.definition)))];
  const known = new Set(indicators.map((i) => i.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new AppError("invalid_input", `В каталоге региона нет показателей: ${unknown.join(", ")}`);
  }
  const years = [...new Set(ruleSets.flatMap((r) => ruleSetYears(r.definition, input.year)))];
  const { schools, facts } = await loadSchoolFacts(db, { regionId, codes, years });
  const results = buildRunSnapshot(ruleSets, input.year, schools, facts, indicators);
  const stored: RunRuleSet[] = ruleSets.map(({ definition: _d, ...rest }) => rest);
  const runId = await db.transaction(async (tx) => {
    const id = await insertRun(
      tx,
      {
        regionId,
        year: input.year,
        ruleSets: stored,
        createdBy: actor.userId || null,
        createdByName: actor.fullName,
      },
      results,
    );
    await recordAudit(tx, {
      actor,
      action: "run",
      entity: "identification_run",
      entityId: id,
      after: { year: input.year, ruleSets: stored, schools: results.length },
      regionId,
    });
    return id;
  });
  return getRunById({ db, actor, id: runId });
}

/** One run with the counts the actor may see. */
export async function getRunById({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<Run> {
  const run = await getVisibleRun(db, actor, id);
  const [presented] = await presentRuns(db, actor, [run]);
  if (!presented) throw notFound("Запуск");
  return presented;
}

/** The runs of the actor's region, newest first (only approved ones below region level). */
export async function listRuns({ db, actor, regionId }: { db: Db; actor: Actor; regionId?: number }) {
  requirePermission(actor, "school.read");
  const region = actor.role === "federal_operator" ? (regionId ?? null) : resolveRegionId(actor);
  const runs = await findRuns(db, { regionId: region, approvedOnly: !isRegionReader(actor) });
  return presentRuns(db, actor, runs);
}

/** Approves a run: its list becomes the region's official one (region roles). Audited. */
export async function approveRun({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<Run> {
  requirePermission(actor, "analytics.run");
  if (!REGION_WIDE_ROLES.includes(actor.role))
    throw new AppError("forbidden", "Утверждать может только регион");
  const run = await getVisibleRun(db, actor, id);
  if (run.status === "approved") throw new AppError("conflict", "Запуск уже утверждён");
  await db.transaction(async (tx) => {
    await approveRunRow(tx, id, { userId: actor.userId || null, name: actor.fullName });
    await recordAudit(tx, {
      actor,
      action: "approve",
      entity: "identification_run",
      entityId: id,
      before: { status: run.status },
      after: { status: "approved" },
      regionId: run.regionId,
    });
  });
  return getRunById({ db, actor, id });
}

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
  const byMunicipality = new Map<number, { name: string; rows: typeof rows }>();
  for (const row of rows) {
    const entry = byMunicipality.get(row.municipalityId) ?? { name: row.municipalityName, rows: [] };
    entry.rows.push(row);
    byMunicipality.set(row.municipalityId, entry);
  }
  const toCounts = (list: typeof rows) =>
    categoryCounts(
      list.map((r) => ({ category: r.category, isRural: r.isRural, hasRisk: r.riskFlags.length > 0, n: 1 })),
    );
  return {
    runId: run.id,
    year: run.year,
    total: toCounts(rows),
    municipalities: [...byMunicipality.entries()]
      .map(([municipalityId, entry]) => ({
        municipalityId,
        municipalityName: entry.name,
        ...toCounts(entry.rows),
      }))
      .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, "ru")),
  };
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
