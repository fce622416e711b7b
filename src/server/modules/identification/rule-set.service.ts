import {
  evaluateRuleSet,
  PRELOADED_RULE_SETS,
  previewCounts,
  type RuleSet,
  ruleSetIndicatorYears,
  ruleSetSchema,
  unknownIndicatorCodes,
} from "../../../core/identification";
import type { PreviewCounts, RuleSetDetail, RuleSetSummary } from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findIndicatorMetas, loadSchoolFacts } from "./facts.repo";
import { requireRegion, resolveRegionId } from "./region";
import {
  deleteRuleSet,
  findPresetKeys,
  findRuleSet,
  findRuleSets,
  findRuleSetVersions,
  insertRuleSet,
  insertRuleSetVersion,
  type RuleSetRow,
  setRuleSetActive,
} from "./rule-set.repo";

/**
 * Gives a region the preloaded rule sets it does not have yet (Smolensk ШНРО and ШФНСУ, the
 * Rosobrnadzor risk indicator). Call it in the transaction that seeds the region's catalogue.
 * Returns how many were added.
 */
export async function seedRuleSets(db: Db, regionId: number): Promise<number> {
  const existing = await findPresetKeys(db, regionId);
  let added = 0;
  for (const preset of PRELOADED_RULE_SETS) {
    if (existing.has(preset.key)) continue;
    await insertRuleSet(db, { regionId, presetKey: preset.key, definition: preset.ruleSet, createdBy: null });
    added++;
  }
  return added;
}

/** A stored definition, validated again (a stored one is always valid; this keeps the type honest). */
export function parseDefinition(row: RuleSetRow): RuleSet {
  return ruleSetSchema.parse(row.definition);
}

function summary(row: RuleSetRow): RuleSetSummary {
  return {
    id: row.id,
    presetKey: row.presetKey,
    isActive: row.isActive,
    versionId: row.versionId,
    version: row.version,
    name: row.name,
    category: row.category,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One rule set, as the actor names it: by id, in their region or (federal operator) the one given. */
type RuleSetTarget = { db: Db; actor: Actor; id: number; regionId?: number };

/** The region's rule sets, for anyone who reads school data in the region. */
export async function listRuleSets({ db, actor, regionId }: { db: Db; actor: Actor; regionId?: number }) {
  requirePermission(actor, "school.read");
  const rows = await findRuleSets(db, { regionId: resolveRegionId(actor, regionId) });
  return rows.map(summary);
}

/** One rule set with its definition and versions; 404 outside the actor's region. */
export async function getRuleSetById({ db, actor, id, regionId }: RuleSetTarget): Promise<RuleSetDetail> {
  requirePermission(actor, "school.read");
  const region = resolveRegionId(actor, regionId);
  requireRegion(actor, region, "Набор правил");
  const row = await findRuleSet(db, region, id);
  if (!row) throw notFound("Набор правил");
  const versions = await findRuleSetVersions(db, id);
  return {
    ...summary(row),
    definition: parseDefinition(row),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    permissions: { canEdit: can(actor, "identification.manage") },
  };
}

async function requireKnownIndicators(db: Db, regionId: number, definition: RuleSet): Promise<void> {
  const unknown = unknownIndicatorCodes(definition, await findIndicatorMetas(db, regionId));
  if (unknown.length === 0) return;
  throw new AppError(
    "invalid_input",
    `В каталоге региона нет показателей: ${unknown.join(", ")}`,
    unknown.map((code) => ({ path: "definition.criteria", message: `Неизвестный показатель «${code}»` })),
  );
}

/** Adds a rule set to the region (region roles). */
export async function createRuleSet({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { definition: RuleSet; regionId?: number };
}): Promise<RuleSetDetail> {
  requirePermission(actor, "identification.manage");
  const regionId = resolveRegionId(actor, input.regionId);
  await requireKnownIndicators(db, regionId, input.definition);
  const id = await db.transaction(async (tx) => {
    const newId = await insertRuleSet(tx, {
      regionId,
      presetKey: null,
      definition: input.definition,
      createdBy: actor.userId || null,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "rule_set",
      entityId: newId,
      after: input.definition,
      regionId,
    });
    return newId;
  });
  return getRuleSetById({ db, actor, id, regionId });
}

/** Saves a new version of a rule set; runs made before keep the version they used. */
export async function updateRuleSet({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { definition: RuleSet; regionId?: number };
}): Promise<RuleSetDetail> {
  requirePermission(actor, "identification.manage");
  const before = await getRuleSetById({ db, actor, id, regionId: input.regionId });
  const regionId = resolveRegionId(actor, input.regionId);
  await requireKnownIndicators(db, regionId, input.definition);
  await db.transaction(async (tx) => {
    await insertRuleSetVersion(tx, id, input.definition, actor.userId || null);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "rule_set",
      entityId: id,
      before: before.definition,
      after: input.definition,
      regionId,
    });
  });
  return getRuleSetById({ db, actor, id, regionId });
}

/** Turns a rule set on or off for runs of "all active rule sets". */
export async function setRuleSetActiveById({
  db,
  actor,
  id,
  isActive,
  regionId,
}: RuleSetTarget & { isActive: boolean }): Promise<RuleSetDetail> {
  requirePermission(actor, "identification.manage");
  const before = await getRuleSetById({ db, actor, id, regionId });
  await db.transaction(async (tx) => {
    await setRuleSetActive(tx, id, isActive);
    await recordAudit(tx, {
      actor,
      action: isActive ? "activate" : "deactivate",
      entity: "rule_set",
      entityId: id,
      before: { isActive: before.isActive },
      after: { isActive },
      regionId: resolveRegionId(actor, regionId),
    });
  });
  return getRuleSetById({ db, actor, id, regionId });
}

/**
 * Deletes a rule set and its versions (region roles). Runs made with it stay as they are: a run
 * stores a copy of every rule set version it used, so its results, reasons and exports do not change.
 */
export async function deleteRuleSetById({ db, actor, id, regionId }: RuleSetTarget): Promise<void> {
  requirePermission(actor, "identification.manage");
  const before = await getRuleSetById({ db, actor, id, regionId });
  await db.transaction(async (tx) => {
    await deleteRuleSet(tx, id);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "rule_set",
      entityId: id,
      before: { name: before.name, version: before.version, definition: before.definition },
      regionId: resolveRegionId(actor, regionId),
    });
  });
}

/** Live preview: how many of the region's schools each criterion catches for a year. Stores nothing. */
export async function previewRuleSet({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { definition: RuleSet; year: number; regionId?: number };
}): Promise<PreviewCounts> {
  requirePermission(actor, "analytics.run");
  const regionId = resolveRegionId(actor, input.regionId);
  const { definition, year } = input;
  const metas = await findIndicatorMetas(db, regionId);
  await requireKnownIndicators(db, regionId, definition);
  const { facts } = await loadSchoolFacts(db, {
    regionId,
    parts: ruleSetIndicatorYears(definition, year),
  });
  const evaluation = evaluateRuleSet(definition, year, facts, metas, { withSentences: false });
  return previewCounts(
    evaluation,
    definition.criteria.map((criterion) => criterion.id),
  );
}
