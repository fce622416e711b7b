import { PRELOADED_WORKBOOK, RISK_FACTORS } from "../../../core/causes";
import { PRELOADED_MEASURES } from "../../../core/plans";
import type { Db } from "../../platform/db";
import { type Actor, SYSTEM_ACTOR } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findFactors, insertFactors } from "./factor.repo";
import { findMeasures, insertMeasures } from "./measure.repo";
import { findRegionsLackingCauses } from "./seed.repo";
import { findCurrentWorkbookVersion, insertWorkbookVersion } from "./workbook.repo";

/** What seeding added to a region. */
export type CausesSeedResult = { factors: number; workbook: boolean; measures: number };

/**
 * Gives a region the preloaded causes catalogue it lacks: the factors (by code), the workbook of
 * causes as version 1 when it has no workbook, the measure library (by code). Idempotent: a factor or
 * measure the region has (retired or edited) is left as it is. Audited when anything was added. Call
 * it in the transaction that creates the region or seeds its indicator catalogue.
 */
export async function seedCauses(db: Db, regionId: number, actor: Actor = SYSTEM_ACTOR) {
  const existing = await findFactors(db, regionId);
  const codes = new Set(existing.map((factor) => factor.code));
  const start = existing.reduce((last, factor) => Math.max(last, factor.position), -1) + 1;
  const missing = RISK_FACTORS.filter((factor) => !codes.has(factor.code));
  const factors = await insertFactors(
    db,
    regionId,
    missing.map((definition, index) => ({ definition, position: start + index, updatedBy: null })),
  );
  const hasWorkbook = (await findCurrentWorkbookVersion(db, regionId)) !== undefined;
  if (!hasWorkbook) {
    await insertWorkbookVersion(db, {
      regionId,
      version: PRELOADED_WORKBOOK.version,
      definition: PRELOADED_WORKBOOK,
      note: "",
      createdBy: null,
    });
  }
  const measureCodes = new Set((await findMeasures(db, regionId)).map((measure) => measure.code));
  const measures = await insertMeasures(
    db,
    regionId,
    PRELOADED_MEASURES.filter((measure) => !measureCodes.has(measure.code)),
    null,
  );
  const result: CausesSeedResult = {
    factors: factors.length,
    workbook: !hasWorkbook,
    measures: measures.length,
  };
  if (result.factors > 0 || result.workbook || result.measures > 0) {
    await recordAudit(db, { actor, action: "seed", entity: "cause_catalogue", after: result, regionId });
  }
  return result;
}

/**
 * Seeds every region that lacks part of the preloaded causes catalogue (see {@link seedCauses}), each
 * in its own transaction; at start-up, so that regions made before causes existed get them. Returns
 * the ids of the regions seeded.
 */
export async function seedCausesEverywhere(db: Db): Promise<number[]> {
  const regionIds = await findRegionsLackingCauses(db, {
    factorCodes: RISK_FACTORS.map((factor) => factor.code),
    measureCodes: PRELOADED_MEASURES.map((measure) => measure.code),
  });
  for (const regionId of regionIds) await db.transaction((tx) => seedCauses(tx, regionId));
  return regionIds;
}
