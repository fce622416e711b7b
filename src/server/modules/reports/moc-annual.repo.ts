import { and, asc, count, eq, exists, gte, inArray, lte, min, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MocCourseItem, MocEventItem, MocLogItem, MocPartnershipItem } from "../../../core/reports";
import {
  courseEnrolments,
  courses,
  eventSchools,
  events,
  mocStaff,
  mocs,
  municipalities,
  partnerAgreements,
  schools,
  supportLogEntries,
  teachers,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A municipality the actor may read, with its МОЦ and coordinator; null when out of scope or missing. */
export async function findReportMunicipality(
  db: Db,
  scope: SQL | undefined,
  municipalityId: number,
): Promise<{
  id: number;
  regionId: number;
  name: string;
  mocName: string | null;
  coordinator: string | null;
} | null> {
  const [row] = await db
    .select({
      id: municipalities.id,
      regionId: municipalities.regionId,
      name: municipalities.name,
      mocId: mocs.id,
      mocName: mocs.name,
    })
    .from(municipalities)
    .leftJoin(mocs, eq(mocs.municipalityId, municipalities.id))
    .where(and(scope, eq(municipalities.id, municipalityId)));
  if (!row) return null;
  const [coordinator] =
    row.mocId === null
      ? []
      : await db
          .select({ fullName: mocStaff.fullName })
          .from(mocStaff)
          .where(and(eq(mocStaff.mocId, row.mocId), eq(mocStaff.position, "coordinator")))
          .orderBy(asc(mocStaff.id))
          .limit(1);
  return {
    id: row.id,
    regionId: row.regionId,
    name: row.name,
    mocName: row.mocName,
    coordinator: coordinator?.fullName ?? null,
  };
}

type Period = { from: string; to: string };

/** The МОЦ log of the municipality's schools in the period. */
export async function findMocLog(db: Db, municipalityId: number, period: Period): Promise<MocLogItem[]> {
  return db
    .select({
      kind: supportLogEntries.kind,
      audience: supportLogEntries.audience,
      heldOn: supportLogEntries.heldOn,
      schoolName: schools.shortName,
      peopleCount: supportLogEntries.peopleCount,
      topic: supportLogEntries.topic,
    })
    .from(supportLogEntries)
    .innerJoin(schools, eq(schools.id, supportLogEntries.schoolId))
    .where(
      and(
        eq(supportLogEntries.municipalityId, municipalityId),
        gte(supportLogEntries.heldOn, period.from),
        lte(supportLogEntries.heldOn, period.to),
      ),
    )
    .orderBy(asc(supportLogEntries.heldOn), asc(supportLogEntries.id));
}

/**
 * The events of the period the municipality's МОЦ keeps, and the region's events its schools took
 * part in; each with the names of the municipality's schools that took part (no other's).
 */
export async function findMocEvents(
  db: Db,
  municipality: { id: number; regionId: number },
  period: Period,
): Promise<MocEventItem[]> {
  const own = db
    .select({ one: sql`1` })
    .from(eventSchools)
    .innerJoin(schools, eq(schools.id, eventSchools.schoolId))
    .where(and(eq(eventSchools.eventId, events.id), eq(schools.municipalityId, municipality.id)));
  const rows = await db
    .select({
      id: events.id,
      kind: events.kind,
      level: events.level,
      heldOn: events.heldOn,
      topic: events.topic,
      teachers: events.teachersCount,
      heads: events.headsCount,
      students: events.studentsCount,
      municipalities: events.municipalitiesCount,
    })
    .from(events)
    .where(
      and(
        eq(events.regionId, municipality.regionId),
        gte(events.heldOn, period.from),
        lte(events.heldOn, period.to),
        or(eq(events.municipalityId, municipality.id), exists(own)),
      ),
    )
    .orderBy(asc(events.heldOn), asc(events.id));
  const ids = rows.map((row) => row.id);
  const taking =
    ids.length === 0
      ? []
      : await db
          .select({ eventId: eventSchools.eventId, name: schools.shortName })
          .from(eventSchools)
          .innerJoin(schools, eq(schools.id, eventSchools.schoolId))
          .where(and(inArray(eventSchools.eventId, ids), eq(schools.municipalityId, municipality.id)))
          .orderBy(asc(schools.shortName));
  return rows.map((row) => ({
    kind: row.kind,
    level: row.level,
    heldOn: row.heldOn,
    topic: row.topic,
    numbers: {
      teachers: row.teachers,
      heads: row.heads,
      students: row.students,
      municipalities: row.municipalities,
    },
    schoolNames: taking.filter((t) => t.eventId === row.id).map((t) => t.name),
  }));
}

/**
 * The courses the municipality's teachers and heads took (enrolments not dropped), dated by the
 * course's start or, without one, the first enrolment; the period filter is the builder's.
 */
export async function findMocCourses(db: Db, municipalityId: number): Promise<MocCourseItem[]> {
  const rows = await db
    .select({
      title: courses.title,
      hours: courses.hours,
      startsOn: courses.startsOn,
      firstEnrolled: min(courseEnrolments.enrolledOn),
      people: count(),
      completed: sql<number>`count(*) filter (where ${courseEnrolments.status} = 'completed')`.mapWith(
        Number,
      ),
    })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(and(eq(schools.municipalityId, municipalityId), ne(courseEnrolments.status, "dropped")))
    .groupBy(courses.id, courses.title, courses.hours, courses.startsOn);
  return rows.map((row) => ({
    title: row.title,
    hours: row.hours,
    startsOn: row.startsOn ?? row.firstEnrolled ?? "",
    people: row.people,
    completed: row.completed,
  }));
}

/** The signed partnership agreements of the municipality's schools that start in the period. */
export async function findMocPartnerships(
  db: Db,
  municipalityId: number,
  period: Period,
): Promise<MocPartnershipItem[]> {
  const partner = alias(schools, "partner_school");
  const rows = await db
    .select({
      startsOn: partnerAgreements.startsOn,
      schoolName: schools.shortName,
      partnerKind: partnerAgreements.partnerKind,
      partnerName: partnerAgreements.partnerName,
      partnerSchool: partner.shortName,
      subject: partnerAgreements.subject,
    })
    .from(partnerAgreements)
    .innerJoin(schools, eq(schools.id, partnerAgreements.schoolId))
    .leftJoin(partner, eq(partner.id, partnerAgreements.partnerSchoolId))
    .where(
      and(
        eq(schools.municipalityId, municipalityId),
        eq(partnerAgreements.status, "signed"),
        gte(partnerAgreements.startsOn, period.from),
        lte(partnerAgreements.startsOn, period.to),
      ),
    )
    .orderBy(asc(partnerAgreements.startsOn), asc(partnerAgreements.id));
  return rows.map((row) => ({
    startsOn: row.startsOn,
    schoolName: row.schoolName,
    partnerKind: row.partnerKind,
    partnerName: row.partnerSchool ?? row.partnerName,
    subject: row.subject,
  }));
}

/** The municipalities of a region in the actor's scope, by name (the reports page's choice). */
export async function findReportMunicipalities(db: Db, scope: SQL | undefined, regionId: number) {
  return db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(and(scope, eq(municipalities.regionId, regionId)))
    .orderBy(asc(municipalities.name));
}
