import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, courseEnrolments, courses, mentoringPairs, mentors } from "../../src/server/db/schema";
import { type Actor, SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { teacherSupportBySchool } from "../../src/server/modules/teachers/teacher-support.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import {
  buildTeachersWorld,
  expectStatus,
  postScores,
  postTeacher,
  TEACHERS_YEAR,
  type TeachersWorld,
} from "./teachers-support";

describe.each(testEngines())("the individual plan (ИОМ) on $kind", (engine) => {
  let database: Database;
  let w: TeachersWorld;
  let teacherId: number;
  let digitalCourse: number;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildTeachersWorld(database);
    // the course catalogue and the mentoring are other features'; their rows are fixtures here
    const rows = await w.db
      .insert(courses)
      .values([
        { regionId: w.regionA.id, title: "Оценивание на уроке", hours: 36, blocks: ["assessment"] },
        { regionId: w.regionA.id, title: "Цифровая школа", hours: 24, blocks: ["digital"] },
        {
          regionId: w.regionA.id,
          title: "Трудные темы ОГЭ по математике",
          hours: 72,
          blocks: ["subject"],
          subjects: ["математика"],
        },
        {
          regionId: w.regionA.id,
          title: "Русский язык: трудные темы",
          hours: 36,
          blocks: ["subject"],
          subjects: ["русский язык"],
        },
        { regionId: w.regionB.id, title: "Курс другого региона", hours: 24, blocks: ["assessment"] },
      ])
      .returning({ id: courses.id });
    digitalCourse = rows[1]?.id ?? 0;
    const { teacher } = await postTeacher(w.clients.directorS1, w.s1.id, "Лебедева Ольга Викторовна", {
      subjects: ["физика"],
    });
    teacherId = teacher.id;
    await postScores(w.clients.directorS1, teacherId, "2024-10-10", {
      subject: 44,
      assessment: 38,
      digital: 81,
      methodical: 60,
    });
    await w.db
      .insert(courseEnrolments)
      .values({ courseId: digitalCourse, teacherId, enrolledOn: "2024-11-01" });
    const { teacher: mentorTeacher } = await postTeacher(
      w.clients.directorS1,
      w.s1.id,
      "Миронова Галина Ивановна",
    );
    const [mentor] = await w.db
      .insert(mentors)
      .values({
        regionId: w.regionA.id,
        kind: "teacher",
        teacherId: mentorTeacher.id,
        fullName: "Миронова Галина Ивановна",
        municipalityId: w.m1.id,
      })
      .returning({ id: mentors.id });
    await w.db.insert(mentoringPairs).values({
      mentorId: mentor?.id ?? 0,
      teacherId,
      year: TEACHERS_YEAR,
      status: "confirmed",
      reason: "Сильна в оценке результатов; та же школа",
    });
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("goes from the deficits to the matching courses with their reasons, the mentor and the flag", async () => {
    const plan = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: `/api/teachers/${teacherId}/plan?year=${TEACHERS_YEAR}`,
    });
    expect(plan.deficits.map((d: { block: string }) => d.block)).toEqual(["assessment", "subject"]);
    expect(plan.courses.map((c: { title: string }) => c.title)).toEqual(["Оценивание на уроке"]);
    expect(plan.courses[0].reason).toBe(
      "Курс «Оценивание на уроке» (36 ч) адресован дефициту «Оценка образовательных результатов» (балл 38).",
    );
    expect(plan.mentor).toMatchObject({ fullName: "Миронова Галина Ивановна" });
    expect(plan.mismatches).toEqual([
      expect.objectContaining({
        courseId: digitalCourse,
        reason: expect.stringContaining(
          "Направлен на курс «Цифровая школа» (24 ч) без учёта выявленных дефицитов",
        ),
      }),
    ]);
    expect(plan).toMatchObject({ isSaved: false, items: [], reassessment: null });
  });

  it("recommends the course of the teacher's subject when they teach it", async () => {
    await expectStatus(w.clients.directorS1, 200, {
      method: "PATCH",
      url: `/api/teachers/${teacherId}`,
      payload: { subjects: ["математика"] },
    });
    const plan = await expectStatus(w.clients.directorS1, 200, {
      method: "GET",
      url: `/api/teachers/${teacherId}/plan?year=${TEACHERS_YEAR}`,
    });
    expect(plan.courses.map((c: { title: string }) => c.title)).toEqual([
      "Оценивание на уроке",
      "Трудные темы ОГЭ по математике",
    ]);
  });

  it("stores the activities with deadlines, audited; the mentor reads but may not write", async () => {
    const body = {
      year: TEACHERS_YEAR,
      note: "Маршрут на 2024/25",
      items: [
        { text: "Посетить 3 урока наставника", deadline: "2024-12-20", isDone: true },
        { text: "Провести открытый урок", deadline: "2025-04-15" },
      ],
    };
    await expectStatus(w.clients.mentorS1, 403, {
      method: "PUT",
      url: `/api/teachers/${teacherId}/plan`,
      payload: body,
    });
    await expectStatus(w.clients.mocM2, 404, {
      method: "GET",
      url: `/api/teachers/${teacherId}/plan?year=${TEACHERS_YEAR}`,
    });
    const saved = await expectStatus(w.clients.directorS1, 200, {
      method: "PUT",
      url: `/api/teachers/${teacherId}/plan`,
      payload: body,
    });
    expect(saved).toMatchObject({ isSaved: true, note: "Маршрут на 2024/25" });
    expect(
      saved.items.map((i: { text: string; isDone: boolean; deadline: string | null }) => [
        i.text,
        i.deadline,
        i.isDone,
      ]),
    ).toEqual([
      ["Посетить 3 урока наставника", "2024-12-20", true],
      ["Провести открытый урок", "2025-04-15", false],
    ]);
    const read = await expectStatus(w.clients.mentorS1, 200, {
      method: "GET",
      url: `/api/teachers/${teacherId}/plan?year=${TEACHERS_YEAR}`,
    });
    expect(read.items).toHaveLength(2);
    const resaved = await expectStatus(w.clients.directorS1, 200, {
      method: "PUT",
      url: `/api/teachers/${teacherId}/plan`,
      payload: { ...body, items: [{ ...body.items[1], isDone: true }] },
    });
    expect(resaved.items).toEqual([
      expect.objectContaining({ text: "Провести открытый урок", isDone: true }),
    ]);
    const audit = await w.db.select().from(auditLog).where(eq(auditLog.entity, "individual_plan"));
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("shows the change per block at the re-assessment and drops the flag once no deficit is left unmatched", async () => {
    await postScores(w.clients.directorS1, teacherId, "2025-05-12", {
      subject: 58,
      assessment: 72,
      digital: 85,
      methodical: 40,
    });
    const plan = await expectStatus(w.clients.directorS1, 200, {
      method: "GET",
      url: `/api/teachers/${teacherId}/plan?year=${TEACHERS_YEAR}`,
    });
    expect(plan.reassessment.changes).toEqual([
      { block: "subject", before: 44, after: 58, delta: 14, levelBefore: "deficit", levelAfter: "partial" },
      {
        block: "methodical",
        before: 60,
        after: 40,
        delta: -20,
        levelBefore: "partial",
        levelAfter: "deficit",
      },
      {
        block: "assessment",
        before: 38,
        after: 72,
        delta: 34,
        levelBefore: "deficit",
        levelAfter: "mastered",
      },
      { block: "digital", before: 81, after: 85, delta: 4, levelBefore: "mastered", levelAfter: "mastered" },
    ]);
    expect(plan.deficits.map((d: { block: string }) => d.block)).toEqual(["methodical"]);
    expect(plan.mismatches).toHaveLength(1);
  });

  it("gives the dashboard, per school in the actor's scope, the teachers with a deficit, those with no support and the mismatches", async () => {
    const { teacher: alone } = await postTeacher(w.clients.directorS1, w.s1.id, "Одинокова Лидия Павловна");
    await postScores(w.clients.directorS1, alone.id, "2025-01-20", { digital: 20 });
    const moc: Actor = {
      ...SYSTEM_ACTOR,
      userId: w.users.mocM1.id,
      role: "moc_coordinator",
      regionId: w.regionA.id,
      municipalityId: w.m1.id,
    };
    const rows = await teacherSupportBySchool({
      db: w.db,
      actor: moc,
      schoolIds: [w.s1.id, w.s2.id],
      year: TEACHERS_YEAR,
    });
    expect(rows.map((r) => r.schoolId)).toEqual([w.s1.id]);
    const [s1] = rows;
    expect(s1?.withDeficit.map((t) => t.fullName).sort()).toEqual([
      "Лебедева Ольга Викторовна",
      "Одинокова Лидия Павловна",
    ]);
    expect(s1?.withoutSupport).toEqual([
      { teacherId: alone.id, fullName: "Одинокова Лидия Павловна", deficits: ["digital"] },
    ]);
    expect(s1?.mismatched).toEqual([expect.objectContaining({ teacherId, courseId: digitalCourse })]);
  });

  it("reads the latest score of each block: a block diagnosed only at an earlier sitting is kept", async () => {
    const { teacher } = await postTeacher(w.clients.directorS1, w.s1.id, "Двухэтапная Нина Львовна");
    // October: the subject and assessment blocks; March: the digital block only.
    await postScores(w.clients.directorS1, teacher.id, "2024-10-15", { subject: 45, assessment: 30 });
    await postScores(w.clients.directorS1, teacher.id, "2025-03-20", { digital: 35 });
    const plan = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: `/api/teachers/${teacher.id}/plan?year=${TEACHERS_YEAR}`,
    });
    expect(plan.deficits).toEqual([
      { block: "assessment", label: "Оценка образовательных результатов", score: 30 },
      { block: "digital", label: "Цифровая компетентность", score: 35 },
      { block: "subject", label: "Предметная компетентность", score: 45 },
    ]);
    expect(plan.diagnosis.scores).toEqual({ subject: 45, assessment: 30, digital: 35 });
    const titles = plan.courses.map((c: { title: string }) => c.title);
    expect(titles).toContain("Оценивание на уроке");
    expect(titles).toContain("Цифровая школа");
    // the re-assessment compares only blocks diagnosed again: none was, so no change is shown
    expect(plan.reassessment.changes).toEqual([]);
  });
});
