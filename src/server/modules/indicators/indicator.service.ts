import { INDICATOR_CATALOGUE, type IndicatorDefinition } from "../../../core/indicators";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import {
  findIndicator,
  findIndicators,
  findVersions,
  type IndicatorRow,
  insertIndicator,
  insertVersion,
  setRetired,
} from "./indicator.repo";

/** The region the actor works in; a federal operator names one. */
export function actorRegionId(actor: Actor, regionId?: number): number {
  const id = actor.regionId ?? regionId;
  if (id === undefined || id === null) {
    throw new AppError("invalid_input", "Укажите регион", [{ path: "regionId", message: "Обязательно" }]);
  }
  return id;
}

/** Loads the preloaded catalogue into a region that has none of its indicators yet. */
export async function seedCatalogue(db: Db, regionId: number): Promise<number> {
  const existing = new Set((await findIndicators(db, regionId)).map((i) => i.code));
  let added = 0;
  for (const def of INDICATOR_CATALOGUE) {
    if (existing.has(def.code)) continue;
    await insertIndicator(db, regionId, def, null);
    added++;
  }
  return added;
}

/** The region's indicator catalogue, for anyone who reads school data. */
export async function listIndicators({ db, actor, regionId }: { db: Db; actor: Actor; regionId?: number }) {
  requirePermission(actor, "school.read");
  return findIndicators(db, actorRegionId(actor, regionId));
}

/** One indicator with every version of its definition. */
export async function getIndicatorById({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  requirePermission(actor, "school.read");
  const row = await findIndicator(db, actorRegionId(actor), id);
  if (!row) throw notFound("Показатель");
  return { ...row, versions: await findVersions(db, id) };
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
    await recordAudit(tx, { actor, action: "create", entity: "indicator", entityId: newId, after: input });
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
  input: Omit<IndicatorDefinition, "code">;
}) {
  requirePermission(actor, "indicator.manage");
  const before = await getIndicatorById({ db, actor, id });
  await db.transaction(async (tx) => {
    await insertVersion(tx, id, { ...input, code: before.code }, actor.userId || null);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "indicator",
      entityId: id,
      before: strip(before),
      after: input,
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
    });
  });
  return getIndicatorById({ db, actor, id });
}

function strip(row: IndicatorRow & { versions?: unknown }): IndicatorRow {
  const { versions: _v, ...rest } = row;
  return rest;
}
