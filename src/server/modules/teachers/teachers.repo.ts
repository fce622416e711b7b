import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { BlockScores } from "../../../core/teachers";
import { deficitAssessments, schools, teachers } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A teacher row as the module uses it. */
export type TeacherRow = typeof teachers.$inferSelect;
/** A diagnosis row. */
export type AssessmentRow = typeof deficitAssessments.$inferSelect;

/** The teachers of some schools, by name (the inactive too when asked). */
export async function findSchoolTeachers(
  db: Db,
  schoolIds: readonly number[],
  opts: { includeInactive: boolean } = { includeInactive: true },
): Promise<TeacherRow[]> {
  if (schoolIds.length === 0) return [];
  return db
    .select()
    .from(teachers)
    .where(
      and(
        inArray(teachers.schoolId, [...schoolIds]),
        opts.includeInactive ? undefined : eq(teachers.isActive, true),
      ),
    )
    .orderBy(asc(teachers.fullName), asc(teachers.id));
}

/** One teacher by id (the caller checks the school is in scope). */
export async function findTeacherById(db: Db, id: number): Promise<TeacherRow | undefined> {
  const [row] = await db.select().from(teachers).where(eq(teachers.id, id));
  return row;
}

/** A teacher of a school by name, case-insensitively (how the imports find one). */
export async function findTeacherByName(db: Db, schoolId: number, fullName: string) {
  const [row] = await db
    .select()
    .from(teachers)
    .where(and(eq(teachers.schoolId, schoolId), sql`lower(${teachers.fullName}) = lower(${fullName})`));
  return row;
}

/** Inserts teachers; returns their rows. */
export async function insertTeachers(
  db: Db,
  values: (typeof teachers.$inferInsert)[],
): Promise<TeacherRow[]> {
  if (values.length === 0) return [];
  return db.insert(teachers).values(values).returning();
}

/** Changes a teacher; returns the new row. */
export async function updateTeacherRow(
  db: Db,
  id: number,
  values: Partial<typeof teachers.$inferInsert>,
): Promise<TeacherRow | undefined> {
  const [row] = await db
    .update(teachers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(teachers.id, id))
    .returning();
  return row;
}

/** The diagnoses of some teachers, oldest first. */
export async function findAssessments(db: Db, teacherIds: readonly number[]): Promise<AssessmentRow[]> {
  if (teacherIds.length === 0) return [];
  return db
    .select()
    .from(deficitAssessments)
    .where(inArray(deficitAssessments.teacherId, [...teacherIds]))
    .orderBy(asc(deficitAssessments.assessedOn), asc(deficitAssessments.id));
}

/** Inserts diagnoses; returns their rows. */
export async function insertAssessments(
  db: Db,
  values: {
    teacherId: number;
    assessedOn: string;
    year: number;
    source: "test" | "self";
    scores: BlockScores;
    createdBy: number | null;
  }[],
): Promise<AssessmentRow[]> {
  if (values.length === 0) return [];
  return db.insert(deficitAssessments).values(values).returning();
}

/** Schools of a region by code, within a scope (the imports' match): code → id. */
export async function findScopedSchoolsByCode(
  db: Db,
  regionId: number,
  codes: readonly string[],
  scope: SQL | undefined,
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: schools.id, code: schools.code })
    .from(schools)
    .where(and(eq(schools.regionId, regionId), inArray(schools.code, [...codes]), scope));
  return new Map(rows.map((r) => [r.code, r.id]));
}
