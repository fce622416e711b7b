import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { importStaging, jobs } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A stored job row. */
export type JobRow = typeof jobs.$inferSelect;

/** The states of a job: created (queued), running, done (succeeded), failed. */
export type JobStatus = JobRow["status"];

/** Inserts a job in the state «created»; returns its id. */
export async function insertJob(
  db: Db,
  values: {
    regionId: number | null;
    kind: string;
    title: string;
    payload?: unknown;
    createdBy: number | null;
  },
): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({ ...values, payload: values.payload ?? null })
    .returning({ id: jobs.id });
  if (!row) throw new Error("Задание не создано");
  return row.id;
}

/** Marks a job running. */
export async function markJobRunning(db: Db, id: number): Promise<void> {
  await db.update(jobs).set({ status: "running" }).where(eq(jobs.id, id));
}

/** Stores the progress of a job: rows done of total (total 0 when not known yet). */
export async function updateJobProgress(db: Db, id: number, done: number, total: number): Promise<void> {
  await db.update(jobs).set({ done, total }).where(eq(jobs.id, id));
}

/** Stores the stage a job has entered (in words) with its progress within the stage. */
export async function updateJobStage(
  db: Db,
  id: number,
  values: { stage: string; done: number; total: number },
): Promise<void> {
  await db.update(jobs).set(values).where(eq(jobs.id, id));
}

/** Finishes a job: its final state, result (summary) and error text. */
export async function finishJobRow(
  db: Db,
  id: number,
  values: { status: "done" | "failed"; result: unknown; error: string | null; done: number; total: number },
): Promise<void> {
  await db
    .update(jobs)
    .set({ ...values, finishedAt: sql`now()` })
    .where(eq(jobs.id, id));
}

/** One job by id, or undefined. */
export async function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Fails a job that has not started (state «created»); a job in any other state is left as it is. */
export async function failQueuedJobRow(db: Db, id: number, message: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "failed", error: message, finishedAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.status, "created")));
}

/** The ids of the jobs in the state «running». */
export async function findRunningJobIds(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.status, "running"))
    .orderBy(asc(jobs.id));
  return rows.map((r) => r.id);
}

/**
 * Fails a job left «running» by a process that died, with the message, and deletes its staging rows,
 * in one transaction. A job that is no longer running (it finished meanwhile) is left as it is.
 */
export async function failAbandonedJobRow(db: Db, id: number, message: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const failed = await tx
      .update(jobs)
      .set({ status: "failed", error: message, finishedAt: sql`now()` })
      .where(and(eq(jobs.id, id), eq(jobs.status, "running")))
      .returning({ id: jobs.id });
    if (failed.length === 0) return false;
    await tx.delete(importStaging).where(eq(importStaging.jobId, id));
    return true;
  });
}

/** Deletes the staging rows of jobs that are not running (left by an import that could not clean up). */
export async function deleteStagingOfIdleJobs(db: Db): Promise<void> {
  const running = db.select({ id: jobs.id }).from(jobs).where(eq(jobs.status, "running"));
  await db.delete(importStaging).where(notInArray(importStaging.jobId, running));
}
