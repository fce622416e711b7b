import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { REGION_WIDE_ROLES } from "../access/access.policy";
import type { Actor } from "../access/actor";
import {
  failQueuedJobRow,
  findJob,
  finishJobRow,
  insertJob,
  type JobRow,
  markJobRunning,
  updateJobProgress,
  updateJobStage,
} from "./job.repo";
import { type JobLock, takeJobLock } from "./job-lock.repo";

/** A job as the API shows it. */
export type JobView = {
  id: number;
  kind: string;
  title: string;
  status: JobRow["status"];
  /** The current stage in words, for work done in stages. */
  stage: string | null;
  done: number;
  total: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    stage: row.stage,
    done: row.done,
    total: row.total,
    result: row.result ?? null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/** Whether the actor may see the job: its creator, or a region-wide user of the job's region. */
function canSeeJob(actor: Actor, job: JobRow): boolean {
  if (actor.userId > 0 && job.createdBy === actor.userId) return true;
  return REGION_WIDE_ROLES.includes(actor.role) && actor.regionId !== null && job.regionId === actor.regionId;
}

/** A job with its progress and result; 404 for a job the actor may not see. */
export async function getJobById({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<JobView> {
  const job = await findJob(db, id);
  if (!job || !canSeeJob(actor, job)) throw notFound("Задание");
  return toView(job);
}

/** Reports a running job's progress to the database, at most every `intervalMs` (the last call always lands). */
export type ProgressReporter = {
  report: (done: number, total: number) => Promise<void>;
  flush: () => Promise<void>;
};

/** A job being worked on: progress and the final state. */
export type JobHandle = {
  id: number;
  progress: ProgressReporter;
  /** Enters a stage (stored at once): its name in words and the progress within it. */
  stage: (stage: string, done: number, total: number) => Promise<void>;
  succeed: (result: unknown, done: number, total: number) => Promise<void>;
  fail: (error: string, result: unknown, done: number, total: number) => Promise<void>;
};

/** A handle for an existing job row (e.g. one created by a route and run in the background). */
function jobHandle(db: Db, id: number, intervalMs = 250): JobHandle {
  let last = 0;
  let pending: { done: number; total: number } | undefined;
  const progress: ProgressReporter = {
    async report(done, total) {
      pending = { done, total };
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      pending = undefined;
      await updateJobProgress(db, id, done, total);
    },
    async flush() {
      if (!pending) return;
      const { done, total } = pending;
      pending = undefined;
      await updateJobProgress(db, id, done, total);
    },
  };
  return {
    id,
    progress,
    stage: async (stage, done, total) => {
      pending = undefined;
      last = Date.now();
      await updateJobStage(db, id, { stage, done, total });
    },
    succeed: (result, done, total) =>
      finishJobRow(db, id, { status: "done", result, error: null, done, total }),
    fail: (error, result, done, total) =>
      finishJobRow(db, id, { status: "failed", result, error, done, total }),
  };
}

/** Creates a job row in the state «created» for work to be started later (see jobHandle). */
export async function createQueuedJob(
  db: Db,
  opts: { actor: Actor; regionId: number | null; kind: string; title: string; payload?: unknown },
): Promise<number> {
  return insertJob(db, {
    regionId: opts.regionId,
    kind: opts.kind,
    title: opts.title,
    payload: opts.payload,
    createdBy: opts.actor.userId > 0 ? opts.actor.userId : null,
  });
}

/**
 * Runs a queued job: takes its lock (job-lock.repo.ts: on a PostgreSQL server, an advisory lock that
 * lives as long as this process, so that the start-up sweep of another process never fails it),
 * marks it running, gives `work` its handle, and gives the lock up when the work has ended, however
 * it ended. `work` stores the final state itself (handle.succeed / handle.fail).
 */
export async function runJob<T>(db: Db, jobId: number, work: (job: JobHandle) => Promise<T>): Promise<T> {
  let lock: JobLock;
  try {
    lock = await takeJobLock(db, jobId);
  } catch (error) {
    // A job another process runs is not touched; one that could not start here is failed.
    if (error instanceof AppError && error.code === "conflict") throw error;
    await failQueuedJobRow(db, jobId, "Задание не запущено: не удалось связаться с базой данных");
    throw error;
  }
  try {
    await markJobRunning(db, jobId);
    return await work(jobHandle(db, jobId));
  } finally {
    await lock.release();
  }
}
