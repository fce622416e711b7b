import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../modules/access/actor";
import { createBoundedCache } from "../modules/cache/bounded-cache";
import type { CacheName, CacheVersions } from "../modules/cache/cache-version.repo";

/**
 * The GET routes whose answers each app server keeps, with the cache counters their answers depend
 * on: the triggers bump a counter with every write to the tables behind it (migration
 * 0009_cache_version_triggers), so a route belongs here only if everything it reads is behind the
 * counters named. A route that starts reading another table needs that table's trigger first.
 */
export const CACHED_ROUTES: Readonly<Record<string, readonly CacheName[]>> = {
  "/api/schools": ["schools"],
  "/api/schools/:id": ["schools"],
  "/api/identification/runs/:id/results": ["schools", "identification"],
  "/api/schools/:id/identification": ["schools", "identification"],
};

/**
 * Answers kept at most per server, and their total length in UTF-16 code units (Cyrillic JSON takes
 * two bytes each: at most 32 MiB). The demo region's list, run results, cards and histories for one
 * actor come to under 3 million (2.9 MB of UTF-8).
 */
const MAX_ANSWERS = 5000;
const MAX_CHARS = 16 * 1024 * 1024;

type CachedAnswer = { stamp: string; contentType: string; payload: string };

/** Where a request's answer is to be kept, and how those waiting for the same answer learn of it. */
type AnswerSlot = { key: string; stamp: string; settle: (answer: CachedAnswer | null) => void };

/** An answer being computed: requests for the same key and stamp wait for it rather than compute it again. */
type InFlight = { stamp: string; answer: Promise<CachedAnswer | null>; settle: AnswerSlot["settle"] };

declare module "fastify" {
  interface FastifyRequest {
    /** Set when the request's route is cached and its answer was not found: it computes the answer. */
    answerSlot: AnswerSlot | null;
  }
}

/** The key of an actor's whole scope: every field of the actor, whatever fields it has, sorted. */
function actorKey(actor: Actor): string {
  return JSON.stringify(Object.entries(actor).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The versions an answer was computed under, of the counters its route depends on. */
function stampOf(versions: CacheVersions, names: readonly CacheName[]): string {
  return names.map((name) => versions[name]).join(".");
}

function keyFor(request: FastifyRequest): { key: string; stamp: string } | null {
  const names = CACHED_ROUTES[request.routeOptions.url ?? ""];
  if (!names || request.method !== "GET" || !request.auth || !request.cacheVersions) return null;
  return {
    key: `${actorKey(request.auth.actor)}\n${request.url}`,
    stamp: stampOf(request.cacheVersions, names),
  };
}

/**
 * Keeps the successful JSON answers of CACHED_ROUTES per app server, keyed by the whole actor (so
 * by role and scope) and the URL, and sends one again while the counters it depends on — read at the
 * start of the request, before any data — are unchanged. Requests that miss the same answer at the
 * same time wait for the first one to compute it. Register before compression: what is kept is the
 * serialised JSON, compressed again per request for each client.
 */
export function registerAnswerCache(app: FastifyInstance): void {
  const cache = createBoundedCache<CachedAnswer>({
    maxEntries: MAX_ANSWERS,
    maxWeight: MAX_CHARS,
    weigh: (answer) => answer.payload.length,
  });
  const inFlight = new Map<string, InFlight>();
  const finish = (request: FastifyRequest, answer: CachedAnswer | null) => {
    const slot = request.answerSlot;
    if (!slot) return;
    request.answerSlot = null;
    if (answer) cache.set(slot.key, answer);
    if (inFlight.get(slot.key)?.settle === slot.settle) inFlight.delete(slot.key);
    slot.settle(answer);
  };
  app.decorateRequest("answerSlot", null);
  app.addHook("preHandler", async (request, reply) => {
    const wanted = keyFor(request);
    if (!wanted) return;
    let hit = cache.get(wanted.key);
    const computing = inFlight.get(wanted.key);
    if (hit?.stamp !== wanted.stamp && computing?.stamp === wanted.stamp)
      hit = (await computing.answer) ?? undefined;
    if (hit?.stamp === wanted.stamp) return reply.type(hit.contentType).send(hit.payload);
    let settle: AnswerSlot["settle"] = () => {};
    const answer = new Promise<CachedAnswer | null>((resolve) => {
      settle = resolve;
    });
    inFlight.set(wanted.key, { stamp: wanted.stamp, answer, settle });
    request.answerSlot = { ...wanted, settle };
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const slot = request.answerSlot;
    if (!slot) return payload;
    const contentType = reply.getHeader("content-type");
    const isKept = reply.statusCode === 200 && typeof payload === "string" && typeof contentType === "string";
    finish(request, isKept ? { stamp: slot.stamp, contentType, payload } : null);
    return payload;
  });
  // An answer that never reached onSend (the client went away) releases those waiting for it.
  app.addHook("onResponse", async (request) => finish(request, null));
  app.addHook("onRequestAbort", async (request) => finish(request, null));
}
