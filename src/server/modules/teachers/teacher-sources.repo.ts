import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  courseEnrolments,
  courses,
  deficitScales,
  identificationResults,
  identificationRuns,
  indicators,
  indicatorValues,
  mentoringPairs,
  mentors,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import { findRunCriteria } from "../identification/run-criteria.repo";

/** The region's stored deficit scale (null: the core's default applies). */
export async function findDeficitScale(db: Db, regionId: number): Promise<unknown | null> {
  const [row] = await db
    .select({ levels: deficitScales.levels })
    .from(deficitScales)
    .where(eq(deficitScales.regionId, regionId));
  return row?.levels ?? null;
}

/** Stores the region's deficit scale. */
export async function upsertDeficitScale(
  db: Db,
  regionId: number,
  levels: Record<string, unknown>,
  userId: number | null,
) {
  await db
    .insert(deficitScales)
    .values({ regionId, levels, updatedBy: userId })
    .onConflictDoUpdate({
      target: deficitScales.regionId,
      set: { levels, updatedBy: userId, updatedAt: new Date() },
    });
}

/** The latest value up to a year of some indicators for some schools: one row per school and code. */
export async function findLatestSubjectResults(
  db: Db,
  schoolIds: readonly number[],
  codes: readonly string[],
  upToYear: number,
): Promise<{ schoolId: number; code: string; year: number; value: number }[]> {
  if (schoolIds.length === 0 || codes.length === 0) return [];
  const rows = await db
    .selectDistinctOn([indicatorValues.schoolId, indicators.code], {
      schoolId: indicatorValues.schoolId,
      code: indicators.code,
      year: indicatorValues.year,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(
      and(
        inArray(indicatorValues.schoolId, [...schoolIds]),
        inArray(indicators.code, [...codes]),
        sql`${indicatorValues.year} <= ${upToYear}`,
      ),
    )
    .orderBy(indicatorValues.schoolId, indicators.code, desc(indicatorValues.year));
  return rows.flatMap((r) => (r.schoolId === null ? [] : [{ ...r, schoolId: r.schoolId }]));
}

/**
 * The met criteria of a school in the region's latest approved identification run of the year (or,
 * with none that year, the latest approved one before it): the indicator each reported and its
 * sentence — the reasons the school was identified for.
 */
export async function findMetCriteria(
  db: Db,
  opts: { regionId: number; schoolId: number; year: number },
): Promise<{ indicatorCode: string; sentence: string }[]> {
  const [run] = await db
    .select({ id: identificationRuns.id, position: identificationResults.position })
    .from(identificationRuns)
    .innerJoin(identificationResults, eq(identificationResults.runId, identificationRuns.id))
    .where(
      and(
        eq(identificationRuns.regionId, opts.regionId),
        eq(identificationRuns.status, "approved"),
        sql`${identificationRuns.year} <= ${opts.year}`,
        eq(identificationResults.schoolId, opts.schoolId),
        inArray(identificationResults.category, ["shnro", "both"]),
      ),
    )
    .orderBy(desc(identificationRuns.year), desc(identificationRuns.approvedAt), desc(identificationRuns.id))
    .limit(1);
  if (!run) return [];
  const columns = await findRunCriteria(db, run.id, [run.position]);
  return columns.flatMap((column) => {
    const i = run.position - column.firstPosition;
    if (i < 0 || column.verdicts[i] !== "m") return [];
    const code = column.indicatorCodes[column.indicatorPicks[i] ?? 0];
    const sentence = column.sentences[i];
    return code && sentence ? [{ indicatorCode: code, sentence }] : [];
  });
}

/** The courses of the region's catalogue. */
export async function findRegionCourses(db: Db, regionId: number) {
  return db
    .select({
      id: courses.id,
      title: courses.title,
      hours: courses.hours,
      blocks: courses.blocks,
      subjects: courses.subjects,
    })
    .from(courses)
    .where(eq(courses.regionId, regionId));
}

/** The course enrolments of some teachers, with their courses. */
export async function findEnrolments(db: Db, teacherIds: readonly number[]) {
  if (teacherIds.length === 0) return [];
  return db
    .select({
      enrolmentId: courseEnrolments.id,
      teacherId: courseEnrolments.teacherId,
      status: courseEnrolments.status,
      enrolledOn: courseEnrolments.enrolledOn,
      course: {
        id: courses.id,
        title: courses.title,
        hours: courses.hours,
        blocks: courses.blocks,
        subjects: courses.subjects,
      },
    })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .where(inArray(courseEnrolments.teacherId, [...teacherIds]));
}

/** The confirmed mentoring pairs of some teachers in a year, with the mentor's name. */
export async function findConfirmedMentors(db: Db, teacherIds: readonly number[], year: number) {
  if (teacherIds.length === 0) return [];
  return db
    .select({
      pairId: mentoringPairs.id,
      teacherId: mentoringPairs.teacherId,
      fullName: mentors.fullName,
      reason: mentoringPairs.reason,
    })
    .from(mentoringPairs)
    .innerJoin(mentors, eq(mentors.id, mentoringPairs.mentorId))
    .where(
      and(
        inArray(mentoringPairs.teacherId, [...teacherIds]),
        eq(mentoringPairs.year, year),
        eq(mentoringPairs.status, "confirmed"),
      ),
    );
}
