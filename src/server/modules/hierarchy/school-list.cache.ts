import type { Actor } from "../access/actor";
import { createBoundedCache } from "../cache/bounded-cache";

/** A school list as JSON text and the `schools` cache version read before it was computed. */
export type CachedSchoolList = { version: number; json: string };

/** The query of a school list. */
export type SchoolListQuery = { municipalityId?: number; q?: string; limit: number; offset: number };

/** Cached school lists of one app server, by actor and query. */
export type SchoolListCache = {
  get: (actor: Actor, query: SchoolListQuery, version: number) => string | undefined;
  set: (actor: Actor, query: SchoolListQuery, entry: CachedSchoolList) => void;
};

/** Lists kept at most, and their total size (UTF-16 code units of the JSON text, roughly bytes). */
const MAX_LISTS = 500;
const MAX_CHARS = 64 * 1024 * 1024;

/** The key of an actor's whole scope: every field of the actor, whatever fields it has, sorted. */
function actorKey(actor: Actor): string {
  const fields = Object.entries(actor).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(fields);
}

/**
 * Creates the per-server cache of school lists. A list is keyed by the whole actor (so by its role
 * and scope: the rows and the permissions in them) and the query, and is served only under the
 * `schools` cache version it was computed after — the triggers bump it with every write to schools,
 * municipalities, assignments or regions, on any server.
 */
export function createSchoolListCache(): SchoolListCache {
  const cache = createBoundedCache<CachedSchoolList>({
    maxEntries: MAX_LISTS,
    maxWeight: MAX_CHARS,
    weigh: (entry) => entry.json.length,
  });
  const keyOf = (actor: Actor, q: SchoolListQuery) =>
    `${actorKey(actor)}\n${JSON.stringify([q.municipalityId ?? null, q.q ?? null, q.limit, q.offset])}`;
  return {
    get: (actor, query, version) => {
      const entry = cache.get(keyOf(actor, query));
      return entry?.version === version ? entry.json : undefined;
    },
    set: (actor, query, entry) => cache.set(keyOf(actor, query), entry),
  };
}
