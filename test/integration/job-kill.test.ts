import { createWriteStream } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWorkDatabase } from "../../src/cli/commands/shared";
import { importStaging, jobs } from "../../src/server/db/schema";
import { ensureRegion } from "../../src/server/modules/hierarchy/hierarchy.repo";
import { STAGING_BATCH } from "../../src/server/modules/import/value-staging";
import { findIndicators } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { JOB_LOCK_CLASS } from "../../src/server/modules/jobs/job-lock.repo";
import { ABANDONED_JOB_ERROR } from "../../src/server/modules/jobs/job-sweep.service";
import { loadConfig } from "../../src/server/platform/config";
import type { Db } from "../../src/server/platform/db";
import { type CliInstallation, cliInstallations, startOpora } from "../support/cli";
import { actorIn, importFile, tempFolder } from "./import-support";

const SCHOOLS = 10_000;
const INDICATORS = 20;
/** The big file's years; 2023 is loaded beforehand, so the big file changes stored values too. */
const YEARS = [2021, 2022, 2023, 2024, 2025];
const KNOWN_YEAR = 2023;

type Indicator = { code: string; min: number; max: number; unit: string };

async function writeLines(file: string, lines: Iterable<string>): Promise<string> {
  const out = createWriteStream(file);
  let chunk = "";
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.once("finish", () => resolve()));
  return file;
}

function formatValue(indicator: Indicator, share: number): string {
  const value =
    indicator.unit === "count"
      ? Math.round(indicator.min + share * 10)
      : indicator.min + (indicator.max - indicator.min) * share;
  return String(value).replace(".", ",");
}

/** The long table: school, year, indicator, value; `seed` varies the values. */
function* valueLines(indicators: Indicator[], years: number[], seed: number): Generator<string> {
  yield "Код ОО;Год;Показатель;Значение";
  for (const year of years)
    for (let s = 0; s < SCHOOLS; s++)
      for (const indicator of indicators)
        yield `K${s};${year};${indicator.code};${formatValue(indicator, ((s * 7 + year * seed + indicator.code.length) % 100) / 100)}`;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result;
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows))
    return result.rows;
  throw new Error("no rows in the query result");
}

/** A checksum of every stored value and every history row: equal checksums mean the data is as it was. */
async function valuesChecksum(db: Db): Promise<{ values: number; sum: string }> {
  const [row] = rowsOf(
    await db.execute(sql`select
      (select count(*) from indicator_values) as values,
      md5(coalesce((select string_agg(concat_ws(':', id, indicator_id, version_id, school_id, municipality_id, year, value, source, source_ref, entered_by, entered_at), ',' order by id) from indicator_values), '')
        || coalesce((select string_agg(concat_ws(':', id, value_id, old_value, new_value, source, source_ref, changed_by, changed_at), ',' order by id) from indicator_value_history), '')) as sum`),
  );
  return { values: Number(row?.values), sum: String(row?.sum) };
}

/** The value import jobs and their staging row counts. */
async function importJobs(db: Db) {
  const rows = await db
    .select({
      id: jobs.id,
      status: jobs.status,
      error: jobs.error,
      done: jobs.done,
      staged: sql<number>`(select count(*)::int from ${importStaging} where ${importStaging.jobId} = ${jobs.id})`,
    })
    .from(jobs)
    .where(eq(jobs.kind, "import.values"))
    .orderBy(jobs.id);
  return rows;
}

/** Waits until the server holds no job lock in the database (the killed process's connections are gone). */
async function waitForJobLocksReleased(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 600; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = $1 and database = (select oid from pg_database where datname = current_database())",
        [JOB_LOCK_CLASS],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the killed process's job lock is still held after 60 s");
  } finally {
    await client.end();
  }
}

describe.each(cliInstallations())("a value import killed with SIGKILL mid-way, on $kind", (target) => {
  let installation: CliInstallation;
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let bigFile: string;

  beforeAll(async () => {
    installation = await target.create();
    folder = await tempFolder();
    const database = await installation.open();
    try {
      const { db } = database;
      const regionId = await ensureRegion(db, "KL", "Регион для проверки сбоя");
      await seedCatalogue(db, regionId);
      const indicators = (await findIndicators(db, regionId))
        .filter((i) => i.level === "school" && i.unit !== "bool")
        .slice(0, INDICATORS);
      const actor = actorIn(regionId);
      const registry = await writeLines(
        path.join(folder.dir, "schools.csv"),
        (function* () {
          yield "Код ОО;Наименование;Муниципалитет";
          for (let s = 0; s < SCHOOLS; s++) yield `K${s};Школа № ${s};Район ${s % 27}`;
        })(),
      );
      expect((await importFile(db, { actor, kind: "schools", file: registry })).errorCount).toBe(0);
      const known = await writeLines(
        path.join(folder.dir, "known.csv"),
        valueLines(indicators.slice(0, 2), [KNOWN_YEAR], 3),
      );
      expect((await importFile(db, { actor, file: known })).created).toBe(SCHOOLS * 2);
      bigFile = await writeLines(path.join(folder.dir, "big.csv"), valueLines(indicators, YEARS, 13));
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await folder?.remove();
    await installation?.remove();
  });

  it("keeps the values, and the next start-up fails the job with a Russian message and empties its staging", async () => {
    const before = await installation.open();
    const checksum = await valuesChecksum(before.db);
    await before.close();
    expect(checksum.values).toBe(SCHOOLS * 2);

    const child = startOpora(["import", "values", bigFile, "--region", "KL"], installation.env);
    // «строк: N из ~M»: three batches read means two were staged (each waits for the one before).
    await child.waitForStderrLine((line) => Number(/строк: (\d+)/.exec(line)?.[1] ?? 0) >= 3 * STAGING_BATCH);
    child.child.kill("SIGKILL");
    expect(await child.exited).toEqual({ code: null, signal: "SIGKILL" });
    if (installation.env.DATABASE_URL) await waitForJobLocksReleased(installation.env.DATABASE_URL);

    // As the crash left it (opened without the start-up path): the job running, its rows staged.
    const raw = await installation.open();
    const [left] = await importJobs(raw.db).then((all) => all.filter((j) => j.status === "running"));
    expect(await valuesChecksum(raw.db)).toEqual(checksum);
    await raw.close();
    expect(left?.done).toBeGreaterThan(0);
    // import_staging is UNLOGGED: the server keeps the dead job's rows, while PGlite, which crashed
    // with the process, empties unlogged tables in its recovery.
    if (installation.kind === "postgresql") expect(left?.staged).toBeGreaterThanOrEqual(2 * STAGING_BATCH);

    // The next start-up, the way `opora serve` and every command open the database.
    const restarted = await openWorkDatabase(
      loadConfig({ ...installation.env, OPORA_WEB_DIR: "/nonexistent" }),
    );
    try {
      const after = (await importJobs(restarted.db)).find((j) => j.id === left?.id);
      expect(after).toMatchObject({ id: left?.id, status: "failed", error: ABANDONED_JOB_ERROR, staged: 0 });
      const staging = rowsOf(await restarted.db.execute(sql`select count(*)::int as n from import_staging`));
      expect(staging).toEqual([{ n: 0 }]);
      expect(await valuesChecksum(restarted.db)).toEqual(checksum);
    } finally {
      await restarted.close();
    }
  });
});
