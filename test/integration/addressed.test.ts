import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  courseEnrolments,
  courses,
  deficitAssessments,
  eventSchools,
  events,
  mentoringMeetings,
  mentoringPairs,
  mentors,
  partnerAgreements,
  specialistRequests,
  supportLogEntries,
  teachers,
} from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildCausesWorld, type CausesWorld, expectStatus, storeApprovedRun } from "./causes-support";

/** The programme year of the 2024 run: from 1 September 2024 (the school year 2024/25) to 31 December 2025. */
const YEAR = 2025;

type Body = {
  year: number;
  period: { from: string; to: string };
  asOf: string;
  territory: string;
  schools: {
    code: string;
    counts: Record<string, number>;
    courseHoursCompleted: number;
    lastSupportOn: string | null;
  }[];
  totals: { schools: number; withNone: number; counts: Record<string, number> };
  flags: { kind: string; schoolId: number; sentence: string }[];
};

describe.each(testEngines())("addressed support on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
    const regionId = w.regionA.id;
    await storeApprovedRun(w.db, {
      regionId,
      year: 2024,
      schools: [
        { ...w.s1, category: "shnro" },
        { ...w.s1b, category: "both" },
        { ...w.s2, category: "shfnsu" },
      ],
    });
    const [t1, t2, t3] = await w.db
      .insert(teachers)
      .values([
        { schoolId: w.s1.id, fullName: "Иванова Анна Петровна", subjects: ["математика"] },
        { schoolId: w.s1.id, fullName: "Петров Олег Ильич", subjects: ["физика"] },
        { schoolId: w.s1b.id, fullName: "Сидорова Ирина Львовна", subjects: ["русский язык"] },
      ])
      .returning();
    const [t4] = await w.db
      .insert(teachers)
      .values({ schoolId: w.s1b.id, fullName: "Кузнецов Денис Юрьевич", subjects: ["история"] })
      .returning();
    const [mentorTeacher] = await w.db
      .insert(teachers)
      .values({ schoolId: w.s2.id, fullName: "Орлова Мария Ивановна", subjects: ["русский язык"] })
      .returning();
    const [course36, course72] = await w.db
      .insert(courses)
      .values([
        { regionId, title: "Оценка образовательных результатов", hours: 36, blocks: ["assessment"] },
        { regionId, title: "Цифровая школа", hours: 72, blocks: ["digital"] },
      ])
      .returning();
    if (!t1 || !t2 || !t3 || !t4) throw new Error("setup");
    const diagnosis = (teacherId: number, scores: Record<string, number>) => ({
      teacherId,
      assessedOn: "2024-09-20",
      year: YEAR,
      source: "test" as const,
      scores,
    });
    await w.db.insert(deficitAssessments).values([
      // a subject deficit, but sent to an assessment course: the course matches no deficit
      diagnosis(t1.id, { subject: 35, assessment: 80, digital: 75 }),
      // a digital deficit, sent to the digital course: nothing to flag
      diagnosis(t2.id, { subject: 90, digital: 30 }),
      // a deficit with a mentor: nothing to flag
      diagnosis(t3.id, { methodical: 40 }),
      // a deficit with neither mentor nor course
      diagnosis(t4.id, { assessment: 42, subject: 88 }),
    ]);
    if (!t1 || !t2 || !t3 || !mentorTeacher || !course36 || !course72) throw new Error("setup");
    await w.db.insert(courseEnrolments).values([
      {
        courseId: course36.id,
        teacherId: t1.id,
        status: "completed",
        enrolledOn: "2024-10-01",
        completedOn: "2024-11-20",
      },
      { courseId: course72.id, teacherId: t2.id, status: "enrolled", enrolledOn: "2025-02-03" },
      // before the programme year: not this year's support
      {
        courseId: course72.id,
        teacherId: t1.id,
        status: "completed",
        enrolledOn: "2024-03-01",
        completedOn: "2024-05-01",
      },
    ]);
    const [mentor] = await w.db
      .insert(mentors)
      .values({
        regionId,
        kind: "teacher",
        teacherId: mentorTeacher.id,
        fullName: mentorTeacher.fullName,
        schoolId: w.s2.id,
        municipalityId: w.s2.municipalityId,
        capacity: 2,
      })
      .returning();
    if (!mentor) throw new Error("setup");
    const [pair] = await w.db
      .insert(mentoringPairs)
      .values({
        mentorId: mentor.id,
        teacherId: t3.id,
        year: YEAR,
        status: "confirmed",
        decidedAt: new Date("2024-10-10T09:00:00Z"),
      })
      .returning();
    await w.db
      .insert(mentoringPairs)
      .values({ mentorId: mentor.id, teacherId: t2.id, year: YEAR, status: "rejected" });
    if (!pair) throw new Error("setup");
    await w.db.insert(mentoringMeetings).values([
      { pairId: pair.id, heldOn: "2024-11-05", format: "in_person", topic: "Орфографический режим" },
      { pairId: pair.id, heldOn: "2025-03-12", format: "remote", topic: "Разбор ВПР" },
    ]);
    await supportS2();
  });

  /** S2 (M2) gets the other kinds: a МОЦ consultation, a request left overdue, an event, a partner. */
  async function supportS2() {
    const regionId = w.regionA.id;
    const where = { regionId, municipalityId: w.s2.municipalityId, schoolId: w.s2.id };
    await w.db.insert(supportLogEntries).values([
      {
        ...where,
        kind: "consultation",
        audience: "teachers",
        format: "remote",
        heldOn: "2024-10-14",
        topic: "Подготовка к ВПР",
        peopleCount: 12,
      },
      {
        ...where,
        kind: "visit",
        format: "visit",
        heldOn: "2025-05-20",
        topic: "Выезд в школу",
        peopleCount: 5,
        findings: "Нет плана ВСОКО",
      },
      // before the programme year: not counted
      {
        ...where,
        kind: "consultation",
        audience: "heads",
        format: "in_person",
        heldOn: "2024-05-14",
        topic: "Старое",
        peopleCount: 3,
      },
    ]);
    await w.db.insert(specialistRequests).values({
      ...where,
      specialistKind: "psychologist",
      target: "children",
      reason: "Тревожность перед ГИА",
      status: "assigned",
      filedOn: "2025-03-01",
      scheduledOn: "2025-03-20",
    });
    const [event] = await w.db
      .insert(events)
      .values({
        regionId,
        kind: "seminar",
        level: "regional",
        heldOn: "2025-04-02",
        topic: "Школы с низкими результатами",
        teachersCount: 73,
        municipalitiesCount: 7,
      })
      .returning();
    if (!event) throw new Error("setup");
    await w.db.insert(eventSchools).values({ eventId: event.id, schoolId: w.s2.id });
    await w.db.insert(partnerAgreements).values({
      regionId,
      schoolId: w.s2.id,
      partnerKind: "library",
      partnerName: "Районная библиотека",
      startsOn: "2024-02-01",
      status: "signed",
    });
  }

  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("gives the МОЦ its municipality's programme schools with what each received in the year", async () => {
    const body: Body = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: `/api/support/addressed?year=${YEAR}`,
    });
    expect(body.period).toEqual({ from: "2024-09-01", to: "2025-12-31" });
    expect(body.schools.map((s) => s.code).sort()).toEqual([w.s1.code, w.s1b.code].sort());
    const s1 = body.schools.find((s) => s.code === w.s1.code);
    const s1b = body.schools.find((s) => s.code === w.s1b.code);
    expect(s1?.counts.courses).toBe(2);
    expect(s1?.courseHoursCompleted).toBe(36);
    expect(s1?.counts.mentoring).toBe(0);
    expect(s1?.lastSupportOn).toBe("2025-02-03");
    expect(s1b?.counts.mentoring).toBe(1);
    expect(s1b?.lastSupportOn).toBe("2025-03-12");
    expect(body.totals).toMatchObject({ schools: 2, withNone: 0 });
  });

  it("flags, as of the year's end, each school whose latest support is three or more months old", async () => {
    const body: Body = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: `/api/support/addressed?year=${YEAR}`,
    });
    expect(body.asOf).toBe("2025-12-31");
    expect(body.schools).toHaveLength(3);
    const noSupport = body.flags.filter((flag) => flag.kind === "no_support");
    expect(noSupport.map((flag) => flag.schoolId).sort()).toEqual([w.s1.id, w.s1b.id, w.s2.id].sort());
    const s2 = noSupport.find((flag) => flag.schoolId === w.s2.id);
    expect(s2?.sentence).toContain("адресной поддержки нет 7 месяцев, последняя — 20.05.2025");
    const s1 = noSupport.find((flag) => flag.schoolId === w.s1.id);
    expect(s1?.sentence).toContain("адресной поддержки нет 10 месяцев, последняя — 03.02.2025");
  });

  it("flags a teacher with a deficit and neither mentor nor course, and a course that matches no deficit", async () => {
    const body: Body = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: `/api/support/addressed?year=${YEAR}`,
    });
    const unsupported = body.flags.filter((flag) => flag.kind === "teacher_unsupported");
    expect(unsupported.map((flag) => flag.sentence)).toEqual([
      expect.stringMatching(
        /^Кузнецов Денис Юрьевич \(.+\): дефицит «Оценка образовательных результатов», но нет ни наставника, ни курса\.$/,
      ),
    ]);
    const mismatched = body.flags.filter((flag) => flag.kind === "course_mismatch");
    expect(mismatched).toHaveLength(1);
    expect(mismatched[0]?.sentence).toContain("Иванова Анна Петровна");
    expect(mismatched[0]?.sentence).toContain(
      "«Оценка образовательных результатов» (36 ч) без учёта выявленных дефицитов",
    );
  });

  it("takes the year after the latest approved run when none is asked, and an empty year says so", async () => {
    const body: Body = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: "/api/support/addressed",
    });
    expect(body.year).toBe(YEAR);
    const empty: Body = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: "/api/support/addressed?year=2030",
    });
    expect(empty.schools).toEqual([]);
    expect(empty.flags).toEqual([]);
  });

  it("counts the МОЦ log, requests, events and partners, and flags an overdue request", async () => {
    const body: Body = await expectStatus(w.clients.mocM2, 200, {
      method: "GET",
      url: `/api/support/addressed?year=${YEAR}`,
    });
    const [s2] = body.schools;
    expect(s2?.counts).toEqual({
      consultations: 2,
      requests: 1,
      courses: 0,
      mentoring: 0,
      events: 1,
      partners: 1,
    });
    expect(s2?.lastSupportOn).toBe("2025-05-20");
    expect(body.flags.filter((flag) => flag.kind === "request_overdue").map((flag) => flag.sentence)).toEqual(
      [
        expect.stringMatching(
          /: запрос «педагог-психолог для обучающихся» просрочен — назначенная дата 20\.03\.2025 прошла, заявка не выполнена\.$/,
        ),
      ],
    );
    // the partner agreement began before the year: in force, but not a date of this year's support
    expect(body.schools[0]?.counts.partners).toBe(1);
  });

  it("refuses schools, mentors and specialists, and another municipality's МОЦ a municipality not its own", async () => {
    for (const client of [w.clients.directorS1, w.clients.mentorS1, w.clients.specialistS1]) {
      expect(
        (await client.request({ method: "GET", url: `/api/support/addressed?year=${YEAR}` })).statusCode,
      ).toBe(403);
    }
    const other = await w.clients.mocM2.request({
      method: "GET",
      url: `/api/support/addressed?year=${YEAR}&municipalityId=${w.m1.id}`,
    });
    expect(other.statusCode).toBe(404);
    const own: Body = await expectStatus(w.clients.mocM2, 200, {
      method: "GET",
      url: `/api/support/addressed?year=${YEAR}`,
    });
    expect(own.schools.map((s) => s.code)).toEqual([w.s2.code]);
  });
});
