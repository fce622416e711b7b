import { eq } from "drizzle-orm";
import type { BlockScores } from "../../src/core/teachers";
import { deficitAssessments, schools, teachers } from "../../src/server/db/schema";
import type { Db } from "../../src/server/platform/db";

/**
 * Teachers and diagnoses written straight to the tables (the teachers feature owns their API): what
 * the mentoring tests need of them.
 */
export async function putTeacher(
  db: Db,
  over: {
    schoolId: number;
    fullName: string;
    subjects?: string[];
    position?: "teacher" | "director" | "deputy";
  },
): Promise<number> {
  const [row] = await db
    .insert(teachers)
    .values({
      schoolId: over.schoolId,
      fullName: over.fullName,
      subjects: over.subjects ?? [],
      position: over.position ?? "teacher",
    })
    .returning({ id: teachers.id });
  if (!row) throw new Error("teacher");
  return row.id;
}

/** A diagnosis of a teacher on a date (the school year is the date's, counted to August). */
export async function putDiagnosis(
  db: Db,
  teacherId: number,
  assessedOn: string,
  scores: BlockScores,
): Promise<void> {
  const [y, m] = assessedOn.split("-").map(Number) as [number, number];
  await db
    .insert(deficitAssessments)
    .values({ teacherId, assessedOn, year: m >= 9 ? y + 1 : y, source: "test", scores });
}

/** Puts a school at the coordinates. */
export async function placeSchool(
  db: Db,
  schoolId: number,
  latitude: number,
  longitude: number,
): Promise<void> {
  await db.update(schools).set({ latitude, longitude }).where(eq(schools.id, schoolId));
}
