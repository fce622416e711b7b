import { asc, eq } from "drizzle-orm";
import { planComments, planEvents, planVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** Records a step of a plan's review. */
export async function insertPlanEvent(db: Db, values: typeof planEvents.$inferInsert): Promise<void> {
  await db.insert(planEvents).values(values);
}

/** A plan's review steps, oldest first, each with the number of its version. */
export async function findPlanEvents(db: Db, planId: number) {
  return db
    .select({
      id: planEvents.id,
      version: planVersions.version,
      action: planEvents.action,
      fromStatus: planEvents.fromStatus,
      toStatus: planEvents.toStatus,
      message: planEvents.message,
      actorName: planEvents.actorName,
      at: planEvents.at,
    })
    .from(planEvents)
    .innerJoin(planVersions, eq(planVersions.id, planEvents.versionId))
    .where(eq(planEvents.planId, planId))
    .orderBy(asc(planEvents.at), asc(planEvents.id));
}

/** Records review comments (or the author's answers). */
export async function insertPlanComments(db: Db, rows: (typeof planComments.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(planComments).values(rows);
}

/** Every comment on a plan, of every version, oldest first, each with the number of its version. */
export async function findPlanComments(db: Db, planId: number) {
  return db
    .select({
      id: planComments.id,
      version: planVersions.version,
      activityId: planComments.activityId,
      side: planComments.side,
      body: planComments.body,
      authorName: planComments.authorName,
      createdAt: planComments.createdAt,
    })
    .from(planComments)
    .innerJoin(planVersions, eq(planVersions.id, planComments.versionId))
    .where(eq(planComments.planId, planId))
    .orderBy(asc(planComments.createdAt), asc(planComments.id));
}
