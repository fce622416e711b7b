import type { FastifyInstance } from "fastify";
import { type Database, openDatabase } from "../../src/server/platform/db";
import { createServerTestDatabase, type TestEngine } from "../support/db";
import { buildTestApp } from "../support/http";

/**
 * Two app servers over one database, each with its own caches, as an installation with several app
 * servers runs: on PostgreSQL two connection pools to one fresh database; on PGlite (one process holds
 * it) two apps over the one open database.
 */
export type TwoServers = {
  database: Database;
  a: FastifyInstance;
  b: FastifyInstance;
  close: () => Promise<void>;
};

/** Opens a fresh database of the engine and builds two apps over it. */
export async function openTwoServers(
  engine: TestEngine,
  env: Record<string, string> = {},
): Promise<TwoServers> {
  const url = process.env.DATABASE_URL;
  if (engine.kind === "postgresql" && url) {
    const created = await createServerTestDatabase(url);
    const first = await openDatabase({ databaseUrl: created.url, dataDir: "memory://" });
    const second = await openDatabase({ databaseUrl: created.url, dataDir: "memory://" });
    const a = await buildTestApp(first, env);
    const b = await buildTestApp(second, env);
    return {
      database: first,
      a,
      b,
      close: async () => {
        await a.close();
        await b.close();
        await first.close();
        await second.close();
        await created.drop();
      },
    };
  }
  const database = await engine.open();
  const a = await buildTestApp(database, env);
  const b = await buildTestApp(database, env);
  return {
    database,
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await database.close();
    },
  };
}
