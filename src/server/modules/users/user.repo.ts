import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { schools, userSchoolAssignments, users } from "../../db/schema";
import type { Db } from "../../platform/db";

/** Users of a region (or all, for null), with their assigned schools. */
export async function findUsers(db: Db, regionId: number | null) {
  const rows = await db
    .select()
    .from(users)
    .where(regionId === null ? undefined : eq(users.regionId, regionId))
    .orderBy(asc(users.login));
  const assignments = rows.length
    ? await db
        .select()
        .from(userSchoolAssignments)
        .where(
          inArray(
            userSchoolAssignments.userId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map(({ passwordHash: _hash, ...u }) => ({
    ...u,
    assignedSchoolIds: assignments.filter((a) => a.userId === u.id).map((a) => a.schoolId),
  }));
}

/** A user by id. */
export async function findUserById(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** True when the login is taken (case-insensitive). */
export async function isLoginTaken(db: Db, login: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.login}) = lower(${login})`);
  return Boolean(row);
}

/** Inserts a user; returns the id. */
export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<number> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  if (!row) throw new Error("Пользователь не создан");
  return row.id;
}

/** Updates a user's columns. */
export async function updateUserRow(db: Db, id: number, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(values).where(eq(users.id, id));
}

/** Replaces a user's assigned schools. */
export async function replaceAssignments(db: Db, userId: number, schoolIds: number[]): Promise<void> {
  await db.delete(userSchoolAssignments).where(eq(userSchoolAssignments.userId, userId));
  if (schoolIds.length) {
    await db.insert(userSchoolAssignments).values(schoolIds.map((schoolId) => ({ userId, schoolId })));
  }
}

/** How many of these schools lie in the region and, optionally, a municipality. */
export async function countSchoolsIn(db: Db, ids: number[], where: SQL | undefined): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(inArray(schools.id, ids), where));
  return rows.length;
}

/** The region and municipality of a school. */
export async function findSchoolPlace(db: Db, schoolId: number) {
  const [row] = await db
    .select({ regionId: schools.regionId, municipalityId: schools.municipalityId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row;
}
