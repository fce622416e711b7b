import type { Db } from "../../platform/db";
import { deleteStagingOfIdleJobs, failAbandonedJobRow, findRunningJobIds } from "./job.repo";
import { forEachAbandonedJob } from "./job-lock.repo";

/** The error stored on a job whose process stopped before the job finished. */
export const ABANDONED_JOB_ERROR =
  "Прервано: процесс остановился, не закончив работу (его завершили или он упал). " +
  "Ничего из этого задания не записано; запустите его заново.";

/**
 * Start-up recovery, run whenever a process opens the database (`opora serve` and every command):
 * the jobs left «running» by a process that died are marked failed with ABANDONED_JOB_ERROR and
 * their staging rows deleted; staging rows of jobs not running are deleted too. The work such a job
 * did is already gone: imports and runs write in one transaction, which died with the process.
 *
 * With several app servers on one PostgreSQL, a job is failed only when no live process holds its
 * lock (runJob holds it while the job runs, and the server drops it when the holder dies). On PGlite
 * only one process opens the data directory, so every job running when it opens is dead.
 * Call it right after opening, before this process starts a job. Returns the ids of the jobs it failed.
 */
export async function failAbandonedJobs(db: Db): Promise<number[]> {
  const running = await findRunningJobIds(db);
  const failed = await forEachAbandonedJob(db, running, (id) =>
    failAbandonedJobRow(db, id, ABANDONED_JOB_ERROR),
  );
  await deleteStagingOfIdleJobs(db);
  return failed;
}
