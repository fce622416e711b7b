import type { z } from "zod";
import { type Measure, measureSchema, validateMeasureLibrary } from "../../../core/plans";
import type { MeasureItem, MeasureList, MeasurePatch } from "../../../shared/causes-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findIndicatorMetas } from "../identification/facts.repo";
import { causesRegion } from "./causes-access";
import { findFactors } from "./factor.repo";
import {
  findMeasureById,
  findMeasures,
  insertMeasures,
  type MeasureRow,
  updateMeasureRow,
} from "./measure.repo";

type Names = { factors: Map<string, string>; indicators: Map<string, string> };

async function namesOf(db: Db, regionId: number): Promise<Names & { retired: Set<string> }> {
  const [factors, indicators] = await Promise.all([
    findFactors(db, regionId),
    findIndicatorMetas(db, regionId),
  ]);
  return {
    factors: new Map(factors.map((row) => [row.code, row.definition.title])),
    retired: new Set(factors.filter((row) => row.isRetired).map((row) => row.code)),
    indicators: new Map(indicators.map((meta) => [meta.code, meta.name])),
  };
}

function toItem(row: MeasureRow, names: Names): MeasureItem {
  const { definition } = row;
  return {
    id: row.id,
    code: row.code,
    definition,
    isRetired: row.isRetired,
    updatedAt: row.updatedAt.toISOString(),
    factors: definition.factorCodes.map((code) => ({ code, title: names.factors.get(code) ?? code })),
    indicators: definition.indicatorCodes.map((code) => ({ code, name: names.indicators.get(code) ?? code })),
  };
}

/**
 * The region's measure library (retired measures included, flagged), or the measures addressing one
 * factor, each with the indicators it should move; for anyone who reads school data.
 */
export async function listMeasures({
  db,
  actor,
  factorCode,
  regionId,
}: {
  db: Db;
  actor: Actor;
  factorCode?: string;
  regionId?: number;
}): Promise<MeasureList> {
  const region = causesRegion(actor, "school.read", regionId);
  const [rows, names] = await Promise.all([findMeasures(db, region, { factorCode }), namesOf(db, region)]);
  return {
    items: rows.map((row) => toItem(row, names)),
    permissions: { canManage: can(actor, "causes.manage") },
  };
}

/**
 * Checks a measure against the library (validateMeasureLibrary): its code unique, its factors the
 * region's factors in use (or ones it already had), its indicators in the region's catalogue.
 */
async function checkMeasure(db: Db, regionId: number, measure: Measure, before: MeasureRow | undefined) {
  const names = await namesOf(db, regionId);
  const had = new Set(before?.definition.factorCodes ?? []);
  const factorCodes = [...names.factors.keys()].filter((code) => !names.retired.has(code) || had.has(code));
  const problems = validateMeasureLibrary([measure], {
    factorCodes,
    indicatorCodes: [...names.indicators.keys()],
  });
  const others = await findMeasures(db, regionId);
  if (others.some((row) => row.code === measure.code && row.id !== before?.id)) {
    problems.unshift(`Код меры «${measure.code}» уже занят`);
  }
  for (const code of measure.factorCodes) {
    if (names.retired.has(code) && !had.has(code)) {
      problems.push(`Мера «${measure.title}»: причина «${code}» выведена из употребления`);
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      "invalid_input",
      problems[0] ?? "Мера не сохранена",
      problems.map((message) => ({ path: "definition", message })),
    );
  }
  return names;
}

/** Adds a measure to the region's library (`causes.manage`). */
export async function createMeasure({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { definition: z.input<typeof measureSchema>; regionId?: number };
}): Promise<MeasureItem> {
  const regionId = causesRegion(actor, "causes.manage", input.regionId);
  const definition = measureSchema.parse(input.definition);
  const names = await checkMeasure(db, regionId, definition, undefined);
  return db.transaction(async (tx) => {
    const [id] = await insertMeasures(tx, regionId, [definition], actor.userId || null);
    if (id === undefined) throw new AppError("conflict", `Код меры «${definition.code}» уже занят`);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "measure",
      entityId: id,
      after: definition,
      regionId,
    });
    const row = await findMeasureById(tx, regionId, id);
    if (!row) throw new AppError("not_found", "Мера не найдена");
    return toItem(row, names);
  });
}

/** Edits a measure of the region's library (its code stays), retires it or brings it back (`causes.manage`). */
export async function updateMeasure({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: MeasurePatch;
}): Promise<MeasureItem> {
  const regionId = causesRegion(actor, "causes.manage", input.regionId);
  const before = await findMeasureById(db, regionId, id);
  if (!before) throw new AppError("not_found", "Мера не найдена");
  const definition = input.definition ?? before.definition;
  if (definition.code !== before.code) {
    const message = `Код меры не меняется: «${before.code}»`;
    throw new AppError("invalid_input", message, [{ path: "definition.code", message }]);
  }
  // retiring alone checks nothing: the definition stays as it was
  const names = input.definition
    ? await checkMeasure(db, regionId, definition, before)
    : await namesOf(db, regionId);
  const isRetired = input.isRetired ?? before.isRetired;
  const action = isRetired === before.isRetired ? "update" : isRetired ? "retire" : "restore";
  return db.transaction(async (tx) => {
    await updateMeasureRow(tx, id, { definition, isRetired, updatedBy: actor.userId || null });
    await recordAudit(tx, {
      actor,
      action,
      entity: "measure",
      entityId: id,
      before: { definition: before.definition, isRetired: before.isRetired },
      after: { definition, isRetired },
      regionId,
    });
    const row = await findMeasureById(tx, regionId, id);
    if (!row) throw new AppError("not_found", "Мера не найдена");
    return toItem(row, names);
  });
}
