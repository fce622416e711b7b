import { INDICATOR_CATALOGUE, type IndicatorDefinition } from "../../../core/indicators";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import {
  findIndicatorById,
  findIndicators,
  findVersions,
  type IndicatorRow,
  insertIndicator,
  insertIndicatorsBulk,
  insertVersion,
  setRetired,
} from "./indicator.repo";

/** The region the actor works in; a federal operator names one it may read. */
export function actorRegionId(actor: Actor, regionId?: number): number {
  return resolveActorRegionId(actor, regionId);
}

/** Loads the preloaded catalogue into a region: the indicators it does not have yet. Returns how many were added. */
export async function seedCatalogue(db: Db, regionId: number): Promise<number> {
  const existing = new Set((await findIndicators(db, regionId)).map((i) => i.code));
  const missing = INDICATOR_CATALOGUE.filter((def) => !existing.has(def.code));
  await insertIndicatorsBulk(db, regionId, missing);
  return missing.length;
}

/** The region's indicator catalogue, for anyone who reads school data; a federal operator names the region. */
export async function listIndicators({ db, actor, regionId }: { db: Db; actor: Actor; regionId?: number }) {
  requirePermission(actor, "school.read");
  const items = await findIndicators(db, actorRegionId(actor, regionId));
  return { items, permissions: { canManage: can(actor, "indicator.manage") } };
}

/** One indicator of the actor's region (any region for a federal operator) with every version. */
export async function getIndicatorById({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  requirePermission(actor, "school.read");
  const row = await findIndicatorById(db, id);
  if (!row || (actor.regionId !== null && row.regionId !== actor.regionId)) throw notFound("Показатель");
  const versions = await findVersions(db, id);
  return { ...row, versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
}

/** Adds an indicator to the region's catalogue. */
export async function createIndicator({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: IndicatorDefinition;
}) {
  requirePermission(actor, "indicator.manage");
  const regionId = actorRegionId(actor);
  if ((await findIndicators(db, regionId)).some((i) => i.code === input.code)) {
    throw new AppError("conflict", `Показатель с кодом «${input.code}» уже есть`, [
      { path: "code", message: "Код занят" },
    ]);
  }
  const id = await db.transaction(async (tx) => {
    const newId = await insertIndicator(tx, regionId, input, actor.userId || null);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "indicator",
      entityId: newId,
      after: input,
      regionId,
    });
    return newId;
  });
  return getIndicatorById({ db, actor, id });
}

/**
 * Changes an indicator's definition by adding a version: values entered before keep pointing at the
 * definition they were entered under. The code never changes.
 */
export async function updateIndicator({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: IndicatorDefinition;
}) {
  requirePermission(actor, "indicator.manage");
  const before = await getIndicatorById({ db, actor, id });
  if (input.code !== before.code) {
    throw new AppError("invalid_input", "Код показателя не меняется: создайте новый показатель", [
      { path: "code", message: "Код не меняется" },
    ]);
  }
  await db.transaction(async (tx) => {
    await insertVersion(tx, id, { ...input, code: before.code }, actor.userId || null);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "indicator",
      entityId: id,
      before: strip(before),
      after: input,
      regionId: before.regionId,
    });
  });
  return getIndicatorById({ db, actor, id });
}

/** Retires an indicator (no new values), or brings it back. */
export async function retireIndicator({
  db,
  actor,
  id,
  isRetired,
}: {
  db: Db;
  actor: Actor;
  id: number;
  isRetired: boolean;
}) {
  requirePermission(actor, "indicator.manage");
  const before = await getIndicatorById({ db, actor, id });
  await db.transaction(async (tx) => {
    await setRetired(tx, id, isRetired);
    await recordAudit(tx, {
      actor,
      action: isRetired ? "retire" : "restore",
      entity: "indicator",
      entityId: id,
      before: strip(before),
      regionId: before.regionId,
    });
  });
  return getIndicatorById({ db, actor, id });
}

function strip(row: IndicatorRow & { versions?: unknown }): IndicatorRow {
  // the audit entry keeps the definition, not the whole version list
  const { versions: _v, ...rest } = row;
  return rest;
}
