import pg from "pg";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";

/**
 * The first key of the advisory locks of running jobs ("OPOR" in ASCII); the second is the job id.
 * A session-level lock lives as long as the connection that took it: PostgreSQL drops it when the
 * process holding that connection dies, however it dies (kill -9 included).
 */
export const JOB_LOCK_CLASS = 0x4f504f52;

/** The lock of a running job; release() gives it up (by closing its connection). */
export type JobLock = { release: () => Promise<void> };

/**
 * The PostgreSQL server's pool under the database, or undefined for PGlite: there, one process opens
 * the data directory, so a job lives exactly as long as that process and needs no lock.
 */
export function serverPool(db: Db): pg.Pool | undefined {
  if (!("$client" in db)) return undefined;
  const client = db.$client;
  return client instanceof pg.Pool ? client : undefined;
}

async function tryLock(client: pg.ClientBase, jobId: number): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1, $2) as locked", [
    JOB_LOCK_CLASS,
    jobId,
  ]);
  return rows[0]?.locked === true;
}

async function unlock(client: pg.ClientBase, jobId: number): Promise<void> {
  await client.query("select pg_advisory_unlock($1, $2)", [JOB_LOCK_CLASS, jobId]);
}

/**
 * Takes the lock of a job about to run, on a connection of its own outside the pool (so that a long
 * job does not take one of the pool's connections from the work). Throws AppError «conflict» when
 * another live process holds it. On PGlite a no-op.
 */
export async function takeJobLock(db: Db, jobId: number): Promise<JobLock> {
  const pool = serverPool(db);
  if (!pool) return { release: async () => {} };
  const client = new pg.Client(pool.options);
  // A lock connection the server closes must not end the process; the job's own queries go on.
  client.on("error", (error) => {
    process.stderr.write(`PostgreSQL: соединение блокировки задания ${jobId} закрыто: ${error.message}\n`);
  });
  await client.connect();
  try {
    if (!(await tryLock(client, jobId)))
      throw new AppError("conflict", `Задание ${jobId} уже выполняет другой процесс`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    release: async () => {
      await client.end().catch(() => undefined);
    },
  };
}

/**
 * Calls `onAbandoned` for each of the jobs whose lock no live process holds — each while this
 * process holds that lock, so that no process can take it meanwhile — and returns the ids for which
 * it answered true. On PGlite every job given is abandoned: this process alone has the data directory.
 */
export async function forEachAbandonedJob(
  db: Db,
  jobIds: number[],
  onAbandoned: (jobId: number) => Promise<boolean>,
): Promise<number[]> {
  const pool = serverPool(db);
  const abandoned: number[] = [];
  if (!pool) {
    for (const id of jobIds) if (await onAbandoned(id)) abandoned.push(id);
    return abandoned;
  }
  if (jobIds.length === 0) return abandoned;
  const client = await pool.connect();
  try {
    for (const id of jobIds) {
      if (!(await tryLock(client, id))) continue;
      try {
        if (await onAbandoned(id)) abandoned.push(id);
      } finally {
        await unlock(client, id);
      }
    }
  } finally {
    client.release();
  }
  return abandoned;
}
