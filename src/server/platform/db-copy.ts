import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./db";

/**
 * Bulk-loads a binary COPY payload (see encodeCopyBinary) into `target` — a table with its column
 * list, e.g. `import_staging (job_id, value)` — in a transaction of its own. With `skipTriggers`
 * the row-by-row foreign-key triggers are off for that transaction (session_replication_role =
 * replica: a superuser connection, which PGlite always is); the caller vouches for the references.
 * Drizzle has no COPY, so this talks to the driver under it: PGlite reads the payload as a blob,
 * node-postgres streams it (pg-copy-streams). `db` must be the database, not a transaction.
 */
export async function copyBinaryInto(
  db: Db,
  target: string,
  payload: Buffer,
  opts: { skipTriggers: boolean },
): Promise<void> {
  const statement = `copy ${target} from stdin with (format binary)`;
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) {
    await client.transaction(async (tx) => {
      if (opts.skipTriggers) await tx.exec("set local session_replication_role = replica");
      await tx.query(statement.replace("from stdin", "from '/dev/blob'"), [], {
        blob: new Blob([new Uint8Array(payload)]),
      });
    });
    return;
  }
  await copyThroughPool(client as pg.Pool, statement, payload, opts.skipTriggers);
}

async function copyThroughPool(
  pool: pg.Pool,
  statement: string,
  payload: Buffer,
  skipTriggers: boolean,
): Promise<void> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query("begin");
    if (skipTriggers) await client.query("set local session_replication_role = replica");
    await pipeline(Readable.from([payload]), client.query(copyFrom(statement)));
    await client.query("commit");
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection that failed mid-COPY may be in any protocol state: drop it rather than reuse it.
    client.release(failed);
  }
}

/**
 * Whether statements can run side by side on separate connections (a PostgreSQL server's pool);
 * false for PGlite, whose one connection a transaction holds until it ends.
 */
export function hasSeparateConnections(db: Db): boolean {
  return !((db as unknown as { $client: unknown }).$client instanceof PGlite);
}
