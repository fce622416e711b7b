import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type DemoLoadSummary, loadDemoRegion } from "../../src/server/modules/demo/demo.service";
import { type Database, openDatabase } from "../../src/server/platform/db";

/**
 * The demo region loaded once and copied for every test that only needs it loaded: loading it takes far longer
 * than copying a loaded database (a PGlite data directory dump; a PostgreSQL template database), and the suites
 * that start from it would otherwise load it once each on each engine. The copy is made from what the demo is
 * built of — the server and core code and the migrations, hashed into the key — so a change to any of them makes
 * a new one. Tests of the demo loader itself (what a load writes, loading twice) still call loadDemoRegion.
 */
export type DemoDatabase = { database: Database; summary: DemoLoadSummary };

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const KEY_INPUTS = ["src/server", "src/core", "src/shared", "node_modules/@electric-sql/pglite/package.json"];

async function filesUnder(relative: string): Promise<string[]> {
  const full = path.join(ROOT, relative);
  if (!full.endsWith(".json") && existsSync(full)) {
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.endsWith(".test.ts"))
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
      .sort();
  }
  return [relative];
}

let keyOnce: Promise<string> | undefined;
/** A short hash of the code and migrations the demo region is made by. */
function demoKey(): Promise<string> {
  keyOnce ??= (async () => {
    const hash = createHash("sha256");
    for (const input of KEY_INPUTS) {
      for (const file of await filesUnder(input)) {
        hash.update(file);
        hash.update(await readFile(path.join(ROOT, file)));
      }
    }
    return hash.digest("hex").slice(0, 12);
  })();
  return keyOnce;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `build` under a lock shared by every test process of the machine (a folder made atomically), unless `ready`
 * already holds; a process waiting for another's build goes on once it is ready. A lock left by a killed
 * process (its pid gone) is taken over. The wait has no deadline of its own: the test hook's timeout bounds it.
 */
async function onceAcrossProcesses(lock: string, ready: () => boolean, build: () => Promise<void>) {
  while (!ready()) {
    try {
      await mkdir(lock);
    } catch {
      const owner = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => "0"));
      if (owner > 0 && !alive(owner)) await rm(lock, { recursive: true, force: true });
      else await pause(200);
      continue;
    }
    try {
      await writeFile(path.join(lock, "pid"), String(process.pid));
      if (!ready()) await build();
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** A fresh in-memory PGlite database holding the demo region, from a dump made once. */
export async function openPgliteDemo(): Promise<DemoDatabase> {
  const dir = path.join(tmpdir(), `opora-it-demo-${await demoKey()}`);
  const done = () => existsSync(path.join(dir, "READY"));
  await onceAcrossProcesses(`${dir}.lock`, done, async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      const summary = await loadDemoRegion({ db: database.db });
      const client = (database.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir("none");
      const building = `${dir}.building-${process.pid}`;
      await rm(building, { recursive: true, force: true });
      await mkdir(building);
      await writeFile(path.join(building, "data.tar"), Buffer.from(await dump.arrayBuffer()));
      await writeFile(path.join(building, "summary.json"), JSON.stringify(summary));
      await writeFile(path.join(building, "READY"), new Date().toISOString());
      await rm(dir, { recursive: true, force: true });
      await rename(building, dir);
    } finally {
      await database.close();
    }
  });
  const summary = JSON.parse(await readFile(path.join(dir, "summary.json"), "utf8")) as DemoLoadSummary;
  const data = await readFile(path.join(dir, "data.tar"));
  const database = await openDatabase({ dataDir: "memory://", loadDataDir: new Blob([data]) });
  return { database, summary };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Repeats a statement while the server answers 55006 (the database is still used by closing connections). */
async function whileInUse(client: pg.Client, sql: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(sql);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || attempt >= 100) throw err;
      await pause(100);
    }
  }
}

/**
 * A template database on the server holding the demo region, made once under an advisory lock (released by the
 * server if its holder dies); the load summary is kept as the database's comment. Returns its name.
 */
async function serverDemoTemplate(url: string): Promise<string> {
  const name = `opora_it_demo_${await demoKey()}`;
  const exists = (client: pg.Client) =>
    client.query("select 1 from pg_database where datname = $1", [name]).then((r) => (r.rowCount ?? 0) > 0);
  return withClient(url, async (admin) => {
    if (await exists(admin)) return name;
    await admin.query("select pg_advisory_lock(hashtext('opora_it_demo'))");
    try {
      if (await exists(admin)) return name;
      const building = `opora_it_building_${process.pid}`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const target = new URL(url);
      target.pathname = `/${building}`;
      const database = await openDatabase({ databaseUrl: target.toString(), dataDir: "memory://" });
      let summary: DemoLoadSummary;
      try {
        summary = await loadDemoRegion({ db: database.db });
      } finally {
        await database.close();
      }
      const comment = JSON.stringify(summary).replaceAll("'", "''");
      await admin.query(`comment on database ${building} is '${comment}'`);
      await whileInUse(admin, `alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext('opora_it_demo'))");
    }
  });
}

/** A fresh database on the server holding the demo region, copied from the template; close() drops it. */
export async function openServerDemo(
  url: string,
  create: (url: string, template: string) => Promise<{ url: string; drop: () => Promise<void> }>,
): Promise<DemoDatabase> {
  const template = await serverDemoTemplate(url);
  const summary = await withClient(url, async (admin) => {
    const row = await admin.query(
      "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
      [template],
    );
    return JSON.parse(row.rows[0].comment) as DemoLoadSummary;
  });
  const created = await create(url, template);
  const database = await openDatabase({ databaseUrl: created.url, dataDir: "memory://" });
  return {
    summary,
    database: {
      ...database,
      close: async () => {
        await database.close();
        await created.drop();
      },
    },
  };
}
