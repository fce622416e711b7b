import { rm } from "node:fs/promises";
import path from "node:path";
import { type Database, type DatabaseKind, openDatabase } from "../../src/server/platform/db";
import { testEngines } from "../../test/support/db";

/** A database engine a benchmark runs on: a fresh in-memory PGlite, or a throw-away database on the server. */
export type BenchEngine = { kind: DatabaseKind; open: () => Promise<Database> };

/**
 * PGlite always; the PostgreSQL server too when DATABASE_URL is set (a fresh database per run,
 * dropped on close, exactly as in the integration tests).
 */
export function benchEngines(): BenchEngine[] {
  return testEngines();
}

/** Opens a PGlite database in a directory (on disk), for benchmarks that want the real file system. */
export function openPgliteAt(dataDir: string): Promise<Database> {
  return openDatabase({ dataDir });
}

/**
 * Like benchEngines, but PGlite keeps its data in a fresh directory under `dir`, as the product does
 * (`npm start`), removed on close. Use it for benchmarks that write a lot: PGlite's in-memory file
 * system copies a growing file on every extension, so bulk writes into memory:// slow down with the
 * size of the table (a million staged values: ten times slower) and hold the whole database in RAM.
 */
export function benchEnginesOnDisk(dir: string): BenchEngine[] {
  let opened = 0;
  const onDisk: BenchEngine = {
    kind: "pglite",
    open: async () => {
      const dataDir = path.join(dir, `pglite-${opened++}`);
      const database = await openPgliteAt(dataDir);
      return {
        ...database,
        close: async () => {
          await database.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
  return [onDisk, ...benchEngines().filter((engine) => engine.kind !== "pglite")];
}
