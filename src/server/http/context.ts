import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../modules/access/actor";
import type { ResolvedSession } from "../modules/auth/auth.service";
import type { CacheVersions } from "../modules/cache/cache-version.repo";
import type { Config } from "../platform/config";
import type { Database, Db } from "../platform/db";
import { AppError } from "../platform/errors";

/** What every route module gets: the database and the configuration. */
export type AppContext = { db: Db; database: Database; config: Config };

declare module "fastify" {
  interface FastifyContextConfig {
    /** A route anyone may call without signing in (health, sign-in, the demo sign-ins). */
    isPublic?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in session, resolved from the cookie; null when anonymous. */
    auth: ResolvedSession | null;
    /** The cache versions read at the start of a signed-in /api request (before any data); else null. */
    cacheVersions: CacheVersions | null;
  }
}

/** Name of the session cookie. */
export const SESSION_COOKIE = "opora_session";

/** Header carrying the CSRF token on state-changing requests. */
export const CSRF_HEADER = "x-csrf-token";

/** The actor of a request, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError("unauthenticated", "Требуется вход в систему");
  return request.auth.actor;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure when configured. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: config.cookieSecure,
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: config.cookieSecure,
  });
}
