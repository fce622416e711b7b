import { and, eq, gt, lt, sql } from "drizzle-orm";
import { regions, sessions, users } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A user row as needed to sign in. */
export type UserForLogin = typeof users.$inferSelect;

/** Finds an active or inactive user by login, case-insensitively. */
export async function findUserByLogin(db: Db, login: string): Promise<UserForLogin | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.login}) = lower(${login})`).limit(1);
  return row;
}

/** Stores a new session. */
export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(s);
}

/** A live session with its user. */
export type SessionWithUser = { session: typeof sessions.$inferSelect; user: typeof users.$inferSelect };

/** Finds a session that has not expired, with its user. */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<SessionWithUser | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

/** Moves a session's expiry forward (sliding expiry) and records the time it was seen. */
export async function touchSession(db: Db, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

/** Deletes one session (sign-out). */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Deletes every session of a user (on deactivation or password change). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes expired sessions. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Ids of the demo regions (a demo federal account reads only these). */
export async function findDemoRegionIds(db: Db): Promise<number[]> {
  const rows = await db.select({ id: regions.id }).from(regions).where(eq(regions.isDemo, true));
  return rows.map((r) => r.id);
}
