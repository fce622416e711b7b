import type { Db } from "../../platform/db";
import { createBoundedCache } from "../cache/bounded-cache";
import type { CacheVersions } from "../cache/cache-version.repo";
import { hashToken, type ResolvedSession, SESSION_TOUCH_EVERY_MS } from "./auth.service";
import { touchSession } from "./session.repo";

/** Sessions one app server remembers at most. */
const MAX_SESSIONS = 10_000;

/** A resolved session and the `auth` cache version read before it was looked up. */
type CachedSession = { session: ResolvedSession; authVersion: number };

/** Resolves a cookie token to a session, or undefined when it is unknown, expired or its user inactive. */
export type SessionResolver = (
  token: string,
  versions: CacheVersions,
) => Promise<ResolvedSession | undefined>;

/**
 * A per-server cache in front of `resolve` (auth.service resolveSession, with whatever options it
 * takes), holding the whole resolved session (the actor with whatever fields it has). An entry is used only while the `auth` cache version is the one read before
 * the session was looked up — a sign-out, a password change, a deactivated or edited user, on this
 * server or another, bumps it in the same transaction — and only until the expiry it was read with,
 * so a cached session never outlives its expiry. The sliding expiry moves forward as without the cache.
 */
export function createSessionResolver({
  db,
  ttlMs,
  resolve,
}: {
  db: Db;
  ttlMs: number;
  resolve: (token: string) => Promise<ResolvedSession | undefined>;
}): SessionResolver {
  const cache = createBoundedCache<CachedSession>({ maxEntries: MAX_SESSIONS });
  return async (token, versions) => {
    const tokenHash = hashToken(token);
    const now = Date.now();
    const cached = cache.get(tokenHash);
    if (cached && cached.authVersion === versions.auth && cached.session.expiresAt.getTime() > now) {
      if (now - cached.session.lastSeenAt.getTime() <= SESSION_TOUCH_EVERY_MS) return cached.session;
      const touched = { ...cached.session, expiresAt: new Date(now + ttlMs), lastSeenAt: new Date(now) };
      await touchSession(db, tokenHash, touched.lastSeenAt, touched.expiresAt);
      cache.set(tokenHash, { session: touched, authVersion: cached.authVersion });
      return touched;
    }
    cache.delete(tokenHash);
    const session = await resolve(token);
    if (session) cache.set(tokenHash, { session, authVersion: versions.auth });
    return session;
  };
}
