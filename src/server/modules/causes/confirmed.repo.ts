import { and, asc, eq, inArray } from "drizzle-orm";
import { causeFactors, confirmedCauses } from "../../db/schema";
import type { Db } from "../../platform/db";
import type { ChangedBy } from "./response.repo";

/** A confirmed cause of a school and year with its factor. */
export type ConfirmedRow = {
  id: number;
  factorId: number;
  factorCode: string;
  isRetired: boolean;
  note: string;
  confirmedByName: string;
  confirmedAt: Date;
};

/** The causes confirmed for a school in a year, in catalogue order. */
export async function findConfirmedCauses(db: Db, schoolId: number, year: number): Promise<ConfirmedRow[]> {
  return db
    .select({
      id: confirmedCauses.id,
      factorId: confirmedCauses.factorId,
      factorCode: causeFactors.code,
      isRetired: causeFactors.isRetired,
      note: confirmedCauses.note,
      confirmedByName: confirmedCauses.confirmedByName,
      confirmedAt: confirmedCauses.confirmedAt,
    })
    .from(confirmedCauses)
    .innerJoin(causeFactors, eq(causeFactors.id, confirmedCauses.factorId))
    .where(and(eq(confirmedCauses.schoolId, schoolId), eq(confirmedCauses.year, year)))
    .orderBy(asc(causeFactors.position), asc(causeFactors.id));
}

/** Confirms causes for a school and year: who and when are the actor and now. */
export async function insertConfirmedCauses(
  db: Db,
  key: { schoolId: number; year: number },
  rows: readonly { factorId: number; note: string }[],
  by: ChangedBy,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(confirmedCauses)
    .values(
      rows.map((row) => ({
        ...key,
        ...row,
        confirmedBy: by.userId,
        confirmedByName: by.name,
      })),
    )
    // a cause confirmed by a request that came first stays as that request confirmed it
    .onConflictDoNothing();
}

/** Changes the note of a confirmed cause; who confirmed it and when stay. */
export async function updateConfirmedNote(db: Db, id: number, note: string): Promise<void> {
  await db.update(confirmedCauses).set({ note }).where(eq(confirmedCauses.id, id));
}

/** Removes confirmed causes by id. */
export async function deleteConfirmedCauses(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(confirmedCauses).where(inArray(confirmedCauses.id, [...ids]));
}
