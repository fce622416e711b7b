import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mentors } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import type { CandidateList, MatchingResult, MentorRow } from "../../src/shared/mentoring-api";
import { testEngines } from "../support/db";
import { putDiagnosis, putTeacher } from "./mentoring-support";
import { buildPartnersWorld, ok, type PartnersWorld } from "./partners-support";

const YEAR = 2025;

describe.each(testEngines())("mentor candidates on $kind", (engine) => {
  let database: Database;
  let w: PartnersWorld;
  const t = { star: 0, weak: 0, twoSittings: 0, programme: 0, mentee: 0 };

  const candidatesOf = async (who: keyof PartnersWorld["clients"], query = "") =>
    ok<CandidateList>(
      "candidates",
      await w.clients[who].request({ method: "GET", url: `/api/mentoring/candidates?year=${YEAR}${query}` }),
    );
  const mentorsOf = async (who: keyof PartnersWorld["clients"]) =>
    ok<{ mentors: MentorRow[] }>(
      "mentors",
      await w.clients[who].request({ method: "GET", url: `/api/mentoring/mentors?year=${YEAR}` }),
    ).mentors;
  const mentorCount = async () => (await w.db.select({ id: mentors.id }).from(mentors)).length;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildPartnersWorld(database);
    const { db } = w;
    // `star` (M1) is resilient: far above what its hard conditions predict; S1 is a programme school.
    t.star = await putTeacher(db, {
      schoolId: w.star.id,
      fullName: "Звёздная Мария Ивановна",
      subjects: ["математика"],
    });
    t.weak = await putTeacher(db, { schoolId: w.star.id, fullName: "Средняя Ольга Петровна" });
    t.twoSittings = await putTeacher(db, { schoolId: w.star.id, fullName: "Двухэтапный Пётр Ильич" });
    t.programme = await putTeacher(db, { schoolId: w.s1.id, fullName: "Программная Анна Юрьевна" });
    t.mentee = await putTeacher(db, {
      schoolId: w.s1.id,
      fullName: "Подопечная Вера Олеговна",
      subjects: ["математика"],
    });
    await putDiagnosis(db, t.star, "2024-10-01", { subject: 92, assessment: 88, digital: 40 });
    await putDiagnosis(db, t.weak, "2024-10-01", { subject: 60, methodical: 55 });
    await putDiagnosis(db, t.twoSittings, "2024-10-01", { methodical: 90 });
    await putDiagnosis(db, t.twoSittings, "2025-03-01", { digital: 75 });
    await putDiagnosis(db, t.programme, "2024-10-01", { subject: 95 });
    await putDiagnosis(db, t.mentee, "2024-10-01", { assessment: 35 });
  });
  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("lists the staff of resilient and high-result schools with strong blocks, each with its sentence", async () => {
    const list = await candidatesOf("mocM1");
    const byName = new Map(list.candidates.map((c) => [c.fullName, c]));
    const star = byName.get("Звёздная Мария Ивановна");
    // `star` does far better than its conditions predict: high in the ОГЭ and above its expected result
    expect(star?.source).toBe("high_result");
    expect(star?.schoolId).toBe(w.star.id);
    expect(star?.sentence).toMatch(
      /^Школа с высокими результатами по контекстной модели \(средняя отметка ОГЭ по математике; результат выше ожидаемого на \d+,\d σ\); сильные блоки: предметный 92, оценочный 88$/,
    );
    expect(star?.strengths).toEqual({ subject: 92, assessment: 88 });
    // the latest score of each block: the October methodical 90 and the March digital 75
    expect(byName.get("Двухэтапный Пётр Ильич")?.strengths).toEqual({ methodical: 90, digital: 75 });
    expect(byName.has("Средняя Ольга Петровна")).toBe(false);
    expect(byName.has("Программная Анна Юрьевна")).toBe(false);
    expect(list.canAdd).toBe(true);
    expect(list.notes.join(" ")).toContain("контекстной модели");
    // M2's МОЦ sees its own municipality's candidates only; a director none
    const m2 = await candidatesOf("mocM2");
    expect(m2.candidates.every((c) => c.municipalityId === w.m2.id)).toBe(true);
    expect(JSON.stringify(m2)).not.toContain("Звёздная");
    const region = await candidatesOf("adminA");
    expect(region.candidates.map((c) => c.fullName)).toContain("Звёздная Мария Ивановна");
    const director = await w.clients.directorS1.request({
      method: "GET",
      url: `/api/mentoring/candidates?year=${YEAR}`,
    });
    expect(director.statusCode).toBe(403);
  });

  it("adds a candidate to the registry in one click, audited; another МОЦ and non-candidates are refused", async () => {
    const before = await mentorCount();
    const star = (await candidatesOf("mocM1")).candidates.find((c) => c.teacherId === t.star);
    if (!star) throw new Error("no candidate");
    const add = (who: keyof PartnersWorld["clients"], teacherId: number) =>
      w.clients[who].request({
        method: "POST",
        url: `/api/mentoring/candidates/${teacherId}?year=${YEAR}`,
        payload: { capacity: 2 },
      });
    expect((await add("mocM2", t.star)).statusCode).toBe(404);
    expect((await add("directorS1", t.star)).statusCode).toBe(403);
    expect((await add("mocM1", t.weak)).statusCode).toBe(409);
    expect((await add("mocM1", t.programme)).statusCode).toBe(409);
    expect(await mentorCount()).toBe(before);
    const mentor = ok<MentorRow>("add", await add("mocM1", t.star));
    expect(mentor).toMatchObject({
      fullName: "Звёздная Мария Ивановна",
      kind: "teacher",
      source: "high_result",
      capacity: 2,
      strengths: { subject: 92, assessment: 88 },
      subjects: ["математика"],
      schoolId: w.star.id,
      canEdit: true,
      isOtherMunicipality: false,
    });
    expect(mentor.note).toBe(star.sentence);
    expect((await add("mocM1", t.star)).statusCode).toBe(409);
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "mentor_from_candidate"), eq(auditLog.entityId, String(mentor.id))));
    expect(audit).toHaveLength(1);
    const list = await candidatesOf("mocM1");
    expect(list.candidates.find((c) => c.teacherId === t.star)?.mentorId).toBe(mentor.id);
  });

  it("adds МОЦ staff as mentors by name and position, not attached to a school", async () => {
    const staff = ok<MentorRow>(
      "staff",
      await w.clients.mocM1.request({
        method: "POST",
        url: `/api/mentoring/mentors?year=${YEAR}`,
        payload: {
          kind: "moc_staff",
          fullName: "Методистова Ирина Павловна",
          subjects: ["математика"],
          strengths: { assessment: 90, methodical: 85 },
          capacity: 3,
        },
      }),
    );
    expect(staff).toMatchObject({
      kind: "moc_staff",
      position: "методист МОЦ",
      schoolId: null,
      mocStaffId: null,
      municipalityId: w.m1.id,
      source: "moc",
    });
    const noPlace = await w.clients.adminA.request({
      method: "POST",
      url: `/api/mentoring/mentors?year=${YEAR}`,
      payload: { kind: "moc_staff", fullName: "Без Района Иван", strengths: {}, capacity: 1 },
    });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.body).toContain("Выберите муниципалитет МОЦ");
  });

  it("shows a МОЦ the mentors its matching may use: other districts' active ones marked and read-only", async () => {
    const other = ok<MentorRow>(
      "M2 staff",
      await w.clients.adminA.request({
        method: "POST",
        url: `/api/mentoring/mentors?year=${YEAR}`,
        payload: {
          kind: "moc_staff",
          fullName: "Дальняя Светлана Игоревна",
          position: "старший методист",
          municipalityId: w.m2.id,
          strengths: { assessment: 99 },
          capacity: 5,
        },
      }),
    );
    const resting = ok<MentorRow>(
      "M2 inactive",
      await w.clients.adminA.request({
        method: "POST",
        url: `/api/mentoring/mentors?year=${YEAR}`,
        payload: {
          kind: "moc_staff",
          fullName: "Отпускная Лилия Сергеевна",
          municipalityId: w.m2.id,
          strengths: {},
          capacity: 1,
        },
      }),
    );
    ok(
      "deactivate",
      await w.clients.adminA.request({
        method: "PUT",
        url: `/api/mentoring/mentors/${resting.id}?year=${YEAR}`,
        payload: { isActive: false },
      }),
    );
    const seen = await mentorsOf("mocM1");
    const byName = new Map(seen.map((m) => [m.fullName, m]));
    expect(byName.get("Дальняя Светлана Игоревна")).toMatchObject({
      isOtherMunicipality: true,
      canEdit: false,
    });
    expect(byName.get("Звёздная Мария Ивановна")).toMatchObject({
      isOtherMunicipality: false,
      canEdit: true,
    });
    expect(byName.has("Отпускная Лилия Сергеевна")).toBe(false);
    // own first, then the other districts'
    const firstOther = seen.findIndex((m) => m.isOtherMunicipality);
    expect(seen.slice(firstOther).every((m) => m.isOtherMunicipality)).toBe(true);
    const edit = await w.clients.mocM1.request({
      method: "PUT",
      url: `/api/mentoring/mentors/${other.id}?year=${YEAR}`,
      payload: { capacity: 1 },
    });
    expect(edit.statusCode).toBe(404);
    expect((await mentorsOf("adminA")).find((m) => m.id === other.id)?.capacity).toBe(5);
    // the matching uses exactly those: every suggested mentor is in the МОЦ's registry view
    const result = ok<MatchingResult>(
      "matching",
      await w.clients.mocM1.request({
        method: "POST",
        url: "/api/mentoring/matching",
        payload: { year: YEAR },
      }),
    );
    expect(result.pairs.length).toBeGreaterThan(0);
    const shown = new Set(seen.map((m) => m.fullName));
    for (const pair of result.pairs) expect(shown.has(pair.mentor.fullName)).toBe(true);
    expect(result.pairs.find((p) => p.teacher.fullName === "Подопечная Вера Олеговна")).toBeDefined();
  });
});
