import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { CourseFormat, EnrolmentStatus } from "../../../core/events";
import { type EnrolmentFact, schoolYearRange, summarizeCourses } from "../../../core/events";
import type { ProfessionalBlock } from "../../../core/teachers";
import { courseEnrolments, courses, municipalities, schools, teachers } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A course row with the counts of the enrolments in scope. */
export type CourseRow = typeof courses.$inferSelect & {
  enrolled: number;
  completed: number;
  dropped: number;
};

/** The values a course is written with. */
export type CourseValues = {
  title: string;
  hours: number;
  startsOn: string | null;
  endsOn: string | null;
  provider: string;
  format: CourseFormat;
  blocks: ProfessionalBlock[];
  subjects: string[];
  description: string;
};

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The enrolments the scope holds (a condition over `schools`, the access module's schoolScope),
 * counted by course: a subquery joined to the catalogue.
 */
function countsOf(db: Db, scope: SQL | undefined) {
  return db
    .select({
      courseId: courseEnrolments.courseId,
      enrolled: sql<number>`count(*)::int`.as("enrolled"),
      completed: sql<number>`(count(*) filter (where ${courseEnrolments.status} = 'completed'))::int`.as(
        "completed",
      ),
      dropped: sql<number>`(count(*) filter (where ${courseEnrolments.status} = 'dropped'))::int`.as(
        "dropped",
      ),
    })
    .from(courseEnrolments)
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(scope)
    .groupBy(courseEnrolments.courseId)
    .as("counts");
}

/** The region's catalogue, filtered, each course with the counts of the enrolments in scope. */
export async function findCourses(
  db: Db,
  regionId: number,
  scope: SQL | undefined,
  filters: {
    q?: string;
    format?: CourseFormat;
    block?: ProfessionalBlock;
    subject?: string;
    year?: number;
    id?: number;
  },
): Promise<CourseRow[]> {
  const counts = countsOf(db, scope);
  const conditions: (SQL | undefined)[] = [eq(courses.regionId, regionId)];
  if (filters.id !== undefined) conditions.push(eq(courses.id, filters.id));
  if (filters.q)
    conditions.push(or(ilike(courses.title, like(filters.q)), ilike(courses.provider, like(filters.q))));
  if (filters.format) conditions.push(eq(courses.format, filters.format));
  if (filters.block) conditions.push(sql`${filters.block} = any(${courses.blocks})`);
  if (filters.subject) conditions.push(sql`lower(${filters.subject}) = any(${courses.subjects})`);
  if (filters.year !== undefined) {
    const { from, to } = schoolYearRange(filters.year);
    conditions.push(sql`${courses.startsOn} between ${from} and ${to}`);
  }
  const rows = await db
    .select({
      course: courses,
      enrolled: sql<number>`coalesce(${counts.enrolled}, 0)::int`,
      completed: sql<number>`coalesce(${counts.completed}, 0)::int`,
      dropped: sql<number>`coalesce(${counts.dropped}, 0)::int`,
    })
    .from(courses)
    .leftJoin(counts, eq(counts.courseId, courses.id))
    .where(and(...conditions))
    .orderBy(sql`${courses.startsOn} desc nulls last`, asc(courses.title), asc(courses.id));
  return rows.map((r) => ({ ...r.course, enrolled: r.enrolled, completed: r.completed, dropped: r.dropped }));
}

/** One course of the region (without counts), or undefined. */
export async function findCourseRow(db: Db, regionId: number, id: number) {
  const [row] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.id, id), eq(courses.regionId, regionId)));
  return row;
}

/** The region's courses by lower-cased title (the enrolment import finds a course by its title). */
export async function findCoursesByTitle(db: Db, regionId: number) {
  const rows = await db
    .select({ id: courses.id, title: courses.title, startsOn: courses.startsOn })
    .from(courses)
    .where(eq(courses.regionId, regionId));
  const byTitle = new Map<string, { id: number; title: string }[]>();
  for (const row of rows) {
    const key = row.title.trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), row]);
  }
  return byTitle;
}

/** Adds courses to a region's catalogue; their ids in order. */
export async function insertCourses(
  db: Db,
  regionId: number,
  values: CourseValues[],
  createdBy: number | null,
): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insert(courses)
    .values(values.map((v) => ({ ...v, regionId, createdBy })))
    .returning({ id: courses.id });
  return rows.map((r) => r.id);
}

/** Changes a course. */
export async function updateCourseRow(db: Db, id: number, values: Partial<CourseValues>): Promise<void> {
  await db
    .update(courses)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(courses.id, id));
}

/** Deletes a course (its enrolments go with it). */
export async function deleteCourseRow(db: Db, id: number): Promise<void> {
  await db.delete(courses).where(eq(courses.id, id));
}

const enrolmentColumns = {
  id: courseEnrolments.id,
  courseId: courseEnrolments.courseId,
  courseTitle: courses.title,
  hours: courses.hours,
  teacherId: teachers.id,
  teacherName: teachers.fullName,
  position: teachers.position,
  schoolId: schools.id,
  schoolCode: schools.code,
  schoolName: schools.shortName,
  municipalityName: municipalities.name,
  status: courseEnrolments.status,
  enrolledOn: courseEnrolments.enrolledOn,
  completedOn: courseEnrolments.completedOn,
};

/** Enrolments in scope of one course or of one school, with their teacher and school. */
export async function findEnrolments(
  db: Db,
  regionId: number,
  scope: SQL | undefined,
  by: { courseId?: number; schoolId?: number; id?: number },
) {
  const conditions: (SQL | undefined)[] = [
    eq(courses.regionId, regionId),
    eq(schools.regionId, regionId),
    scope,
  ];
  if (by.courseId !== undefined) conditions.push(eq(courseEnrolments.courseId, by.courseId));
  if (by.schoolId !== undefined) conditions.push(eq(schools.id, by.schoolId));
  if (by.id !== undefined) conditions.push(eq(courseEnrolments.id, by.id));
  return db
    .select(enrolmentColumns)
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(and(...conditions))
    .orderBy(
      desc(courseEnrolments.enrolledOn),
      asc(schools.code),
      asc(teachers.fullName),
      asc(courseEnrolments.id),
    );
}

/** An enrolment as its list gives it. */
export type EnrolmentRow = Awaited<ReturnType<typeof findEnrolments>>[number];

/** The teachers of the ids that are in the region and the scope. */
export async function findTeachersInScope(db: Db, regionId: number, scope: SQL | undefined, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: teachers.id, schoolId: teachers.schoolId })
    .from(teachers)
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(and(inArray(teachers.id, ids), eq(schools.regionId, regionId), scope));
}

/** The teachers in scope by school code and lower-cased name (the enrolment import matches them so). */
export async function findTeachersByCodeAndName(
  db: Db,
  regionId: number,
  scope: SQL | undefined,
  codes: string[],
) {
  if (codes.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: teachers.id, name: teachers.fullName, code: schools.code })
    .from(teachers)
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(and(eq(schools.regionId, regionId), inArray(schools.code, codes), scope));
  return new Map(rows.map((r) => [`${r.code}\u0000${r.name.trim().toLowerCase()}`, r.id]));
}

/** Teachers in scope not yet enrolled in the course, by name, school or subject; at most 50. */
export async function findCandidates(
  db: Db,
  regionId: number,
  scope: SQL | undefined,
  courseId: number,
  q: string | undefined,
) {
  const enrolled = db
    .select({ id: courseEnrolments.teacherId })
    .from(courseEnrolments)
    .where(eq(courseEnrolments.courseId, courseId));
  const conditions: (SQL | undefined)[] = [
    eq(schools.regionId, regionId),
    scope,
    eq(teachers.isActive, true),
    notInArray(teachers.id, enrolled),
  ];
  if (q)
    conditions.push(
      or(ilike(teachers.fullName, like(q)), ilike(schools.code, like(q)), ilike(schools.shortName, like(q))),
    );
  return db
    .select({
      id: teachers.id,
      fullName: teachers.fullName,
      position: teachers.position,
      subjects: teachers.subjects,
      schoolId: schools.id,
      schoolCode: schools.code,
      schoolName: schools.shortName,
    })
    .from(teachers)
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(and(...conditions))
    .orderBy(asc(schools.code), asc(teachers.fullName))
    .limit(50);
}

/** A new enrolment. */
export type EnrolmentValues = {
  courseId: number;
  teacherId: number;
  status: EnrolmentStatus;
  enrolledOn: string;
  completedOn: string | null;
};

/** Adds enrolments, skipping a teacher already in the course; the ids of those added. */
export async function insertEnrolments(db: Db, values: EnrolmentValues[], createdBy: number | null) {
  if (values.length === 0) return [];
  const rows = await db
    .insert(courseEnrolments)
    .values(values.map((v) => ({ ...v, createdBy })))
    .onConflictDoNothing()
    .returning({ id: courseEnrolments.id, teacherId: courseEnrolments.teacherId });
  return rows;
}

/** Adds or changes enrolments by course and teacher (the import); how many were new. */
export async function upsertEnrolments(db: Db, values: EnrolmentValues[], createdBy: number | null) {
  if (values.length === 0) return { created: 0, updated: 0 };
  const rows = await db
    .insert(courseEnrolments)
    .values(values.map((v) => ({ ...v, createdBy })))
    .onConflictDoUpdate({
      target: [courseEnrolments.courseId, courseEnrolments.teacherId],
      set: {
        status: sql`excluded.status`,
        enrolledOn: sql`excluded.enrolled_on`,
        completedOn: sql`excluded.completed_on`,
        updatedAt: new Date(),
      },
    })
    .returning({ isNew: sql<boolean>`(xmax = 0)` });
  const created = rows.filter((r) => r.isNew).length;
  return { created, updated: rows.length - created };
}

/** Changes an enrolment's status and completion date. */
export async function updateEnrolmentRow(
  db: Db,
  id: number,
  values: { status: EnrolmentStatus; completedOn: string | null },
): Promise<void> {
  await db
    .update(courseEnrolments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(courseEnrolments.id, id));
}

/** Deletes an enrolment. */
export async function deleteEnrolmentRow(db: Db, id: number): Promise<void> {
  await db.delete(courseEnrolments).where(eq(courseEnrolments.id, id));
}

/** The scope of a summary: a region and a condition over `schools` (the access module's schoolScope). */
export type SummaryScope = { regionId: number; schools?: SQL | undefined };

/** The enrolments of the schools in scope touching a school year, as the core's summary reads them. */
export async function findEnrolmentFacts(
  db: Db,
  scope: SummaryScope,
  year: number,
): Promise<EnrolmentFact[]> {
  const { from, to } = schoolYearRange(year);
  return db
    .select({
      schoolId: schools.id,
      teacherId: teachers.id,
      hours: courses.hours,
      status: courseEnrolments.status,
      enrolledOn: courseEnrolments.enrolledOn,
      completedOn: courseEnrolments.completedOn,
    })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .innerJoin(teachers, eq(teachers.id, courseEnrolments.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(
      and(
        eq(schools.regionId, scope.regionId),
        scope.schools,
        or(
          sql`${courseEnrolments.enrolledOn} between ${from} and ${to}`,
          sql`${courseEnrolments.completedOn} between ${from} and ${to}`,
        ),
      ),
    );
}

/** How many courses a region has (the demo checks it is loaded once). */
export async function countCourses(db: Db, regionId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(courses).where(eq(courses.regionId, regionId));
  return row?.n ?? 0;
}

/**
 * Courses taken per school in a school year, for the monitoring (issue 13) and the support
 * dashboard: enrolments, completions with their hours, drops and the teachers trained of every
 * school of the scope that had any (the core's summarizeCourses documents the counting).
 */
export async function coursesSummaryBySchool(db: Db, scope: SummaryScope, year: number) {
  return summarizeCourses(await findEnrolmentFacts(db, scope, year), year);
}

/** The active teachers of the schools (the demo enrols those of programme schools). */
export async function findTeachersOfSchools(db: Db, schoolIds: number[]) {
  if (schoolIds.length === 0) return [];
  return db
    .select({ id: teachers.id, subjects: teachers.subjects })
    .from(teachers)
    .where(and(inArray(teachers.schoolId, schoolIds), eq(teachers.isActive, true)))
    .orderBy(asc(teachers.id));
}

/** Adds many enrolments at once (the demo), in chunks. */
export async function insertEnrolmentRows(db: Db, values: EnrolmentValues[], createdBy: number | null) {
  for (let at = 0; at < values.length; at += 5000) {
    await db
      .insert(courseEnrolments)
      .values(values.slice(at, at + 5000).map((v) => ({ ...v, createdBy })))
      .onConflictDoNothing();
  }
}
