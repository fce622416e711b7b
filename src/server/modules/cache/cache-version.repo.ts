import { cacheVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** The cache counters as one read saw them (see db/schema/cache.ts); -1 when a counter row is missing. */
export type CacheVersions = { auth: number; schools: number };

/**
 * Reads every cache counter in one query. Read it before the data an answer is computed from: an
 * answer cached under this version is then never older than the version says.
 */
export async function readCacheVersions(db: Db): Promise<CacheVersions> {
  const rows = await db.select().from(cacheVersions);
  const versions: CacheVersions = { auth: -1, schools: -1 };
  for (const row of rows) {
    if (row.name === "auth" || row.name === "schools") versions[row.name] = row.version;
  }
  return versions;
}
