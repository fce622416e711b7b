import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { RiskFactor } from "../../../core/causes";
import { causeFactors } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A factor of a region's catalogue as stored. */
export type FactorRow = typeof causeFactors.$inferSelect;

/** A region's factors in catalogue order (position, then id), retired ones included. */
export async function findFactors(db: Db, regionId: number): Promise<FactorRow[]> {
  return db
    .select()
    .from(causeFactors)
    .where(eq(causeFactors.regionId, regionId))
    .orderBy(asc(causeFactors.position), asc(causeFactors.id));
}

/** One factor of a region, or undefined (another region's looks the same as a missing one). */
export async function findFactorById(db: Db, regionId: number, id: number): Promise<FactorRow | undefined> {
  const [row] = await db
    .select()
    .from(causeFactors)
    .where(and(eq(causeFactors.regionId, regionId), eq(causeFactors.id, id)));
  return row;
}

/** Factors of a region by code (any of `codes`). */
export async function findFactorsByCodes(db: Db, regionId: number, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(causeFactors)
    .where(and(eq(causeFactors.regionId, regionId), inArray(causeFactors.code, [...codes])));
}

/** The largest position in a region's catalogue (−1 when empty), to put a new factor last. */
export async function findLastFactorPosition(db: Db, regionId: number): Promise<number> {
  const [row] = await db
    .select({ last: max(causeFactors.position) })
    .from(causeFactors)
    .where(eq(causeFactors.regionId, regionId));
  return row?.last ?? -1;
}

/** Adds factors to a region; a code the region already has is skipped. Returns the ids added. */
export async function insertFactors(
  db: Db,
  regionId: number,
  rows: readonly { definition: RiskFactor; position: number; updatedBy: number | null }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const added = await db
    .insert(causeFactors)
    .values(rows.map((row) => ({ regionId, code: row.definition.code, ...row })))
    .onConflictDoNothing()
    .returning({ id: causeFactors.id });
  return added.map((row) => row.id);
}

/** Changes a factor's definition, position or retirement. */
export async function updateFactorRow(
  db: Db,
  id: number,
  values: { definition: RiskFactor; position: number; isRetired: boolean; updatedBy: number | null },
): Promise<void> {
  await db
    .update(causeFactors)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(causeFactors.id, id));
}
