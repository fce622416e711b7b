import type { FastifyInstance } from "fastify";
import { resolveSession } from "../modules/auth/auth.service";
import { createSessionResolver } from "../modules/auth/session-cache";
import type { CacheVersionSource } from "../modules/cache/cache-versions";
import { AppError } from "../platform/errors";
import { type AppContext, CSRF_HEADER, SESSION_COOKIE } from "./context";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the session cookie to an actor on every /api request, and checks the CSRF token
 * (double submit: the token given at sign-in must come back in a header) on state-changing requests.
 * A request with a session cookie first takes the cache versions (cache-versions.ts), before any
 * data: the session cache uses them, and so does the answer cache (answer-cache.ts).
 */
export function registerAuthHooks(app: FastifyInstance, ctx: AppContext, versions: CacheVersionSource): void {
  const { db, config } = ctx;
  const sessions = createSessionResolver({
    db,
    ttlMs: config.sessionTtlMs,
    resolve: (token) =>
      resolveSession({ db, token, ttlMs: config.sessionTtlMs, demoEnabled: config.demoEnabled }),
  });
  app.decorateRequest("auth", null);
  app.decorateRequest("cacheVersions", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.cacheVersions = await versions.current();
      request.auth = (await sessions(token, request.cacheVersions)) ?? null;
    }
    // Authentication comes first: an anonymous request to a private route learns nothing, not even
    // whether its input would have been valid.
    if (!request.auth && !request.routeOptions.config?.isPublic) {
      throw new AppError("unauthenticated", "Требуется вход в систему");
    }
    if (request.auth && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.auth.csrfToken) {
        throw new AppError("csrf", "Запрос отклонён: неверный CSRF-токен. Обновите страницу и повторите.");
      }
    }
  });
}
