import { and, eq, inArray } from "drizzle-orm";
import {
  confirmedCauses,
  identificationResults,
  planActivityAssignees,
  planActivityStates,
  planCheckIns,
  planComments,
  planEvents,
  plans,
  planVersions,
  schoolExaminations,
  schools,
  workbookResponses,
} from "../../db/schema";
import type { Db } from "../../platform/db";

/** A school the run put in the programme (ШНРО, ШФНСУ or both). */
export type RunProgrammeSchool = {
  schoolId: number;
  code: string;
  fullName: string;
  shortName: string;
  regionId: number;
  municipalityId: number;
  category: "shnro" | "shfnsu" | "both";
};

/** The programme schools of a stored run, by school code. */
export async function findRunProgrammeSchools(db: Db, runId: number): Promise<RunProgrammeSchool[]> {
  const rows = await db
    .select({
      schoolId: schools.id,
      code: schools.code,
      fullName: schools.fullName,
      shortName: schools.shortName,
      regionId: schools.regionId,
      municipalityId: schools.municipalityId,
      category: identificationResults.category,
    })
    .from(identificationResults)
    .innerJoin(schools, eq(schools.id, identificationResults.schoolId))
    .where(
      and(
        eq(identificationResults.runId, runId),
        inArray(identificationResults.category, ["shnro", "shfnsu", "both"]),
      ),
    )
    .orderBy(schools.code);
  return rows.flatMap((row) =>
    row.category === "shnro" || row.category === "shfnsu" || row.category === "both"
      ? [{ ...row, category: row.category }]
      : [],
  );
}

/** Stores a school's workbook answers of a year. */
export async function insertDemoResponse(
  db: Db,
  values: typeof workbookResponses.$inferInsert,
): Promise<void> {
  await db.insert(workbookResponses).values(values);
}

/** Stores a МОЦ's examination of a school. */
export async function insertDemoExamination(
  db: Db,
  values: typeof schoolExaminations.$inferInsert,
): Promise<void> {
  await db.insert(schoolExaminations).values(values);
}

/** Stores causes the МОЦ confirmed. */
export async function insertDemoConfirmed(
  db: Db,
  rows: (typeof confirmedCauses.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(confirmedCauses).values(rows);
}

/** A plan with its one version as the demo made it; returns the plan id. */
export async function insertDemoPlan(
  db: Db,
  plan: typeof plans.$inferInsert,
  version: Omit<typeof planVersions.$inferInsert, "planId" | "version">,
): Promise<{ planId: number; versionId: number }> {
  const [planRow] = await db.insert(plans).values(plan).returning({ id: plans.id });
  if (!planRow) throw new Error("Демо-данные: план не создан");
  const [versionRow] = await db
    .insert(planVersions)
    .values({ ...version, planId: planRow.id, version: 1 })
    .returning({ id: planVersions.id });
  if (!versionRow) throw new Error("Демо-данные: версия плана не создана");
  await db.update(plans).set({ currentVersionId: versionRow.id }).where(eq(plans.id, planRow.id));
  return { planId: planRow.id, versionId: versionRow.id };
}

/** The review steps, comments and execution of a demo plan, each list in one statement. */
export async function insertDemoPlanHistory(
  db: Db,
  history: {
    events: (typeof planEvents.$inferInsert)[];
    comments: (typeof planComments.$inferInsert)[];
    states: (typeof planActivityStates.$inferInsert)[];
    checkIns: (typeof planCheckIns.$inferInsert)[];
    assignees: (typeof planActivityAssignees.$inferInsert)[];
  },
): Promise<void> {
  if (history.events.length > 0) await db.insert(planEvents).values(history.events);
  if (history.comments.length > 0) await db.insert(planComments).values(history.comments);
  if (history.states.length > 0) await db.insert(planActivityStates).values(history.states);
  if (history.checkIns.length > 0) await db.insert(planCheckIns).values(history.checkIns);
  if (history.assignees.length > 0) await db.insert(planActivityAssignees).values(history.assignees);
}
