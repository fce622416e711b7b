import { and, eq } from "drizzle-orm";
import type { WorkbookAnswers } from "../../../core/causes";
import { schoolExaminations, workbookResponses } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A school's workbook answers of a year as stored. */
export type ResponseRow = typeof workbookResponses.$inferSelect;

/** A school's workbook answers of a year, or undefined. */
export async function findResponse(db: Db, schoolId: number, year: number): Promise<ResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(workbookResponses)
    .where(and(eq(workbookResponses.schoolId, schoolId), eq(workbookResponses.year, year)));
  return row;
}

/** Who changed a row, as the tables keep it. */
export type ChangedBy = { userId: number | null; name: string };

/**
 * Starts a school's answers of a year under a workbook version; undefined when the school already has
 * answers of that year (another save came first), so that the caller can say so.
 */
export async function insertResponse(
  db: Db,
  values: { schoolId: number; year: number; versionId: number; answers: WorkbookAnswers["answers"] },
  by: ChangedBy,
): Promise<number | undefined> {
  const [row] = await db
    .insert(workbookResponses)
    .values({ ...values, status: "draft", updatedBy: by.userId, updatedByName: by.name })
    .onConflictDoNothing()
    .returning({ id: workbookResponses.id });
  return row?.id;
}

/** Changes a school's answers and their state (the version they were given under stays). */
export async function updateResponse(
  db: Db,
  id: number,
  values: { answers: WorkbookAnswers["answers"]; status: "draft" | "submitted"; submittedAt: Date | null },
  by: ChangedBy,
): Promise<void> {
  await db
    .update(workbookResponses)
    .set({ ...values, updatedBy: by.userId, updatedByName: by.name, updatedAt: new Date() })
    .where(eq(workbookResponses.id, id));
}

/** A school's examination of a year as stored. */
export type ExaminationRow = typeof schoolExaminations.$inferSelect;

/** A school's examination of a year, or undefined. */
export async function findExamination(
  db: Db,
  schoolId: number,
  year: number,
): Promise<ExaminationRow | undefined> {
  const [row] = await db
    .select()
    .from(schoolExaminations)
    .where(and(eq(schoolExaminations.schoolId, schoolId), eq(schoolExaminations.year, year)));
  return row;
}

/** The texts and date of an examination. */
export type ExaminationValues = Pick<
  ExaminationRow,
  "examinedOn" | "participants" | "documentCheck" | "interviews" | "assessmentAnalysis" | "findings"
>;

/** Records (or rewrites) a school's examination of a year. */
export async function upsertExamination(
  db: Db,
  key: { schoolId: number; year: number },
  values: ExaminationValues,
  by: ChangedBy,
): Promise<number> {
  const set = { ...values, recordedBy: by.userId, recordedByName: by.name };
  const [row] = await db
    .insert(schoolExaminations)
    .values({ ...key, ...set })
    .onConflictDoUpdate({
      target: [schoolExaminations.schoolId, schoolExaminations.year],
      set: { ...set, updatedAt: new Date() },
    })
    .returning({ id: schoolExaminations.id });
  if (!row) throw new Error("Обследование не записано");
  return row.id;
}
