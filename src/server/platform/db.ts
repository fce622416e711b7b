import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../db/schema";

/** The Drizzle database, whichever driver is behind it. Repositories take this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which engine serves the data. */
export type DatabaseKind = "pglite" | "postgresql";

/**
 * An open database with its kind and a way to close it. PGlite (one process holds it) also offers
 * `listen`: its notifications arrive in this process as the notifying transaction commits.
 */
export type Database = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
  listen?: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
};

/** Where the committed SQL migrations are. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/migrations");

/**
 * Opens the database: a PostgreSQL server when `databaseUrl` is given, otherwise PGlite in `dataDir`
 * (or in memory when `dataDir` is "memory://"). Applies the migrations before returning (those of
 * `migrationsFolder` when given: tests of a migration stop before it).
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  migrationsFolder?: string;
  /** For an in-memory PGlite: a data directory dump (PGlite's dumpDataDir) to start from. */
  loadDataDir?: Blob;
}): Promise<Database> {
  const migrationsFolder = opts.migrationsFolder ?? MIGRATIONS_DIR;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, an administrator) must not end the process:
    // the pool drops it and opens a new one for the next query.
    pool.on("error", (err) => {
      process.stderr.write(`PostgreSQL: соединение из пула закрыто сервером: ${err.message}\n`);
    });
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return { db, kind: "postgresql", close: () => pool.end() };
  }
  const isMemory = opts.dataDir.startsWith("memory://");
  if (!isMemory) mkdirSync(opts.dataDir, { recursive: true });
  const client = isMemory ? new PGlite({ loadDataDir: opts.loadDataDir }) : new PGlite(opts.dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db,
    kind: "pglite",
    close: () => client.close(),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
  };
}
