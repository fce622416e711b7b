import { and, eq, ne } from "drizzle-orm";
import { identificationRuns } from "../../db/schema";
import type { Db } from "../../platform/db";

/**
 * Marks a run approved by a user, if it is not approved yet; false when it already was (another
 * approval came first).
 */
export async function approveRunRow(
  db: Db,
  id: number,
  by: { userId: number | null; name: string },
): Promise<boolean> {
  const rows = await db
    .update(identificationRuns)
    .set({ status: "approved", approvedBy: by.userId, approvedByName: by.name, approvedAt: new Date() })
    .where(and(eq(identificationRuns.id, id), eq(identificationRuns.status, "done")))
    .returning({ id: identificationRuns.id });
  return rows.length > 0;
}

/**
 * Takes an approved run's approval back: the run is «done» again, with who withdrew it, when and
 * why; false when it was not approved (another withdrawal came first).
 */
export async function withdrawRunRow(
  db: Db,
  id: number,
  by: { userId: number | null; name: string; reason: string },
): Promise<boolean> {
  const rows = await db
    .update(identificationRuns)
    .set({
      status: "done",
      approvedBy: null,
      approvedByName: null,
      approvedAt: null,
      withdrawnBy: by.userId,
      withdrawnByName: by.name,
      withdrawnAt: new Date(),
      withdrawalReason: by.reason,
    })
    .where(and(eq(identificationRuns.id, id), eq(identificationRuns.status, "approved")))
    .returning({ id: identificationRuns.id });
  return rows.length > 0;
}

/**
 * Withdraws the other approved runs of a region's year, as replaced by the run just approved: a year
 * has one official list. Each keeps who replaced it, when and the reason; returns the ids withdrawn.
 */
export async function supersedeApprovedRuns(
  db: Db,
  run: { id: number; regionId: number; year: number },
  by: { userId: number | null; name: string; reason: string },
): Promise<number[]> {
  const rows = await db
    .update(identificationRuns)
    .set({
      status: "done",
      approvedBy: null,
      approvedByName: null,
      approvedAt: null,
      withdrawnBy: by.userId,
      withdrawnByName: by.name,
      withdrawnAt: new Date(),
      withdrawalReason: by.reason,
    })
    .where(
      and(
        eq(identificationRuns.regionId, run.regionId),
        eq(identificationRuns.year, run.year),
        eq(identificationRuns.status, "approved"),
        ne(identificationRuns.id, run.id),
      ),
    )
    .returning({ id: identificationRuns.id });
  return rows.map((row) => row.id);
}
