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
