import { and, asc, eq, sql } from "drizzle-orm";
import type { Measure } from "../../../core/plans";
import { measures } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A measure of a region's library as stored. */
export type MeasureRow = typeof measures.$inferSelect;

/** A region's measures by code, optionally only those addressing one factor; retired ones included. */
export async function findMeasures(
  db: Db,
  regionId: number,
  opts: { factorCode?: string } = {},
): Promise<MeasureRow[]> {
  return db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.regionId, regionId),
        opts.factorCode ? sql`${opts.factorCode} = any(${measures.factorCodes})` : undefined,
      ),
    )
    .orderBy(asc(measures.id));
}

/** One measure of a region, or undefined. */
export async function findMeasureById(db: Db, regionId: number, id: number): Promise<MeasureRow | undefined> {
  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.regionId, regionId), eq(measures.id, id)));
  return row;
}

/** Adds measures to a region; a code the region already has is skipped. Returns the ids added. */
export async function insertMeasures(
  db: Db,
  regionId: number,
  rows: readonly Measure[],
  updatedBy: number | null,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const added = await db
    .insert(measures)
    .values(
      rows.map((definition) => ({
        regionId,
        code: definition.code,
        definition,
        factorCodes: definition.factorCodes,
        updatedBy,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: measures.id });
  return added.map((row) => row.id);
}

/** Changes a measure's definition (its factor codes follow) or retirement. */
export async function updateMeasureRow(
  db: Db,
  id: number,
  values: { definition: Measure; isRetired: boolean; updatedBy: number | null },
): Promise<void> {
  await db
    .update(measures)
    .set({ ...values, factorCodes: values.definition.factorCodes, updatedAt: new Date() })
    .where(eq(measures.id, id));
}
