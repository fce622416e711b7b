import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type BlockScores, latestScoresByBlock } from "../../../core/teachers";
import type { MeetingInput, PairRow } from "../../../shared/mentoring-api";
import {
  deficitAssessments,
  mentoringMeetings,
  mentoringPairs,
  mentors,
  mocStaff,
  mocs,
  municipalities,
  schools,
  teachers,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import type { StoredMentor } from "./mentoring-access";

/** The only place with SQL for mentoring: mentors, pairs, meetings, the mentees' diagnoses. */

const mentorSchool = alias(schools, "mentor_school");
const mentorMunicipality = alias(municipalities, "mentor_municipality");

/** Confirmed mentees of each mentor in a year, as a subquery column. */
const loadOf = (year: number) =>
  sql<number>`(select count(*)::int from ${mentoringPairs} where ${mentoringPairs.mentorId} = ${mentors.id} and ${mentoringPairs.year} = ${year} and ${mentoringPairs.status} = 'confirmed')`;

/** Mentors matching the condition, with the year's load. */
export async function findMentors(db: Db, where: SQL | undefined, year: number): Promise<StoredMentor[]> {
  const rows = await db
    .select({
      id: mentors.id,
      regionId: mentors.regionId,
      kind: mentors.kind,
      teacherId: mentors.teacherId,
      mocStaffId: mentors.mocStaffId,
      userId: mentors.userId,
      userLogin: users.login,
      fullName: mentors.fullName,
      schoolId: mentors.schoolId,
      schoolName: mentorSchool.shortName,
      municipalityId: mentors.municipalityId,
      municipalityName: mentorMunicipality.name,
      subjects: mentors.subjects,
      strengths: mentors.strengths,
      capacity: mentors.capacity,
      load: loadOf(year),
      source: mentors.source,
      position: mentors.position,
      note: mentors.note,
      isActive: mentors.isActive,
      lat: mentorSchool.latitude,
      lon: mentorSchool.longitude,
    })
    .from(mentors)
    .innerJoin(mentorMunicipality, eq(mentorMunicipality.id, mentors.municipalityId))
    .leftJoin(mentorSchool, eq(mentorSchool.id, mentors.schoolId))
    .leftJoin(users, eq(users.id, mentors.userId))
    .where(where)
    .orderBy(asc(mentorMunicipality.name), asc(mentors.fullName), asc(mentors.id));
  return rows.map((r) => ({ ...r, load: Number(r.load) }));
}

/** One mentor's row (no scope: the caller checks it). */
export async function findMentor(db: Db, id: number, year: number) {
  const [row] = await findMentors(db, eq(mentors.id, id), year);
  return row;
}

/** A teacher with their school's place, for making a mentor of them or checking scope. */
export async function findTeacherPlace(db: Db, teacherId: number) {
  const [row] = await db
    .select({
      id: teachers.id,
      fullName: teachers.fullName,
      position: teachers.position,
      subjects: teachers.subjects,
      schoolId: schools.id,
      regionId: schools.regionId,
      municipalityId: schools.municipalityId,
    })
    .from(teachers)
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .where(eq(teachers.id, teacherId));
  return row;
}

/** A МОЦ staff member with their municipality. */
export async function findStaffPlace(db: Db, staffId: number) {
  const [row] = await db
    .select({
      id: mocStaff.id,
      fullName: mocStaff.fullName,
      municipalityId: mocs.municipalityId,
      regionId: municipalities.regionId,
    })
    .from(mocStaff)
    .innerJoin(mocs, eq(mocs.id, mocStaff.mocId))
    .innerJoin(municipalities, eq(municipalities.id, mocs.municipalityId))
    .where(eq(mocStaff.id, staffId));
  return row;
}

/** A user's role and region, to check a mentor account link. */
export async function findUserRole(db: Db, userId: number) {
  const [row] = await db
    .select({ id: users.id, role: users.role, regionId: users.regionId })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export type NewMentor = typeof mentors.$inferInsert;

export async function insertMentor(db: Db, values: NewMentor): Promise<number> {
  const [row] = await db.insert(mentors).values(values).returning({ id: mentors.id });
  if (!row) throw new Error("mentor not inserted");
  return row.id;
}

export async function updateMentorRow(db: Db, id: number, values: Partial<NewMentor>): Promise<void> {
  await db
    .update(mentors)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(mentors.id, id));
}

/** Whether a mentor record already exists for the teacher or the staff member. */
export async function mentorExistsFor(
  db: Db,
  by: { teacherId?: number; mocStaffId?: number },
): Promise<boolean> {
  const where = by.teacherId
    ? eq(mentors.teacherId, by.teacherId)
    : eq(mentors.mocStaffId, by.mocStaffId ?? 0);
  const [row] = await db.select({ n: count() }).from(mentors).where(where);
  return Number(row?.n ?? 0) > 0;
}

/**
 * Teachers of the schools matching `where` (over schools) with a diagnosis — their current score of
 * each block (the latest sitting that assessed it, see latestScoresByBlock) — and their school's
 * place, who have no confirmed pair in the year.
 */
export async function findMenteeCandidates(db: Db, where: SQL | undefined, year: number) {
  const rows = await db
    .select({
      id: teachers.id,
      fullName: teachers.fullName,
      subjects: teachers.subjects,
      schoolId: schools.id,
      schoolName: schools.shortName,
      municipality: municipalities.name,
      lat: schools.latitude,
      lon: schools.longitude,
    })
    .from(teachers)
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(
      and(
        where,
        eq(teachers.isActive, true),
        sql`exists (select 1 from ${deficitAssessments} where ${deficitAssessments.teacherId} = ${teachers.id})`,
        sql`not exists (select 1 from ${mentoringPairs} where ${mentoringPairs.teacherId} = ${teachers.id} and ${mentoringPairs.year} = ${year} and ${mentoringPairs.status} = 'confirmed')`,
      ),
    )
    .orderBy(asc(municipalities.name), asc(schools.shortName), asc(teachers.fullName), asc(teachers.id));
  const scores = await findCurrentScores(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, scores: scores.get(r.id) ?? {} }));
}

/** The current score of each block of these teachers (latest sitting per block), by teacher id. */
export async function findCurrentScores(
  db: Db,
  teacherIds: readonly number[],
): Promise<Map<number, BlockScores>> {
  const byTeacher = new Map<number, { scores: BlockScores }[]>();
  for (let i = 0; i < teacherIds.length; i += 1000) {
    const rows = await db
      .select({ teacherId: deficitAssessments.teacherId, scores: deficitAssessments.scores })
      .from(deficitAssessments)
      .where(inArray(deficitAssessments.teacherId, teacherIds.slice(i, i + 1000)))
      .orderBy(asc(deficitAssessments.assessedOn), asc(deficitAssessments.id));
    for (const row of rows) {
      const list = byTeacher.get(row.teacherId) ?? [];
      list.push({ scores: row.scores });
      byTeacher.set(row.teacherId, list);
    }
  }
  return new Map([...byTeacher].map(([id, list]) => [id, latestScoresByBlock(list)]));
}

/** Removes the year's suggested (undecided) pairs of these teachers: a new run replaces them. */
export async function deleteSuggestedPairs(db: Db, teacherIds: number[], year: number): Promise<void> {
  if (teacherIds.length === 0) return;
  for (let i = 0; i < teacherIds.length; i += 1000) {
    await db
      .delete(mentoringPairs)
      .where(
        and(
          inArray(mentoringPairs.teacherId, teacherIds.slice(i, i + 1000)),
          eq(mentoringPairs.year, year),
          eq(mentoringPairs.status, "suggested"),
        ),
      );
  }
}

export type NewPair = typeof mentoringPairs.$inferInsert;

export async function insertPairs(db: Db, values: NewPair[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await db
      .insert(mentoringPairs)
      .values(values.slice(i, i + 500))
      .returning({ id: mentoringPairs.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export async function updatePairRow(db: Db, id: number, values: Partial<NewPair>): Promise<void> {
  await db
    .update(mentoringPairs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(mentoringPairs.id, id));
}

/** Pairs matching the condition (over schools, teachers, mentors, mentoring_pairs), with names. */
export async function findPairs(
  db: Db,
  where: SQL | undefined,
): Promise<
  (PairRow & {
    regionId: number;
    municipalityId: number;
    mentorUserId: number | null;
    teacherSchoolId: number;
  })[]
> {
  const rows = await db
    .select({
      id: mentoringPairs.id,
      year: mentoringPairs.year,
      status: mentoringPairs.status,
      score: mentoringPairs.score,
      reason: mentoringPairs.reason,
      blocks: mentoringPairs.blocks,
      decidedAt: mentoringPairs.decidedAt,
      teacherId: teachers.id,
      teacherName: teachers.fullName,
      teacherSubjects: teachers.subjects,
      schoolId: schools.id,
      schoolName: schools.shortName,
      regionId: schools.regionId,
      municipalityId: schools.municipalityId,
      municipalityName: municipalities.name,
      mentorId: mentors.id,
      mentorName: mentors.fullName,
      mentorUserId: mentors.userId,
      mentorSchoolName: mentorSchool.shortName,
      mentorMunicipalityName: mentorMunicipality.name,
      meetings: sql<number>`(select count(*)::int from ${mentoringMeetings} where ${mentoringMeetings.pairId} = ${mentoringPairs.id})`,
    })
    .from(mentoringPairs)
    .innerJoin(teachers, eq(teachers.id, mentoringPairs.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .innerJoin(mentors, eq(mentors.id, mentoringPairs.mentorId))
    .innerJoin(mentorMunicipality, eq(mentorMunicipality.id, mentors.municipalityId))
    .leftJoin(mentorSchool, eq(mentorSchool.id, mentors.schoolId))
    .where(where)
    .orderBy(
      sql`case ${mentoringPairs.status} when 'suggested' then 0 when 'confirmed' then 1 else 2 end`,
      asc(municipalities.name),
      asc(schools.shortName),
      asc(teachers.fullName),
      asc(mentoringPairs.id),
    );
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    status: r.status,
    score: r.score,
    reason: r.reason,
    blocks: r.blocks as PairRow["blocks"],
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    teacher: {
      id: r.teacherId,
      fullName: r.teacherName,
      subjects: r.teacherSubjects,
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      municipalityName: r.municipalityName,
    },
    mentor: {
      id: r.mentorId,
      fullName: r.mentorName,
      schoolName: r.mentorSchoolName,
      municipalityName: r.mentorMunicipalityName,
    },
    meetings: Number(r.meetings),
    regionId: r.regionId,
    municipalityId: r.municipalityId,
    mentorUserId: r.mentorUserId,
    teacherSchoolId: r.schoolId,
  }));
}

/** The years that have pairs matching the condition, latest first. */
export async function findPairYears(db: Db, where: SQL | undefined): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: mentoringPairs.year })
    .from(mentoringPairs)
    .innerJoin(teachers, eq(teachers.id, mentoringPairs.teacherId))
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .innerJoin(mentors, eq(mentors.id, mentoringPairs.mentorId))
    .where(where)
    .orderBy(desc(mentoringPairs.year));
  return rows.map((r) => r.year);
}

/** The pair's raw row, locked for a decision. */
export async function lockPair(db: Db, id: number) {
  const [row] = await db.select().from(mentoringPairs).where(eq(mentoringPairs.id, id)).for("update");
  return row;
}

/** A teacher's mentee data for a fit: subjects, municipality, coordinates, current scores by block. */
export async function findMenteeForFit(db: Db, teacherId: number) {
  const [row] = await db
    .select({
      id: teachers.id,
      subjects: teachers.subjects,
      municipality: municipalities.name,
      lat: schools.latitude,
      lon: schools.longitude,
    })
    .from(teachers)
    .innerJoin(schools, eq(schools.id, teachers.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
    .where(eq(teachers.id, teacherId));
  if (!row) return undefined;
  const scores = await findCurrentScores(db, [teacherId]);
  return { ...row, scores: scores.get(teacherId) ?? {} };
}

/** A teacher's diagnoses, latest first. */
export async function findAssessments(db: Db, teacherId: number, limit = 10) {
  return db
    .select({ assessedOn: deficitAssessments.assessedOn, scores: deficitAssessments.scores })
    .from(deficitAssessments)
    .where(eq(deficitAssessments.teacherId, teacherId))
    .orderBy(desc(deficitAssessments.assessedOn), desc(deficitAssessments.id))
    .limit(limit);
}

export async function findMeetings(db: Db, pairId: number) {
  return db
    .select({
      id: mentoringMeetings.id,
      heldOn: mentoringMeetings.heldOn,
      format: mentoringMeetings.format,
      topic: mentoringMeetings.topic,
      outcome: mentoringMeetings.outcome,
    })
    .from(mentoringMeetings)
    .where(eq(mentoringMeetings.pairId, pairId))
    .orderBy(asc(mentoringMeetings.heldOn), asc(mentoringMeetings.id));
}

export async function insertMeeting(
  db: Db,
  pairId: number,
  input: MeetingInput,
  userId: number | null,
): Promise<number> {
  const [row] = await db
    .insert(mentoringMeetings)
    .values({ pairId, ...input, createdBy: userId })
    .returning({ id: mentoringMeetings.id });
  if (!row) throw new Error("meeting not inserted");
  return row.id;
}

/** Columns the service builds scope conditions over. */
export const MENTORING_COLUMNS = {
  mentorRegion: mentors.regionId,
  mentorMunicipality: mentors.municipalityId,
  mentorUser: mentors.userId,
  mentorActive: mentors.isActive,
  mentorId: mentors.id,
  pairId: mentoringPairs.id,
  pairYear: mentoringPairs.year,
  pairStatus: mentoringPairs.status,
  schoolMunicipality: schools.municipalityId,
  schoolRegion: schools.regionId,
};
