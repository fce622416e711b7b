import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { createQueuedJob, runJob } from "../jobs/job.service";
import { type IdentifyProgress, identifyRegion } from "./identify.service";
import { type PreparedRun, prepareRun, storeRun } from "./run.service";

/** The job kind of an identification run. */
export const RUN_JOB_KIND = "identification.run";

const STAGES = ["Загрузка данных", "Проверка критериев", "Сохранение результатов"] as const;

/** «Этап 2 из 3: проверка критериев». */
function stageLabel(index: number): string {
  const name = STAGES[index] ?? "";
  return `Этап ${index + 1} из ${STAGES.length}: ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** What the job stores as its error: the Russian message of a refusal, else a general one. */
function failureMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return "Выявление прервано из-за внутренней ошибки; подробности — в журнале сервера";
}

/**
 * Executes a prepared run as a job: loads the facts, evaluates the rule sets school by school
 * (progress: schools done of total), stores the snapshot. The job ends done with `{ runId }`, or
 * failed with a Russian message (and the error is rethrown for the log).
 */
export async function executeRunJob(
  db: Db,
  opts: { actor: Actor; run: PreparedRun; jobId: number },
): Promise<number> {
  const { actor, run, jobId } = opts;
  return runJob(db, jobId, async (job) => {
    let position = { done: 0, total: 0 };
    const onProgress = async (progress: IdentifyProgress) => {
      if (progress.stage === "load") return job.stage(stageLabel(0), 0, 0);
      if (position.total === 0) await job.stage(stageLabel(1), 0, progress.total);
      position = { done: progress.done, total: progress.total };
      await job.progress.report(progress.done, progress.total);
    };
    try {
      const results = await identifyRegion(db, { ...run, onProgress });
      await job.stage(stageLabel(2), 0, results.length);
      const runId = await storeRun(db, actor, run, results);
      await job.succeed({ runId }, results.length, results.length);
      return runId;
    } catch (err) {
      await job.fail(failureMessage(err), null, position.done, position.total);
      throw err;
    }
  });
}

/**
 * Starts a run over every school of the region as a job and returns at once with its id; the job
 * (GET /api/jobs/:id) shows the stage and progress, and ends with the run id. Region roles only;
 * the request is checked before the job is created.
 */
export async function startIdentificationRun({
  db,
  actor,
  input,
  onFailure,
}: {
  db: Db;
  actor: Actor;
  input: { ruleSetIds?: number[]; year: number; regionId?: number };
  onFailure: (error: unknown) => void;
}): Promise<{ jobId: number }> {
  const run = await prepareRun(db, actor, input);
  const jobId = await createQueuedJob(db, {
    actor,
    regionId: run.regionId,
    kind: RUN_JOB_KIND,
    title: `Выявление ШНРО и ШФНСУ за ${run.year} год`,
    payload: { year: run.year, ruleSetIds: run.ruleSets.map((r) => r.ruleSetId) },
  });
  void executeRunJob(db, { actor, run, jobId }).catch(onFailure);
  return { jobId };
}
