import { mentoringPairs, mentors } from "../../../../src/server/db/schema";
import type { Db } from "../../../../src/server/platform/db";
import { putDiagnosis, putTeacher } from "../../mentoring-support";
import type { World } from "../../world";

/** The school year the mentoring rows use. */
export const MENTORING_YEAR = 2025;

let serial = 0;

/** The name of M1's mentor candidate (a teacher of S1B with a strong block). */
export const CANDIDATE_S1B = "Кандидатка Матричная Зоя";

/**
 * What the mentoring rows act on: a teacher with a deficit in S1 and one in S2, a mentor in M1 (a
 * teacher of S1b, the matrix's mentor account) and one in M2, and a confirmed pair in S1.
 */
export async function buildMentoringFixtures(world: World) {
  const { db } = world;
  const teacherS1 = await putTeacher(db, {
    schoolId: world.s1.id,
    fullName: "Матричная Анна Петровна",
    subjects: ["математика"],
  });
  const teacherS2 = await putTeacher(db, {
    schoolId: world.s2.id,
    fullName: "Матричный Борис Ильич",
    subjects: ["физика"],
  });
  await putDiagnosis(db, teacherS1, "2024-10-01", { assessment: 40 });
  await putDiagnosis(db, teacherS2, "2024-10-01", { methodical: 35 });
  const mentorTeacher = await putTeacher(db, {
    schoolId: world.s1b.id,
    fullName: "Наставница Сильная Первая",
  });
  const mentorTeacherM2 = await putTeacher(db, {
    schoolId: world.s2.id,
    fullName: "Наставница Вторая Дальняя",
  });
  const [mentorM1, mentorM2] = await db
    .insert(mentors)
    .values([
      {
        regionId: world.regionA.id,
        kind: "teacher",
        teacherId: mentorTeacher,
        fullName: "Наставница Сильная Первая",
        schoolId: world.s1b.id,
        municipalityId: world.m1.id,
        strengths: { assessment: 90 },
        capacity: 100,
        userId: world.users.mentorS1.id,
      },
      {
        regionId: world.regionA.id,
        kind: "teacher",
        teacherId: mentorTeacherM2,
        fullName: "Наставница Вторая Дальняя",
        schoolId: world.s2.id,
        municipalityId: world.m2.id,
        strengths: { methodical: 90, assessment: 80 },
        capacity: 100,
      },
    ])
    .returning({ id: mentors.id });
  if (!mentorM1 || !mentorM2) throw new Error("mentors");
  const confirmedS1 = await putPair(db, { mentorId: mentorM1.id, teacherId: teacherS1, status: "confirmed" });
  // a mentor candidate of M1: S1B has the best ОГЭ of region A (partners.fixtures.ts), this teacher a strong block
  const candidateS1b = await putTeacher(db, { schoolId: world.s1b.id, fullName: CANDIDATE_S1B });
  await putDiagnosis(db, candidateS1b, "2024-10-01", { subject: 95 });
  return { teacherS1, teacherS2, mentorM1: mentorM1.id, mentorM2: mentorM2.id, confirmedS1, candidateS1b };
}

/** A pair of the year. */
export async function putPair(
  db: Db,
  p: { mentorId: number; teacherId: number; status: "suggested" | "confirmed" },
): Promise<number> {
  const [row] = await db
    .insert(mentoringPairs)
    .values({ ...p, year: MENTORING_YEAR, score: 40, reason: "Матрица" })
    .returning({ id: mentoringPairs.id });
  if (!row) throw new Error("pair");
  return row.id;
}

/** A fresh teacher of S1 (each create-mentor request makes a mentor of a new one). */
export async function freshTeacherS1(world: World): Promise<number> {
  serial += 1;
  return putTeacher(world.db, { schoolId: world.s1.id, fullName: `Новый Наставник ${serial}` });
}

/** A fresh mentor candidate of M1 (each add-candidate request takes a new one): a teacher of S1B with a strong block. */
export async function freshCandidateS1b(world: World): Promise<number> {
  serial += 1;
  const id = await putTeacher(world.db, { schoolId: world.s1b.id, fullName: `Кандидат Новый ${serial}` });
  await putDiagnosis(world.db, id, "2024-10-01", { methodical: 90 });
  return id;
}
