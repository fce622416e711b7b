import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { CandidateTeacher } from "../../../core/mentoring";
import { deficitAssessments, mentors, teachers } from "../../db/schema";
import type { Db } from "../../platform/db";
import { findCurrentScores } from "./mentoring.repo";

/** The SQL of the mentor candidates: the active, diagnosed staff of some schools, and who is a mentor already. */

/** Active teachers and heads of these schools with a diagnosis, with their current score of each block. */
export async function findDiagnosedStaff(db: Db, schoolIds: readonly number[]): Promise<CandidateTeacher[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectDistinct({
      id: teachers.id,
      fullName: teachers.fullName,
      position: teachers.position,
      subjects: teachers.subjects,
      schoolId: teachers.schoolId,
    })
    .from(teachers)
    .innerJoin(deficitAssessments, eq(deficitAssessments.teacherId, teachers.id))
    .where(and(inArray(teachers.schoolId, [...schoolIds]), eq(teachers.isActive, true)))
    .orderBy(asc(teachers.id));
  const scores = await findCurrentScores(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, scores: scores.get(r.id) ?? {} }));
}

/** The mentor registry entry of each of these teachers that has one: teacher id → mentor id. */
export async function findMentorIdsOfTeachers(
  db: Db,
  teacherIds: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < teacherIds.length; i += 1000) {
    const rows = await db
      .select({ id: mentors.id, teacherId: mentors.teacherId })
      .from(mentors)
      .where(and(isNotNull(mentors.teacherId), inArray(mentors.teacherId, teacherIds.slice(i, i + 1000))));
    for (const row of rows) if (row.teacherId !== null) out.set(row.teacherId, row.id);
  }
  return out;
}
