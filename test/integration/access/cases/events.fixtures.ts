import { courseEnrolments, courses, eventSchools, events, teachers } from "../../../../src/server/db/schema";
import type { MatrixWorld } from "../matrix-world";

let serial = 0;
const next = () => ++serial;

/** A course of region A's catalogue, written straight to the database (each call a new one). */
export async function courseOfA(w: MatrixWorld): Promise<number> {
  return (await namedCourseOfA(w)).id;
}

/** The same, with its title. */
export async function namedCourseOfA(w: MatrixWorld): Promise<{ id: number; title: string }> {
  const [row] = await w.db
    .insert(courses)
    .values({ regionId: w.regionA.id, title: `Курс матрицы ${next()}`, hours: 36, startsOn: "2024-10-01" })
    .returning({ id: courses.id, title: courses.title });
  if (!row) throw new Error("no course");
  return row;
}

/** The name every matrix teacher of S1 carries, which users outside M1 must not see. */
export const S1_TEACHER = "Матрицева Анна Сергеевна";

/** A teacher of S1 (each call a new one). */
export async function teacherOfS1(w: MatrixWorld): Promise<{ id: number; fullName: string }> {
  const [row] = await w.db
    .insert(teachers)
    .values({ schoolId: w.s1.id, fullName: `${S1_TEACHER} ${next()}`, subjects: ["математика"] })
    .returning({ id: teachers.id, fullName: teachers.fullName });
  if (!row) throw new Error("no teacher");
  return row;
}

/** An enrolment of a new S1 teacher in a new course of region A. */
export async function enrolmentOfS1(w: MatrixWorld): Promise<number> {
  const courseId = await courseOfA(w);
  const teacher = await teacherOfS1(w);
  const [row] = await w.db
    .insert(courseEnrolments)
    .values({ courseId, teacherId: teacher.id, enrolledOn: "2024-10-01" })
    .returning({ id: courseEnrolments.id });
  if (!row) throw new Error("no enrolment");
  return row.id;
}

/** A municipal event kept by M1's МОЦ with S1 taking part (each call a new one). */
export async function eventOfM1(w: MatrixWorld): Promise<number> {
  const [row] = await w.db
    .insert(events)
    .values({
      regionId: w.regionA.id,
      municipalityId: w.m1.id,
      kind: "seminar",
      level: "municipal",
      heldOn: "2025-02-10",
      topic: `Семинар матрицы ${next()}`,
      teachersCount: 12,
    })
    .returning({ id: events.id });
  if (!row) throw new Error("no event");
  await w.db.insert(eventSchools).values({ eventId: row.id, schoolId: w.s1.id });
  return row.id;
}
