import { z } from "zod";
import { apiGet, apiPost } from "./api";
import { JOB_TIMEOUT, until } from "./wait";

const countsSchema = z.object({
  schools: z.number(),
  shnro: z.number(),
  shfnsu: z.number(),
  both: z.number(),
  insufficientData: z.number(),
  flagged: z.number(),
});

/** An identification run as GET /api/identification/runs answers it (the fields the specs read). */
export const runSchema = z.object({
  id: z.number(),
  year: z.number(),
  status: z.string(),
  counts: countsSchema,
});

/** A stored identification run. */
export type StoredRun = z.infer<typeof runSchema>;

const jobSchema = z.object({
  status: z.enum(["created", "running", "done", "failed"]),
  error: z.string().nullable(),
  result: z.object({ runId: z.number() }).nullable(),
});

/**
 * Polls a job through `readJob` (GET /api/jobs/:id, with whatever session the caller has) until it is done and
 * returns the id of the run it made; a failed job fails with the server's message. The deadline is JOB_TIMEOUT.
 */
export async function waitForRunJob(
  jobId: number,
  readJob: (path: string) => Promise<unknown>,
): Promise<number> {
  return until(
    `the identification job ${jobId} to finish`,
    async () => {
      const job = jobSchema.parse(await readJob(`/api/jobs/${jobId}`));
      if (job.status === "failed") throw new Error(`the identification job ${jobId} failed: ${job.error}`);
      return job.status === "done" ? job.result?.runId : undefined;
    },
    JOB_TIMEOUT,
  );
}

/** Runs identification for a year with every active rule set, through the API, and returns the stored run. */
export async function runIdentification(baseUrl: string, cookie: string, year: number): Promise<StoredRun> {
  const started = z
    .object({ jobId: z.number() })
    .parse(await apiPost(baseUrl, cookie, "/api/identification/runs", { year }));
  const runId = await waitForRunJob(started.jobId, (path) => apiGet(baseUrl, cookie, path, z.unknown()));
  return apiGet(baseUrl, cookie, `/api/identification/runs/${runId}`, runSchema);
}

/**
 * A run of `year` for a spec that needs one: an existing run if there is one (in the given state when one is
 * asked for: "approved", or "done" for one not approved), otherwise a new run through the API, approved when
 * asked. So a spec does not depend on another spec having made it.
 */
export async function findOrRunIdentification(
  baseUrl: string,
  cookie: string,
  { year, status }: { year: number; status?: "approved" | "done" },
): Promise<StoredRun> {
  const runs = await apiGet(baseUrl, cookie, "/api/identification/runs", z.array(runSchema));
  const found = runs.find((run) => run.year === year && (status === undefined || run.status === status));
  if (found) return found;
  const run = await runIdentification(baseUrl, cookie, year);
  if (status !== "approved") return run;
  await apiPost(baseUrl, cookie, `/api/identification/runs/${run.id}/approve`);
  return apiGet(baseUrl, cookie, `/api/identification/runs/${run.id}`, runSchema);
}
