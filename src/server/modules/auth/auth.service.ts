import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { getDummyHash, verifyPassword } from "./password";
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  findUserByLogin,
  insertSession,
  touchSession,
} from "./session.repo";

/** Hashes a session token for storage: a stolen table gives no usable cookie. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The result of a successful sign-in. */
export type LoginResult = { token: string; csrfToken: string; actor: Actor; expiresAt: Date };

/** Checks the login and password and opens a session; one vague error for every failure. */
export async function login({
  db,
  input,
  ttlMs,
  ip,
}: {
  db: Db;
  input: { login: string; password: string };
  ttlMs: number;
  ip?: string;
}): Promise<LoginResult> {
  const user = await findUserByLogin(db, input.login);
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !isValid || !user.isActive) {
    throw new AppError("unauthenticated", "Неверный логин или пароль");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await deleteExpiredSessions(db, now);
  await insertSession(db, { tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
  const actor = toActor(user);
  await recordAudit(db, { actor, action: "login", entity: "session", entityId: String(user.id), ip });
  return { token, csrfToken, actor, expiresAt };
}

/**
 * An actor resolved from a session cookie, with the session's CSRF token, and the session's expiry
 * and last use as the database now holds them (after any sliding of the expiry).
 */
export type ResolvedSession = {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
};

/** The session's sliding expiry moves forward in the database at most this often. */
export const SESSION_TOUCH_EVERY_MS = 60_000;

/** Resolves a cookie token to an actor, sliding the expiry; undefined when missing, expired or inactive. */
export async function resolveSession({
  db,
  token,
  ttlMs,
}: {
  db: Db;
  token: string;
  ttlMs: number;
}): Promise<ResolvedSession | undefined> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const found = await findLiveSession(db, tokenHash, now);
  if (!found?.user.isActive) return undefined;
  let { expiresAt, lastSeenAt } = found.session;
  // Touch at most once a minute to keep reads cheap.
  if (now.getTime() - lastSeenAt.getTime() > SESSION_TOUCH_EVERY_MS) {
    expiresAt = new Date(now.getTime() + ttlMs);
    lastSeenAt = now;
    await touchSession(db, tokenHash, now, expiresAt);
  }
  return { actor: toActor(found.user), csrfToken: found.session.csrfToken, tokenHash, expiresAt, lastSeenAt };
}

/** Closes a session. */
export async function logout({ db, actor, tokenHash }: { db: Db; actor: Actor; tokenHash: string }) {
  await deleteSession(db, tokenHash);
  await recordAudit(db, { actor, action: "logout", entity: "session", entityId: String(actor.userId) });
}

/** Maps a user row to the actor the use cases take. */
export function toActor(user: {
  id: number;
  login: string;
  fullName: string;
  role: Actor["role"];
  regionId: number | null;
  municipalityId: number | null;
  schoolId: number | null;
}): Actor {
  return {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    regionId: user.regionId,
    municipalityId: user.municipalityId,
    schoolId: user.schoolId,
  };
}
