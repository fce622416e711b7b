import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type DatabaseKind, openDatabase } from "../../src/server/platform/db";
import { type DemoDatabase, openPgliteDemo, openServerDemo } from "./demo-db";

/**
 * A database engine that integration tests run on: open() gives an empty migrated database, openDemo() one that
 * holds the demo region already (copied from a load made once, see demo-db.ts).
 */
export type TestEngine = {
  kind: DatabaseKind;
  open: () => Promise<Database>;
  openDemo: () => Promise<DemoDatabase>;
};

/**
 * The engines to run integration tests on: in-memory PGlite always, and the PostgreSQL server
 * when DATABASE_URL is set. Each open() gives a fresh, migrated, isolated database that close() removes.
 */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [
    { kind: "pglite", open: () => openDatabase({ dataDir: "memory://" }), openDemo: openPgliteDemo },
  ];
  const url = process.env.DATABASE_URL;
  if (url)
    engines.push({
      kind: "postgresql",
      open: () => openServerTestDatabase(url),
      openDemo: () => openServerDemo(url, createServerTestDatabase),
    });
  return engines;
}

/** Creates a throw-away database on the server, migrates it, and drops it on close. */
async function openServerTestDatabase(url: string): Promise<Database> {
  const created = await createServerTestDatabase(url);
  const database = await openDatabase({ databaseUrl: created.url, dataDir: "memory://" });
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * Creates an empty database on the server: its URL, and a way to drop it once every connection to
 * it is closed. For tests that open it several times (before and after a migration).
 */
export async function createServerTestDatabase(
  url: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `opora_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
        break;
      } catch (err) {
        // 55006: the template is being copied by another test at this moment
        if ((err as { code?: string }).code !== "55006" || attempt >= 100) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return { url: testUrl.toString(), drop: () => dropDatabase(url, name) };
}

/**
 * Drops a test database. The pool's connections may still be closing when its end() resolves;
 * dropping `with (force)` at once would kill them mid-close and surface as an uncaught error, so a
 * plain drop is retried for a few seconds first.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: url });
  await dropper.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await dropper.query(`drop database if exists ${name}`);
        return;
      } catch (err) {
        // 55006: the database is still being accessed by other users (the closing connections).
        if ((err as { code?: string }).code !== "55006") throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await dropper.query(`drop database if exists ${name} with (force)`);
  } finally {
    await dropper.end();
  }
}
