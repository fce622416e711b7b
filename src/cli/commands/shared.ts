import { loadConfig } from "../../server/platform/config";
import { type Database, openDatabase } from "../../server/platform/db";

/** Opens the configured database (PGlite in OPORA_DATA_DIR, or DATABASE_URL), runs `fn`, closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Prints a line to standard output. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
