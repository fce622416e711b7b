import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { RequestStatus } from "../../../core/support";
import {
  municipalities,
  schools,
  specialistRequests,
  specialistSessions,
  userSchoolAssignments,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";

/**
 * Which requests the actor sees, over `specialist_requests` joined with `schools`: a specialist only
 * those assigned to them, a mentor none, everyone else the requests of the schools in their scope (a
 * school its own, a МОЦ its municipality's, the region all).
 */
export function requestScope(actor: Actor): SQL | undefined {
  if (actor.role === "specialist") return eq(specialistRequests.specialistId, actor.userId);
  if (actor.role === "mentor") return sql`false`;
  return schoolScope(actor);
}

const requestColumns = {
  id: specialistRequests.id,
  regionId: specialistRequests.regionId,
  schoolId: specialistRequests.schoolId,
  schoolCode: schools.code,
  schoolName: schools.shortName,
  municipalityId: specialistRequests.municipalityId,
  municipalityName: municipalities.name,
  specialistKind: specialistRequests.specialistKind,
  target: specialistRequests.target,
  reason: specialistRequests.reason,
  status: specialistRequests.status,
  specialistId: specialistRequests.specialistId,
  specialistName: users.fullName,
  scheduledOn: specialistRequests.scheduledOn,
  filedOn: specialistRequests.filedOn,
  createdAt: specialistRequests.createdAt,
  assignedAt: specialistRequests.assignedAt,
  startedAt: specialistRequests.startedAt,
  doneAt: specialistRequests.doneAt,
};

/** A request as read. */
export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];

/** Requests in the scope (requestScope) with the filters, newest first. */
export async function findRequests(
  db: Db,
  scope: SQL | undefined,
  q: { status?: RequestStatus; schoolId?: number; ids?: number[] } = {},
) {
  return db
    .select(requestColumns)
    .from(specialistRequests)
    .innerJoin(schools, eq(schools.id, specialistRequests.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, specialistRequests.municipalityId))
    .leftJoin(users, eq(users.id, specialistRequests.specialistId))
    .where(
      and(
        scope,
        q.status === undefined ? undefined : eq(specialistRequests.status, q.status),
        q.schoolId === undefined ? undefined : eq(specialistRequests.schoolId, q.schoolId),
        q.ids === undefined ? undefined : inArray(specialistRequests.id, q.ids),
      ),
    )
    .orderBy(desc(specialistRequests.createdAt), desc(specialistRequests.id));
}

/** One request in the scope, or undefined. */
export async function findRequestInScope(db: Db, id: number, scope: SQL | undefined) {
  const [row] = await findRequests(db, and(scope, eq(specialistRequests.id, id)));
  return row;
}

/** Inserts requests; returns their ids. */
export async function insertRequests(db: Db, rows: (typeof specialistRequests.$inferInsert)[]) {
  if (rows.length === 0) return [];
  const out = await db.insert(specialistRequests).values(rows).returning({ id: specialistRequests.id });
  return out.map((row) => row.id);
}

/** Changes a request (its state and moments), only when it is still in `fromStatus`; returns whether it did. */
export async function updateRequestRow(
  db: Db,
  id: number,
  fromStatus: RequestStatus,
  values: Partial<typeof specialistRequests.$inferInsert>,
): Promise<boolean> {
  const out = await db
    .update(specialistRequests)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(specialistRequests.id, id), eq(specialistRequests.status, fromStatus)))
    .returning({ id: specialistRequests.id });
  return out.length > 0;
}

/** The records of requests, oldest first. */
export async function findSessions(db: Db, requestIds: number[]) {
  if (requestIds.length === 0) return [];
  return db
    .select()
    .from(specialistSessions)
    .where(inArray(specialistSessions.requestId, requestIds))
    .orderBy(asc(specialistSessions.heldOn), asc(specialistSessions.id));
}

/** Inserts records of work; returns their ids. */
export async function insertSessions(db: Db, rows: (typeof specialistSessions.$inferInsert)[]) {
  if (rows.length === 0) return [];
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const out = await db
      .insert(specialistSessions)
      .values(rows.slice(i, i + 1000))
      .returning({ id: specialistSessions.id });
    ids.push(...out.map((row) => row.id));
  }
  return ids;
}

/** Active specialists of the region assigned to the school: whom a request of the school may go to. */
export async function findSchoolSpecialists(db: Db, regionId: number, schoolId: number) {
  return db
    .select({ id: users.id, fullName: users.fullName, login: users.login })
    .from(users)
    .innerJoin(userSchoolAssignments, eq(userSchoolAssignments.userId, users.id))
    .where(
      and(
        eq(users.role, "specialist"),
        eq(users.isActive, true),
        eq(users.regionId, regionId),
        eq(userSchoolAssignments.schoolId, schoolId),
      ),
    )
    .orderBy(users.fullName);
}
