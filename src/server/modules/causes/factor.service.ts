import type { z } from "zod";
import { riskFactorSchema } from "../../../core/causes";
import type { FactorItem, FactorList, FactorPatch } from "../../../shared/causes-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { causesRegion } from "./causes-access";
import {
  type FactorRow,
  findFactorById,
  findFactors,
  findLastFactorPosition,
  insertFactors,
  updateFactorRow,
} from "./factor.repo";

/** A stored factor as the API gives it. */
export function toFactorItem(row: FactorRow): FactorItem {
  const { definition } = row;
  return {
    id: row.id,
    code: row.code,
    title: definition.title,
    description: definition.description,
    group: definition.group,
    sources: definition.sources,
    aliases: definition.aliases,
    position: row.position,
    isRetired: row.isRetired,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The region's factor catalogue (retired factors included, flagged), for anyone who reads school data. */
export async function listFactors({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<FactorList> {
  const region = causesRegion(actor, "school.read", regionId);
  const rows = await findFactors(db, region);
  return { items: rows.map(toFactorItem), permissions: { canManage: can(actor, "causes.manage") } };
}

/** Adds a factor to the region's catalogue, last in order (`causes.manage`). */
export async function createFactor({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { definition: z.input<typeof riskFactorSchema>; regionId?: number };
}): Promise<FactorItem> {
  const regionId = causesRegion(actor, "causes.manage", input.regionId);
  const definition = riskFactorSchema.parse(input.definition);
  return db.transaction(async (tx) => {
    const position = (await findLastFactorPosition(tx, regionId)) + 1;
    const [id] = await insertFactors(tx, regionId, [
      { definition, position, updatedBy: actor.userId || null },
    ]);
    if (id === undefined) {
      throw new AppError("conflict", `Фактор с кодом «${definition.code}» уже есть`, [
        { path: "definition.code", message: `Код «${definition.code}» уже занят` },
      ]);
    }
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "cause_factor",
      entityId: id,
      after: definition,
      regionId,
    });
    const row = await findFactorById(tx, regionId, id);
    if (!row) throw notFound("Фактор");
    return toFactorItem(row);
  });
}

/**
 * Edits a factor (its code never changes: answers, measures, plans and the registry refer to it), moves
 * it in the list, or retires it: a retired factor is not offered for new questions, measures or
 * confirmations, and everything that refers to it keeps it. Factors are never deleted.
 */
export async function updateFactor({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: FactorPatch;
}): Promise<FactorItem> {
  const regionId = causesRegion(actor, "causes.manage", input.regionId);
  const before = await findFactorById(db, regionId, id);
  if (!before) throw notFound("Фактор");
  const { position, isRetired, regionId: _region, ...texts } = input;
  const parsed = riskFactorSchema.safeParse({ ...before.definition, ...texts });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    throw new AppError("invalid_input", issues[0]?.message ?? "Неверные данные фактора", issues);
  }
  const after = {
    definition: parsed.data,
    position: position ?? before.position,
    isRetired: isRetired ?? before.isRetired,
  };
  const action = after.isRetired === before.isRetired ? "update" : after.isRetired ? "retire" : "restore";
  return db.transaction(async (tx) => {
    await updateFactorRow(tx, id, { ...after, updatedBy: actor.userId || null });
    await recordAudit(tx, {
      actor,
      action,
      entity: "cause_factor",
      entityId: id,
      before: { definition: before.definition, position: before.position, isRetired: before.isRetired },
      after,
      regionId,
    });
    const row = await findFactorById(tx, regionId, id);
    if (!row) throw notFound("Фактор");
    return toFactorItem(row);
  });
}
