/**
 * The rows addressed support is made of, per programme school of a period: what the МОЦ log,
 * specialist requests, course enrolments, mentoring pairs, events and partnerships hold for them.
 * Each source is one grouped query over the given schools; the service adds them up.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, max, ne, or, sql } from "drizzle-orm";
import {
  courseEnrolments,
  courses,
  eventSchools,
  events,
  identificationRuns,
  mentoringMeetings,
  mentoringPairs,
  municipalities,
  partnerAgreements,
  schools,
  specialistRequests,
  supportLogEntries,
  teachers,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A period of dates (ISO, both ends included). */
export type Period = { from: string; to: string };

/** A source's figures for one school: a count, optional extras, the latest date of support. */
export type SourceRow = { schoolId: number; count: number; extra: number; lastOn: string | null };

/** The year of the region's latest approved identification run, or null. */
export async function findLatestApprovedRunYear(db: Db, regionId: number): Promise<number | null> {
  const [row] = await db
    .select({ year: identificationRuns.year })
    .from(identificationRuns)
    .where(and(eq(identificationRuns.regionId, regionId), eq(identificationRuns.status, "approved")))
    .orderBy(desc(identificationRuns.year))
    .limit(1);
  return row?.year ?? null;
}

/** Codes, names and municipalities of the given schools, by name. */
export async function findSchoolsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      schoolId: schools.id,
      code: schools.code,
      name: schools.shortName,
      municipalityName: municipalities.name,
    })
    .from(schools)
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(inArray(schools.id, [...ids]))
    .orderBy(asc(schools.shortName));
}

const asDate = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

/**
 * Course enrolments of the schools' teachers made in the period: their number, the hours of those
 * completed, and the latest enrolment or completion date.
 */
export async function findCourseSupport(
  db: Db,
  ids: readonly number[],
  period: Period,
): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      schoolId: teachers.schoolId,
      count: sql<number>`count(*)::int`,
      extra: sql<number>`coalesce(sum(${courses.hours}) filter (where ${courseEnrolments.status} = 'completed'), 0)::int`,
      lastOn: sql<
        string | null
      >`max(greatest(${courseEnrolments.enrolledOn}, coalesce(${courseEnrolments.completedOn}, ${courseEnrolments.enrolledOn})))`,
    })
    .from(courseEnrolments)
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .where(
      and(
        inArray(teachers.schoolId, [...ids]),
        gte(courseEnrolments.enrolledOn, period.from),
        lte(courseEnrolments.enrolledOn, period.to),
      ),
    )
    .groupBy(teachers.schoolId);
  return rows.map((row) => ({ ...row, lastOn: asDate(row.lastOn) }));
}

/**
 * Mentoring of the schools' teachers in the school year: teachers in a confirmed pair, their
 * meetings held in the period, and the latest meeting (or the pair's confirmation) date.
 */
export async function findMentoringSupport(
  db: Db,
  ids: readonly number[],
  year: number,
  period: Period,
): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const meetings = db
    .select({
      pairId: mentoringMeetings.pairId,
      meetings: sql<number>`count(*)::int`.as("meetings"),
      lastMeeting: max(mentoringMeetings.heldOn).as("last_meeting"),
    })
    .from(mentoringMeetings)
    .where(and(gte(mentoringMeetings.heldOn, period.from), lte(mentoringMeetings.heldOn, period.to)))
    .groupBy(mentoringMeetings.pairId)
    .as("pair_meetings");
  const rows = await db
    .select({
      schoolId: teachers.schoolId,
      count: sql<number>`count(distinct ${mentoringPairs.teacherId})::int`,
      extra: sql<number>`coalesce(sum(${meetings.meetings}), 0)::int`,
      lastOn: sql<
        string | null
      >`max(greatest(${meetings.lastMeeting}, (${mentoringPairs.decidedAt} at time zone 'UTC')::date))`,
    })
    .from(mentoringPairs)
    .innerJoin(teachers, eq(teachers.id, mentoringPairs.teacherId))
    .leftJoin(meetings, eq(meetings.pairId, mentoringPairs.id))
    .where(
      and(
        inArray(teachers.schoolId, [...ids]),
        eq(mentoringPairs.year, year),
        eq(mentoringPairs.status, "confirmed"),
      ),
    )
    .groupBy(teachers.schoolId);
  return rows.map((row) => ({ ...row, lastOn: asDate(row.lastOn) }));
}

/**
 * The МОЦ log of the schools in the period: consultations, interviews and visits, the people reached,
 * and the latest date.
 */
export async function findLogSupport(db: Db, ids: readonly number[], period: Period): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      schoolId: supportLogEntries.schoolId,
      count: sql<number>`count(*)::int`,
      extra: sql<number>`coalesce(sum(${supportLogEntries.peopleCount}), 0)::int`,
      lastOn: max(supportLogEntries.heldOn),
    })
    .from(supportLogEntries)
    .where(
      and(
        inArray(supportLogEntries.schoolId, [...ids]),
        gte(supportLogEntries.heldOn, period.from),
        lte(supportLogEntries.heldOn, period.to),
      ),
    )
    .groupBy(supportLogEntries.schoolId);
  return rows.map((row) => ({ ...row, lastOn: asDate(row.lastOn) }));
}

/** Specialist requests the schools filed in the period, with the latest date of work on them. */
export async function findRequestSupport(
  db: Db,
  ids: readonly number[],
  period: Period,
): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      schoolId: specialistRequests.schoolId,
      count: sql<number>`count(*)::int`,
      extra: sql<number>`0`,
      lastOn: sql<
        string | null
      >`max(greatest(${specialistRequests.filedOn}, (${specialistRequests.doneAt} at time zone 'UTC')::date))`,
    })
    .from(specialistRequests)
    .where(
      and(
        inArray(specialistRequests.schoolId, [...ids]),
        gte(specialistRequests.filedOn, period.from),
        lte(specialistRequests.filedOn, period.to),
      ),
    )
    .groupBy(specialistRequests.schoolId);
  return rows.map((row) => ({ ...row, lastOn: asDate(row.lastOn) }));
}

/** The schools' requests of the period not done: the service applies the overdue rule to them. */
export async function findOpenRequests(db: Db, ids: readonly number[], period: Period) {
  if (ids.length === 0) return [];
  return db
    .select({
      requestId: specialistRequests.id,
      schoolId: specialistRequests.schoolId,
      status: specialistRequests.status,
      specialistKind: specialistRequests.specialistKind,
      target: specialistRequests.target,
      filedOn: specialistRequests.filedOn,
      scheduledOn: specialistRequests.scheduledOn,
    })
    .from(specialistRequests)
    .where(
      and(
        inArray(specialistRequests.schoolId, [...ids]),
        gte(specialistRequests.filedOn, period.from),
        lte(specialistRequests.filedOn, period.to),
        ne(specialistRequests.status, "done"),
      ),
    )
    .orderBy(asc(specialistRequests.filedOn));
}

/** Events of the period the schools took part in, and the latest. */
export async function findEventSupport(db: Db, ids: readonly number[], period: Period): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      schoolId: eventSchools.schoolId,
      count: sql<number>`count(*)::int`,
      extra: sql<number>`0`,
      lastOn: max(events.heldOn),
    })
    .from(eventSchools)
    .innerJoin(events, eq(events.id, eventSchools.eventId))
    .where(
      and(
        inArray(eventSchools.schoolId, [...ids]),
        gte(events.heldOn, period.from),
        lte(events.heldOn, period.to),
      ),
    )
    .groupBy(eventSchools.schoolId);
  return rows.map((row) => ({ ...row, lastOn: asDate(row.lastOn) }));
}

/**
 * Signed partner agreements of the schools in force during the period, and the latest one begun in
 * it (an agreement begun before the period is support in force, not a new date of support).
 */
export async function findPartnerSupport(
  db: Db,
  ids: readonly number[],
  period: Period,
): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      schoolId: partnerAgreements.schoolId,
      count: sql<number>`count(*)::int`,
      extra: sql<number>`0`,
      lastOn: sql<
        string | null
      >`max(${partnerAgreements.startsOn}) filter (where ${partnerAgreements.startsOn} >= ${period.from})`,
    })
    .from(partnerAgreements)
    .where(
      and(
        inArray(partnerAgreements.schoolId, [...ids]),
        eq(partnerAgreements.status, "signed"),
        lte(partnerAgreements.startsOn, period.to),
        or(isNull(partnerAgreements.endsOn), gte(partnerAgreements.endsOn, period.from)),
      ),
    )
    .groupBy(partnerAgreements.schoolId);
  return rows.map((row) => ({ ...row, lastOn: asDate(row.lastOn) }));
}
