import { and, eq, inArray } from "drizzle-orm";
import { createRng } from "../../../core/demo";
import {
  demoPlanItems,
  generateDemoDiagnoses,
  generateDemoStaff,
} from "../../../core/demo/teachers/demo-teachers";
import {
  DEFAULT_DEFICIT_SCALE,
  deficitBlocks,
  PROFESSIONAL_BLOCK_LABELS,
  priorityOf,
  schoolYearOf,
} from "../../../core/teachers";
import { individualPlanItems, individualPlans, users } from "../../db/schema";
import type { Db } from "../../platform/db";
import { loadPriorityFacts } from "../teachers/teacher-view";
import { insertAssessments, insertTeachers, type TeacherRow } from "../teachers/teachers.repo";

/** What the demo's teachers step added. */
export type DemoTeachersSummary = {
  teachers: number;
  diagnoses: number;
  priorityTeachers: number;
  individualPlans: number;
};

/** What the step needs: the demo region, the year of the programme and its schools. */
export type DemoTeachersInput = {
  db: Db;
  seed: number;
  regionId: number;
  /** The school year of the latest approved run (the programme's year). */
  year: number;
  schools: readonly { schoolId: number; code: string }[];
};

const CHUNK = 1000;

/** The names of the directors' accounts of some schools: school id → full name. */
async function findDirectorNames(db: Db, schoolIds: number[]): Promise<Map<number, string>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await db
    .select({ schoolId: users.schoolId, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.role, "school_director"), inArray(users.schoolId, schoolIds)))
    .orderBy(users.id);
  const out = new Map<number, string>();
  for (const row of rows)
    if (row.schoolId !== null && !out.has(row.schoolId)) out.set(row.schoolId, row.fullName);
  return out;
}

async function insertChunked<T, R>(rows: readonly T[], write: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await write(rows.slice(i, i + CHUNK))));
  return out;
}

/**
 * The demo's teachers (issue 12): the staff of every programme school (15–40 people, names from the
 * demo's people), their diagnoses of the programme year (tests for most, self-assessments for some,
 * a re-test in May for some), the priority group by the school's subject results or its
 * identification, and an ИОМ with activities for every priority teacher with a deficit. Runs after the
 * plans and before the courses, events and mentoring steps, which use these teachers. Bulk inserts;
 * deterministic by seed.
 */
export async function loadDemoTeachers(input: DemoTeachersInput): Promise<DemoTeachersSummary> {
  const { db, seed, year } = input;
  const facts = await loadPriorityFacts(db, {
    regionId: input.regionId,
    schoolIds: input.schools.map((s) => s.schoolId),
    year,
  });
  const directors = await findDirectorNames(
    db,
    input.schools.map((s) => s.schoolId),
  );
  const staffRows: typeof import("../../db/schema").teachers.$inferInsert[] = [];
  const perSchool: {
    schoolId: number;
    code: string;
    staff: ReturnType<typeof generateDemoStaff>;
    priority: Set<number>;
  }[] = [];
  for (const school of input.schools) {
    const size = createRng(seed, `staff-size:${school.code}`).int(15, 40);
    const generated = generateDemoStaff(seed, school.code, size);
    // the school's director in the registry is the director who signs in, where the school has one
    const director = directors.get(school.schoolId);
    const staff =
      director && !generated.some((t) => t.fullName === director)
        ? generated.map((t, i) => (i === 0 ? { ...t, fullName: director } : t))
        : generated;
    const f = facts.get(school.schoolId);
    const priority = new Set(
      staff.flatMap((t, i) =>
        priorityOf({
          subjects: t.subjects,
          position: t.position,
          results: f?.results ?? [],
          failingSubjects: f?.failingSubjects ?? [],
        }).isPriority
          ? [i]
          : [],
      ),
    );
    perSchool.push({ schoolId: school.schoolId, code: school.code, staff, priority });
    for (const t of staff) staffRows.push({ ...t, schoolId: school.schoolId });
  }
  const inserted = await insertChunked(staffRows, (chunk) => insertTeachers(db, chunk));
  const idOf = new Map(inserted.map((row: TeacherRow) => [`${row.schoolId}\u0000${row.fullName}`, row.id]));
  const diagnoses: Parameters<typeof insertAssessments>[1] = [];
  const plans: { teacherId: number; labels: string[]; key: string }[] = [];
  for (const school of perSchool) {
    const list = generateDemoDiagnoses(seed, school.code, school.staff, { year, priority: school.priority });
    const latest = new Map<number, (typeof list)[number]>();
    for (const d of list) {
      const teacherId = idOf.get(`${school.schoolId}\u0000${school.staff[d.index]?.fullName}`);
      if (teacherId === undefined) continue;
      diagnoses.push({
        teacherId,
        assessedOn: d.assessedOn,
        year: schoolYearOf(d.assessedOn),
        source: d.source,
        scores: d.scores,
        createdBy: null,
      });
      if (!latest.has(d.index) || d.source === "test") latest.set(d.index, d);
    }
    for (const index of school.priority) {
      const first = list.find((d) => d.index === index);
      const teacherId = idOf.get(`${school.schoolId}\u0000${school.staff[index]?.fullName}`);
      if (!first || teacherId === undefined) continue;
      const deficits = deficitBlocks(first.scores, DEFAULT_DEFICIT_SCALE);
      if (deficits.length === 0) continue;
      plans.push({
        teacherId,
        labels: deficits.map((b) => PROFESSIONAL_BLOCK_LABELS[b]),
        key: `${school.code}:${index}`,
      });
    }
  }
  await insertChunked(diagnoses, (chunk) => insertAssessments(db, chunk));
  const planRows = await insertChunked(plans, (chunk) =>
    db
      .insert(individualPlans)
      .values(
        chunk.map((p) => ({
          teacherId: p.teacherId,
          year,
          note: "ИОМ по результатам диагностики дефицитов",
        })),
      )
      .returning({ id: individualPlans.id, teacherId: individualPlans.teacherId }),
  );
  const planOf = new Map(planRows.map((p) => [p.teacherId, p.id]));
  const items = plans.flatMap((p) =>
    demoPlanItems(year, p.labels, seed, p.key).map((item, position) => ({
      ...item,
      position,
      planId: planOf.get(p.teacherId) ?? 0,
    })),
  );
  await insertChunked(items, (chunk) =>
    db.insert(individualPlanItems).values(chunk).returning({ id: individualPlanItems.id }),
  );
  return {
    teachers: inserted.length,
    diagnoses: diagnoses.length,
    priorityTeachers: perSchool.reduce((sum, s) => sum + s.priority.size, 0),
    individualPlans: planRows.length,
  };
}
