import type { Run, RunRuleSet } from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { isRegionReader, requireRegion, resolveRegionId } from "./region";
import { findRuleSets } from "./rule-set.repo";
import { parseDefinition } from "./rule-set.service";
import { countResults, findRun, findRuns, insertRun, type ResultWrite, type RunRow } from "./run.repo";
import { categoryCounts, type RunnableRuleSet } from "./run-snapshot";

function canApprove(actor: Actor, run: RunRow): boolean {
  return can(actor, "identification.approve") && run.status === "done";
}

function canWithdraw(actor: Actor, run: RunRow): boolean {
  return can(actor, "identification.withdraw") && run.status === "approved";
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
    withdrawnAt: run.withdrawnAt?.toISOString() ?? null,
    withdrawnByName: run.withdrawnByName,
    withdrawalReason: run.withdrawalReason,
    counts,
    permissions: { canApprove: canApprove(actor, run), canWithdraw: canWithdraw(actor, run) },
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

/** A run ready to execute: the region, the year and the rule set versions, checked for the actor. */
export type PreparedRun = { regionId: number; year: number; ruleSets: RunnableRuleSet[] };

/**
 * Checks a run request (region roles only; the given rule sets, or every active one, of the actor's
 * region) and fixes the rule set versions it will use.
 */
export async function prepareRun(
  db: Db,
  actor: Actor,
  input: { ruleSetIds?: number[]; year: number; regionId?: number },
): Promise<PreparedRun> {
  requirePermission(actor, "identification.manage");
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
  return { regionId, year: input.year, ruleSets };
}

/**
 * Stores the results of a prepared run as an immutable snapshot in one transaction, audited.
 * Returns the run id.
 */
export async function storeRun(
  db: Db,
  actor: Actor,
  run: PreparedRun,
  results: ResultWrite[],
): Promise<number> {
  const stored: RunRuleSet[] = run.ruleSets.map(({ definition: _d, ...rest }) => rest);
  return db.transaction(async (tx) => {
    const id = await insertRun(
      tx,
      {
        regionId: run.regionId,
        year: run.year,
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
      after: { year: run.year, ruleSets: stored, schools: results.length },
      regionId: run.regionId,
    });
    return id;
  });
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
  const regionIds =
    actor.role === "federal_operator" && regionId === undefined
      ? actor.federalRegionIds
      : [resolveRegionId(actor, regionId)];
  const runs = await findRuns(db, { regionIds, approvedOnly: !isRegionReader(actor) });
  return presentRuns(db, actor, runs);
}
