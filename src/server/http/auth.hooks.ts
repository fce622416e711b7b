import type { FastifyInstance } from "fastify";
import { resolveSession } from "../modules/auth/auth.service";
import { AppError } from "../platform/errors";
import { type AppContext, CSRF_HEADER, SESSION_COOKIE } from "./context";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the session cookie to an actor on every /api request, and checks the CSRF token
 * (double submit: the token given at sign-in must come back in a header) on state-changing requests.
 */
export function registerAuthHooks(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token
      ? ((await resolveSession({
          db: ctx.db,
          token,
          ttlMs: ctx.config.sessionTtlMs,
          demoEnabled: ctx.config.demoEnabled,
        })) ?? null)
      : null;
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
