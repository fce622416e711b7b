import { and, eq, isNotNull } from "drizzle-orm";
import type { Run } from "../../src/core/identification/api.schema";
import { indicators, indicatorValues } from "../../src/server/db/schema";
import { seedRuleSets } from "../../src/server/modules/identification/rule-set.service";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Db } from "../../src/server/platform/db";
import type { Client } from "../support/http";

/** Seeds a region's catalogue and preloaded rule sets, as the demo loader does. */
export async function seedIdentification(db: Db, regionId: number): Promise<void> {
  await seedCatalogue(db, regionId);
  await seedRuleSets(db, regionId);
}

/** Writes (or overwrites) a school's values of one indicator: `{year: value}`. */
export async function putValues(
  db: Db,
  opts: { regionId: number; schoolId: number; code: string; values: Record<number, number> },
): Promise<void> {
  const [indicator] = await db
    .select({ id: indicators.id, versionId: indicators.currentVersionId })
    .from(indicators)
    .where(and(eq(indicators.regionId, opts.regionId), eq(indicators.code, opts.code)));
  if (!indicator?.versionId) throw new Error(`no indicator ${opts.code}`);
  const { id, versionId } = indicator;
  for (const [year, value] of Object.entries(opts.values)) {
    await db
      .insert(indicatorValues)
      .values({
        indicatorId: id,
        versionId,
        schoolId: opts.schoolId,
        year: Number(year),
        value,
        source: "form",
      })
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.schoolId, indicatorValues.year],
        targetWhere: isNotNull(indicatorValues.schoolId),
        set: { value },
      });
  }
}

/** A ШНРО rule set: ЕГЭ maths failures ≥ 0,20 in the run year. */
export const SHNRO_RULES = {
  name: "Тест: ШНРО",
  category: "shnro",
  combine: { kind: "any" },
  minStudents: 10,
  criteria: [
    {
      id: "math",
      label: "ЕГЭ математика",
      kind: "threshold",
      indicatorCode: "ege_math_below_min_share",
      op: ">=",
      value: 0.2,
    },
  ],
};

/** A ШФНСУ rule set: prevention register ≥ 0,30 in the run year. */
export const SHFNSU_RULES = {
  name: "Тест: ШФНСУ",
  category: "shfnsu",
  combine: { kind: "any" },
  criteria: [
    {
      id: "register",
      kind: "threshold",
      indicatorCode: "prevention_register_share",
      op: ">=",
      value: 0.3,
    },
  ],
};

/** A job as GET /api/jobs/:id shows it. */
export type JobState = {
  id: number;
  kind: string;
  status: "created" | "running" | "done" | "failed";
  stage: string | null;
  done: number;
  total: number;
  result: unknown;
  error: string | null;
};

/**
 * Polls a job until it is done or failed and returns its final state. The deadline is a time, not a number of
 * polls, and a generous one (below the test's own timeout): the job takes as long as a busy machine needs.
 */
export async function waitForJob(client: Client, jobId: number): Promise<JobState> {
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    const res = await client.request({ method: "GET", url: `/api/jobs/${jobId}` });
    if (res.statusCode !== 200) throw new Error(`job ${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json() as JobState;
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/**
 * Starts a run through the API (POST /api/identification/runs), waits for its job and returns the
 * stored run as the same client sees it.
 */
export async function runAndWait(client: Client, payload: { ruleSetIds?: number[]; year: number }) {
  const started = await client.request({ method: "POST", url: "/api/identification/runs", payload });
  if (started.statusCode !== 200) throw new Error(`start: ${started.statusCode} ${started.body}`);
  const job = await waitForJob(client, (started.json() as { jobId: number }).jobId);
  if (job.status !== "done") throw new Error(`run failed: ${job.error}`);
  const { runId } = job.result as { runId: number };
  const run = await client.request({ method: "GET", url: `/api/identification/runs/${runId}` });
  return { job, run: run.json() as Run };
}
