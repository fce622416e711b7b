import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema, loginInputSchema, meSchema } from "../../../shared/api";
import { type AppContext, clearSessionCookie, requireActor, setSessionCookie } from "../../http/context";
import { login, logout } from "./auth.service";
import { getMe } from "./me.service";

/** Sign-in, sign-out and "who am I". Sign-in is rate-limited per IP address. */
export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/auth/login",
    {
      config: { isPublic: true, rateLimit: { max: ctx.config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Вход в систему",
        body: loginInputSchema,
        response: { 200: meSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await login({
        db: ctx.db,
        input: request.body,
        ttlMs: ctx.config.sessionTtlMs,
        demoEnabled: ctx.config.demoEnabled,
        ip: request.ip,
      });
      setSessionCookie(reply, ctx.config, result.token, result.expiresAt);
      return getMe({ db: ctx.db, actor: result.actor, csrfToken: result.csrfToken });
    },
  );
  r.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Выход", response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.auth) await logout({ db: ctx.db, actor, tokenHash: request.auth.tokenHash });
      clearSessionCookie(reply, ctx.config);
      return { ok: true as const };
    },
  );
  r.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Текущий пользователь",
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return getMe({ db: ctx.db, actor, csrfToken: request.auth?.csrfToken ?? "" });
    },
  );
}
