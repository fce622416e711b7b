import { cacheVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** The kinds of cached data, each with its counter row (see db/schema/cache.ts). */
export const CACHE_NAMES = ["auth", "schools", "identification"] as const;

/** A kind of cached data. */
export type CacheName = (typeof CACHE_NAMES)[number];

/** The cache counters as one read saw them; -1 for a counter row that is missing. */
export type CacheVersions = Readonly<Record<CacheName, number>>;

/** Whether a notification payload or a row names a cache counter. */
export function isCacheName(name: string): name is CacheName {
  return (CACHE_NAMES as readonly string[]).includes(name);
}

/**
 * Reads every cache counter in one query. Read it before the data an answer is computed from: an
 * answer cached under this version is then never older than the version says.
 */
export async function readCacheVersions(db: Db): Promise<CacheVersions> {
  const rows = await db.select().from(cacheVersions);
  const versions: Record<CacheName, number> = { auth: -1, schools: -1, identification: -1 };
  for (const row of rows) if (isCacheName(row.name)) versions[row.name] = row.version;
  return versions;
}
