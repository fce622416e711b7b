import type { Database } from "../../platform/db";
import { type CacheVersions, isCacheName, readCacheVersions } from "./cache-version.repo";

/** The notification channel the cache version triggers notify on, with the counter's name. */
const CHANNEL = "cache_versions";

/** Where an app server gets the current cache versions from, once per signed-in request. */
export type CacheVersionSource = {
  current: () => Promise<CacheVersions>;
  close: () => Promise<void>;
};

/**
 * On a PostgreSQL server (several app servers may share it) every call reads the counters: one small
 * query, so a change committed by any server is seen by the next request. PGlite is held by this one
 * process, and its notifications arrive as the notifying transaction commits (before the writer goes
 * on), so the counters are kept in memory and moved on by the triggers' notifications: no query.
 */
export async function createCacheVersionSource(database: Database): Promise<CacheVersionSource> {
  const { db, listen } = database;
  if (!listen) return { current: () => readCacheVersions(db), close: async () => {} };
  let versions: CacheVersions = { auth: 0, schools: 0, identification: 0 };
  const unlisten = await listen(CHANNEL, (name) => {
    if (isCacheName(name)) versions = { ...versions, [name]: versions[name] + 1 };
  });
  // Read after listening: a change committed in between is counted either way.
  const stored = await readCacheVersions(db);
  const heard = versions;
  versions = {
    auth: stored.auth + heard.auth,
    schools: stored.schools + heard.schools,
    identification: stored.identification + heard.identification,
  };
  return {
    current: async () => versions,
    close: async () => {
      // A database closed before the app has no listener left to remove.
      await unlisten().catch(() => undefined);
    },
  };
}
