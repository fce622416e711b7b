import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { getDummyHash, verifyPassword } from "./password";
import {
  deleteExpiredSessions,
  deleteSession,
  findDemoRegionIds,
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
  demoEnabled,
  ip,
}: {
  db: Db;
  input: { login: string; password: string };
  ttlMs: number;
  /** false on a server started with --no-demo: demo accounts do not sign in */
  demoEnabled: boolean;
  ip?: string;
}): Promise<LoginResult> {
  const user = await findUserByLogin(db, input.login);
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !isValid || !user.isActive) {
    throw new AppError("unauthenticated", "Неверный логин или пароль");
  }
  if (user.isDemo && !demoEnabled) {
    throw new AppError("unauthenticated", "Демо-учётные записи на этом сервере отключены");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await deleteExpiredSessions(db, now);
  await insertSession(db, { tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
  const actor = await actorForUser(db, user);
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
  demoEnabled,
}: {
  db: Db;
  token: string;
  ttlMs: number;
  /** false on a server started with --no-demo: a demo account's session is not honoured */
  demoEnabled: boolean;
}): Promise<ResolvedSession | undefined> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const found = await findLiveSession(db, tokenHash, now);
  if (!found?.user.isActive) return undefined;
  if (found.user.isDemo && !demoEnabled) return undefined;
  let { expiresAt, lastSeenAt } = found.session;
  // Touch at most once a minute to keep reads cheap.
  if (now.getTime() - lastSeenAt.getTime() > SESSION_TOUCH_EVERY_MS) {
    expiresAt = new Date(now.getTime() + ttlMs);
    lastSeenAt = now;
    await touchSession(db, tokenHash, now, expiresAt);
  }
  return {
    actor: await actorForUser(db, found.user),
    csrfToken: found.session.csrfToken,
    tokenHash,
    expiresAt,
    lastSeenAt,
  };
}

/** Closes a session. */
export async function logout({ db, actor, tokenHash }: { db: Db; actor: Actor; tokenHash: string }) {
  await deleteSession(db, tokenHash);
  await recordAudit(db, { actor, action: "logout", entity: "session", entityId: String(actor.userId) });
}

/** The columns of a user row that make an actor. */
type ActorUser = {
  id: number;
  login: string;
  fullName: string;
  role: Actor["role"];
  regionId: number | null;
  municipalityId: number | null;
  schoolId: number | null;
  isDemo: boolean;
};

/**
 * Maps a user row to the actor the use cases take. A federal operator reads every region, except a
 * demo federal account, which reads the demo regions only (also when real regions live beside them).
 */
export async function actorForUser(db: Db, user: ActorUser): Promise<Actor> {
  const federalRegionIds =
    user.role === "federal_operator" && user.isDemo ? await findDemoRegionIds(db) : null;
  return toActor(user, federalRegionIds);
}

/** Maps a user row to an actor, given the regions a federal operator may read (null: all). */
export function toActor(user: ActorUser, federalRegionIds: readonly number[] | null): Actor {
  return {
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    regionId: user.regionId,
    municipalityId: user.municipalityId,
    schoolId: user.schoolId,
    isDemo: user.isDemo,
    federalRegionIds: user.role === "federal_operator" ? federalRegionIds : null,
  };
}
