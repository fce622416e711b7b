import { teachers } from "../../../../src/server/db/schema";
import type { World } from "../../world";

/** What the teachers rows act on: a teacher of S1 with a diagnosis, and one of S2. */
export async function buildTeacherFixtures(world: World) {
  const [s1Teacher, s2Teacher] = await world.db
    .insert(teachers)
    .values([
      { schoolId: world.s1.id, fullName: "Матрицева Анна Петровна", subjects: ["математика"] },
      { schoolId: world.s2.id, fullName: "Чужедальняя Вера Ильинична", subjects: ["русский язык"] },
    ])
    .returning({ id: teachers.id });
  if (!s1Teacher || !s2Teacher) throw new Error("no teachers");
  return { s1Teacher: s1Teacher.id, s2Teacher: s2Teacher.id };
}
