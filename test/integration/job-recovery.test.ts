import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStaging, jobs } from "../../src/server/db/schema";
import { createQueuedJob, runJob } from "../../src/server/modules/jobs/job.service";
import { JOB_LOCK_CLASS } from "../../src/server/modules/jobs/job-lock.repo";
import { ABANDONED_JOB_ERROR, failAbandonedJobs } from "../../src/server/modules/jobs/job-sweep.service";
import { type Database, type Db, openDatabase } from "../../src/server/platform/db";
import { createServerTestDatabase, testEngines } from "../support/db";
import { buildRegion } from "../support/factories";
import { actorIn } from "./import-support";

/** Adds `count` staging rows to a job, as an import in progress would. */
async function stage(db: Db, jobId: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    jobId,
    rowNumber: i + 2,
    indicatorId: 1,
    versionId: 1,
    schoolId: null,
    municipalityId: null,
    year: 2025,
    value: i,
  }));
  await db.insert(importStaging).values(rows);
}

async function stagedRows(db: Db, jobId: number): Promise<number> {
  const rows = await db
    .select({ jobId: importStaging.jobId })
    .from(importStaging)
    .where(eq(importStaging.jobId, jobId));
  return rows.length;
}

async function jobState(db: Db, jobId: number) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!row) throw new Error(`no job ${jobId}`);
  return row;
}

/** A job row in a given state, as a process would have left it. */
async function jobIn(db: Db, regionId: number, status: "created" | "running" | "done" | "failed") {
  const id = await createQueuedJob(db, {
    actor: actorIn(regionId),
    regionId,
    kind: "import.values",
    title: status,
  });
  if (status !== "created") await db.update(jobs).set({ status }).where(eq(jobs.id, id));
  return id;
}

describe.each(testEngines())("start-up recovery of jobs on $kind", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("fails the jobs left running with the Russian message and deletes their staging rows; the rest stay", async () => {
    const { db } = database;
    const region = await buildRegion(db);
    const dead = await jobIn(db, region.id, "running");
    const done = await jobIn(db, region.id, "done");
    const queued = await jobIn(db, region.id, "created");
    await stage(db, dead, 500);
    await stage(db, done, 20);

    const failed = await failAbandonedJobs(db);

    expect(failed).toEqual([dead]);
    const after = await jobState(db, dead);
    expect(after.status).toBe("failed");
    expect(after.error).toBe(ABANDONED_JOB_ERROR);
    expect(after.error).toMatch(/^Прервано: процесс остановился, не закончив работу/);
    expect(after.finishedAt).not.toBeNull();
    expect(await stagedRows(db, dead)).toBe(0);
    expect(await stagedRows(db, done)).toBe(0);
    expect((await jobState(db, done)).status).toBe("done");
    expect((await jobState(db, queued)).status).toBe("created");
    expect(await failAbandonedJobs(db)).toEqual([]);
  });

  it("runs a job through runJob: running while the work runs, the work's final state after it", async () => {
    const { db } = database;
    const region = await buildRegion(db);
    const id = await jobIn(db, region.id, "created");
    const result = await runJob(db, id, async (job) => {
      expect((await jobState(db, id)).status).toBe("running");
      await job.succeed({ ok: true }, 1, 1);
      return 42;
    });
    expect(result).toBe(42);
    expect(await jobState(db, id)).toMatchObject({ status: "done", result: { ok: true } });
  });
});

/** The advisory locks of jobs held on the server now, by job id. */
async function heldJobLocks(client: pg.Client): Promise<number[]> {
  const { rows } = await client.query<{ objid: number }>(
    "select objid::int as objid from pg_locks where locktype = 'advisory' and classid = $1 and database = (select oid from pg_database where datname = current_database())",
    [JOB_LOCK_CLASS],
  );
  return rows.map((r) => r.objid);
}

describe.runIf(process.env.DATABASE_URL)("job locks with several app servers on one PostgreSQL", () => {
  let server: { url: string; drop: () => Promise<void> };
  let first: Database;
  let second: Database;
  let observer: pg.Client;

  beforeAll(async () => {
    server = await createServerTestDatabase(String(process.env.DATABASE_URL));
    first = await openDatabase({ databaseUrl: server.url, dataDir: "memory://" });
    second = await openDatabase({ databaseUrl: server.url, dataDir: "memory://" });
    observer = new pg.Client({ connectionString: server.url });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await first?.close();
    await second?.close();
    await server?.drop();
  });

  it("never fails a job whose lock a live process holds, and fails one whose process is gone", async () => {
    const region = await buildRegion(first.db);
    const live = await jobIn(first.db, region.id, "created");
    const dead = await jobIn(first.db, region.id, "running");
    let started: () => void = () => {};
    const isStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finish: () => void = () => {};
    const mayFinish = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const running = runJob(first.db, live, async (job) => {
      await stage(first.db, live, 300);
      started();
      await mayFinish;
      await job.succeed(null, 300, 300);
    });
    await isStarted;
    expect(await heldJobLocks(observer)).toEqual([live]);

    // Another app server starts up meanwhile: its sweep finds two running jobs.
    expect(await failAbandonedJobs(second.db)).toEqual([dead]);
    expect((await jobState(second.db, live)).status).toBe("running");
    expect(await stagedRows(second.db, live)).toBe(300);
    expect((await jobState(second.db, dead)).status).toBe("failed");

    finish();
    await running;
    expect((await jobState(second.db, live)).status).toBe("done");
    expect(await heldJobLocks(observer)).toEqual([]);
  });

  it("refuses to run a job another process is running", async () => {
    const region = await buildRegion(first.db);
    const id = await jobIn(first.db, region.id, "created");
    let release: () => void = () => {};
    const mayEnd = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const isStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const running = runJob(first.db, id, async (job) => {
      started();
      await mayEnd;
      await job.succeed({ by: "first" }, 1, 1);
    });
    await isStarted;
    let ranTwice = false;
    const twice = runJob(second.db, id, async () => {
      ranTwice = true;
    });
    await expect(twice).rejects.toThrow(/уже выполняет другой процесс/);
    expect(ranTwice).toBe(false);
    expect(await jobState(second.db, id)).toMatchObject({ status: "running", error: null });
    release();
    await running;
    expect(await jobState(second.db, id)).toMatchObject({ status: "done", result: { by: "first" } });
  });
});
