import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { ActivityStatus } from "../../../core/plans";
import {
  planActivityAssignees,
  planActivityStates,
  planCheckIns,
  schools,
  userSchoolAssignments,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** The execution states of the activities of some plans: plan id → activity id → status. */
export async function findActivityStates(
  db: Db,
  planIds: number[],
): Promise<Map<number, Map<string, ActivityStatus>>> {
  const out = new Map<number, Map<string, ActivityStatus>>();
  if (planIds.length === 0) return out;
  const rows = await db
    .select({
      planId: planActivityStates.planId,
      activityId: planActivityStates.activityId,
      status: planActivityStates.status,
    })
    .from(planActivityStates)
    .where(inArray(planActivityStates.planId, planIds));
  for (const row of rows) {
    const states = out.get(row.planId) ?? new Map<string, ActivityStatus>();
    states.set(row.activityId, row.status);
    out.set(row.planId, states);
  }
  return out;
}

/** Sets an activity's execution status (inserted or replaced). */
export async function upsertActivityState(
  db: Db,
  values: {
    planId: number;
    activityId: string;
    status: ActivityStatus;
    userId: number | null;
    userName: string;
  },
): Promise<void> {
  const row = {
    planId: values.planId,
    activityId: values.activityId,
    status: values.status,
    updatedBy: values.userId,
    updatedByName: values.userName,
    updatedAt: new Date(),
  };
  await db
    .insert(planActivityStates)
    .values(row)
    .onConflictDoUpdate({
      target: [planActivityStates.planId, planActivityStates.activityId],
      set: {
        status: row.status,
        updatedBy: row.updatedBy,
        updatedByName: row.updatedByName,
        updatedAt: row.updatedAt,
      },
    });
}

/** Records a check-in; returns its id. */
export async function insertCheckIn(db: Db, values: typeof planCheckIns.$inferInsert): Promise<number> {
  const [row] = await db.insert(planCheckIns).values(values).returning({ id: planCheckIns.id });
  if (!row) throw new Error("Отметка не сохранена");
  return row.id;
}

/** A plan's check-ins by date, then in the order they were made. */
export async function findCheckIns(db: Db, planId: number) {
  return db
    .select({
      id: planCheckIns.id,
      activityId: planCheckIns.activityId,
      date: planCheckIns.doneOn,
      text: planCheckIns.text,
      evidenceText: planCheckIns.evidenceText,
      evidenceUrl: planCheckIns.evidenceUrl,
      authorName: planCheckIns.authorName,
      createdAt: planCheckIns.createdAt,
    })
    .from(planCheckIns)
    .where(eq(planCheckIns.planId, planId))
    .orderBy(asc(planCheckIns.doneOn), asc(planCheckIns.id));
}

/** A plan's assignees, by activity, with their names and roles. */
export async function findAssignees(db: Db, planId: number) {
  return db
    .select({
      activityId: planActivityAssignees.activityId,
      userId: users.id,
      fullName: users.fullName,
      role: users.role,
    })
    .from(planActivityAssignees)
    .innerJoin(users, eq(users.id, planActivityAssignees.userId))
    .where(eq(planActivityAssignees.planId, planId))
    .orderBy(asc(planActivityAssignees.activityId), asc(users.fullName));
}

/** Replaces the assignees of one activity. */
export async function replaceAssignees(
  db: Db,
  planId: number,
  activityId: string,
  userIds: number[],
): Promise<void> {
  await db
    .delete(planActivityAssignees)
    .where(and(eq(planActivityAssignees.planId, planId), eq(planActivityAssignees.activityId, activityId)));
  if (userIds.length === 0) return;
  await db.insert(planActivityAssignees).values(userIds.map((userId) => ({ planId, activityId, userId })));
}

/** Where a plan's assignee candidates come from: its level and place. */
export type CandidatePlace = {
  level: "school" | "municipal" | "regional";
  regionId: number;
  /** The road map's municipality, or the school's for a school programme. */
  municipalityId: number | null;
  schoolId: number | null;
};

/**
 * The users who may be assigned to a plan's activities: active mentors and specialists assigned to
 * one of the plan's schools (the school of a programme, a municipality's schools for its road map,
 * the region's for the regional one), and active МОЦ users of the plan's municipality (of the
 * region, for the regional road map). By name.
 */
export async function findAssigneeCandidates(db: Db, place: CandidatePlace) {
  const schoolCondition =
    place.level === "school" && place.schoolId !== null
      ? eq(schools.id, place.schoolId)
      : place.level === "municipal" && place.municipalityId !== null
        ? eq(schools.municipalityId, place.municipalityId)
        : eq(schools.regionId, place.regionId);
  const assigned = sql`${users.id} in (select ${userSchoolAssignments.userId} from ${userSchoolAssignments} inner join ${schools} on ${schools.id} = ${userSchoolAssignments.schoolId} where ${schoolCondition})`;
  const moc =
    place.level === "regional" || place.municipalityId === null
      ? eq(users.regionId, place.regionId)
      : eq(users.municipalityId, place.municipalityId);
  return db
    .select({ userId: users.id, fullName: users.fullName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        eq(users.regionId, place.regionId),
        or(
          and(inArray(users.role, ["mentor", "specialist"]), assigned),
          and(eq(users.role, "moc_coordinator"), moc),
        ),
      ),
    )
    .orderBy(asc(users.fullName), asc(users.id));
}
