import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mentoringPairs } from "../../src/server/db/schema";
import { upsertDeficitScale } from "../../src/server/modules/teachers/teacher-sources.repo";
import type { Database } from "../../src/server/platform/db";
import type { MatchingResult, MentorRow, PairDetail, PairRow } from "../../src/shared/mentoring-api";
import { testEngines } from "../support/db";
import { placeSchool, putDiagnosis, putTeacher } from "./mentoring-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;

describe.each(testEngines())("mentoring on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;
  const t: Record<string, number> = {};
  const m: Record<string, MentorRow> = {};

  const ok = async <T>(res: { statusCode: number; body: string }): Promise<T> => {
    expect(res.statusCode, res.body).toBe(200);
    return JSON.parse(res.body) as T;
  };
  const pairsOf = async (who: keyof Clients, query = "") =>
    (
      await ok<{ pairs: PairRow[] }>(
        await c[who].request({ method: "GET", url: `/api/mentoring/pairs?year=${YEAR}${query}` }),
      )
    ).pairs;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    const { db } = w;
    await placeSchool(db, w.s1.id, 55.2, 34.3);
    await placeSchool(db, w.s1b.id, 55.3, 34.4);
    await placeSchool(db, w.s2.id, 54.0, 32.9);
    t.ivanova = await putTeacher(db, {
      schoolId: w.s1.id,
      fullName: "Иванова Анна Петровна",
      subjects: ["математика"],
    });
    t.petrov = await putTeacher(db, {
      schoolId: w.s1.id,
      fullName: "Петров Борис Викторович",
      subjects: ["история"],
    });
    t.orlova = await putTeacher(db, {
      schoolId: w.s2.id,
      fullName: "Орлова Вера Григорьевна",
      subjects: ["физика"],
    });
    t.mentorA = await putTeacher(db, {
      schoolId: w.s1b.id,
      fullName: "Сидорова Елена Васильевна",
      subjects: ["математика"],
    });
    t.mentorB = await putTeacher(db, {
      schoolId: w.s2.id,
      fullName: "Кузнецова Ольга Николаевна",
      subjects: ["физика"],
    });
    await putDiagnosis(db, t.ivanova, "2024-10-01", { assessment: 38, digital: 80 });
    await putDiagnosis(db, t.ivanova, "2025-04-01", { assessment: 42, digital: 82 });
    await putDiagnosis(db, t.petrov, "2024-10-01", { digital: 30, assessment: 75 });
    await putDiagnosis(db, t.orlova, "2024-10-01", { methodical: 35 });
  });
  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("keeps a registry of mentors: a МОЦ adds its own teachers, the region any; nobody else", async () => {
    m.a = await ok<MentorRow>(
      await c.mocM1.request({
        method: "POST",
        url: `/api/mentoring/mentors?year=${YEAR}`,
        payload: {
          kind: "teacher",
          teacherId: t.mentorA,
          strengths: { assessment: 88, digital: 75 },
          capacity: 1,
          source: "high_result",
          userId: w.users.mentorS1.id,
        },
      }),
    );
    expect(m.a).toMatchObject({
      fullName: "Сидорова Елена Васильевна",
      subjects: ["математика"],
      municipalityId: w.m1.id,
      capacity: 1,
      load: 0,
      userId: w.users.mentorS1.id,
    });
    const foreign = await c.mocM1.request({
      method: "POST",
      url: `/api/mentoring/mentors?year=${YEAR}`,
      payload: { kind: "teacher", teacherId: t.mentorB, strengths: { methodical: 90 }, capacity: 2 },
    });
    expect(foreign.statusCode).toBe(404);
    m.b = await ok<MentorRow>(
      await c.adminA.request({
        method: "POST",
        url: `/api/mentoring/mentors?year=${YEAR}`,
        payload: {
          kind: "teacher",
          teacherId: t.mentorB,
          strengths: { methodical: 90, digital: 72 },
          capacity: 2,
          source: "resilient",
        },
      }),
    );
    const again = await c.adminA.request({
      method: "POST",
      url: `/api/mentoring/mentors?year=${YEAR}`,
      payload: { kind: "teacher", teacherId: t.mentorB, strengths: {}, capacity: 1 },
    });
    expect(again.statusCode).toBe(409);
    const badUser = await c.adminA.request({
      method: "PUT",
      url: `/api/mentoring/mentors/${m.b.id}?year=${YEAR}`,
      payload: { userId: w.users.directorS1.id },
    });
    expect(badUser.statusCode).toBe(400);
    expect(
      (await c.directorS1.request({ method: "GET", url: `/api/mentoring/mentors?year=${YEAR}` })).statusCode,
    ).toBe(403);
    const mocList = await ok<{ mentors: MentorRow[] }>(
      await c.mocM1.request({ method: "GET", url: `/api/mentoring/mentors?year=${YEAR}` }),
    );
    // the МОЦ sees the mentors its matching uses: its own, then M2's active one, marked and read-only
    expect(mocList.mentors.map((x) => [x.fullName, x.isOtherMunicipality, x.canEdit])).toEqual([
      ["Сидорова Елена Васильевна", false, true],
      ["Кузнецова Ольга Николаевна", true, false],
    ]);
    const regionList = await ok<{ mentors: MentorRow[] }>(
      await c.adminA.request({ method: "GET", url: `/api/mentoring/mentors?year=${YEAR}` }),
    );
    expect(regionList.mentors).toHaveLength(2);
  });

  it("a МОЦ runs the matching for its municipality: exact, under capacities, with a reason for each pair", async () => {
    const result = await ok<MatchingResult>(
      await c.mocM1.request({ method: "POST", url: "/api/mentoring/matching", payload: { year: YEAR } }),
    );
    // Ivanova (assessment 42) and Petrov (digital 30) of M1; Orlova is M2's and not matched here.
    expect(result.teachers).toBe(2);
    const byTeacher = new Map(result.pairs.map((p) => [p.teacher.fullName, p]));
    // Sidorova has one place: Ivanova gets her (same subject, 13 km, same district); Petrov the digital mentor of M2.
    expect(byTeacher.get("Иванова Анна Петровна")?.mentor.fullName).toBe("Сидорова Елена Васильевна");
    expect(byTeacher.get("Иванова Анна Петровна")?.reason).toBe(
      "Дефицит «Оценка образовательных результатов» (42) — сильная сторона наставника (88); один предмет — математика; 13 км, тот же район",
    );
    expect(byTeacher.get("Петров Борис Викторович")?.mentor.fullName).toBe("Кузнецова Ольга Николаевна");
    expect(result.pairs.every((p) => p.status === "suggested" && (p.score ?? 0) > 0)).toBe(true);
    expect(result.total).toBeCloseTo(
      result.pairs.reduce((s, p) => s + (p.score ?? 0), 0),
      6,
    );
    const [audit] = await w.db.select().from(auditLog).where(eq(auditLog.action, "mentor_match"));
    expect(audit).toMatchObject({ entity: "mentoring_pair", regionId: w.regionA.id });
    // a second run replaces the undecided suggestions, it does not add to them
    await ok(
      await c.mocM1.request({ method: "POST", url: "/api/mentoring/matching", payload: { year: YEAR } }),
    );
    expect(await pairsOf("mocM1")).toHaveLength(2);
    // another municipality's МОЦ runs only its own
    const other = await c.mocM2.request({
      method: "POST",
      url: "/api/mentoring/matching",
      payload: { year: YEAR, municipalityId: w.m1.id },
    });
    expect(other.statusCode).toBe(404);
    expect(await pairsOf("mocM2")).toEqual([]);
  });

  it("the МОЦ confirms, changes or rejects each suggestion; another МОЦ cannot; the mentor sees only their mentees", async () => {
    const pairs = await pairsOf("mocM1");
    const ivanova = pairs.find((p) => p.teacher.id === t.ivanova) as PairRow;
    const petrov = pairs.find((p) => p.teacher.id === t.petrov) as PairRow;
    expect(
      (await c.mocM2.request({ method: "POST", url: `/api/mentoring/pairs/${ivanova.id}/confirm` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await c.mentorS1.request({ method: "POST", url: `/api/mentoring/pairs/${ivanova.id}/confirm` }))
        .statusCode,
    ).toBe(403);
    const confirmed = await ok<PairDetail>(
      await c.mocM1.request({ method: "POST", url: `/api/mentoring/pairs/${ivanova.id}/confirm` }),
    );
    expect(confirmed.pair.status).toBe("confirmed");
    expect(
      (await c.mocM1.request({ method: "POST", url: `/api/mentoring/pairs/${ivanova.id}/reject` }))
        .statusCode,
    ).toBe(409);
    // Petrov's card offers the other mentors with a free place; Sidorova is now full
    const card = await ok<PairDetail>(
      await c.mocM1.request({ method: "GET", url: `/api/mentoring/pairs/${petrov.id}` }),
    );
    expect(card.alternatives.map((a) => a.mentorId)).not.toContain(m.a?.id);
    const full = await c.mocM1.request({
      method: "PUT",
      url: `/api/mentoring/pairs/${petrov.id}/mentor`,
      payload: { mentorId: m.a?.id },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toBe("У наставника нет свободных мест: 1 из 1");
    // more room for Sidorova, then the МОЦ picks her for Petrov: new score and reason
    await ok(
      await c.mocM1.request({
        method: "PUT",
        url: `/api/mentoring/mentors/${m.a?.id}?year=${YEAR}`,
        payload: { capacity: 2 },
      }),
    );
    const changed = await ok<PairDetail>(
      await c.mocM1.request({
        method: "PUT",
        url: `/api/mentoring/pairs/${petrov.id}/mentor`,
        payload: { mentorId: m.a?.id },
      }),
    );
    expect(changed.pair).toMatchObject({
      status: "confirmed",
      mentor: { fullName: "Сидорова Елена Васильевна" },
    });
    expect(changed.pair.reason).toBe(
      "Дефицит «Цифровая компетентность» (30) — сильная сторона наставника (75); 13 км, тот же район; у наставника уже 1 подопечный",
    );
    expect(changed.pair.score).not.toBe(petrov.score);
    // the mentor sees both mentees, nothing else; another МОЦ sees none
    expect((await pairsOf("mentorS1")).map((p) => p.teacher.fullName).sort()).toEqual([
      "Иванова Анна Петровна",
      "Петров Борис Викторович",
    ]);
    expect(await pairsOf("specialistS1")).toEqual([]);
    expect(
      (await c.mocM2.request({ method: "GET", url: `/api/mentoring/pairs/${petrov.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await c.adminB.request({ method: "GET", url: `/api/mentoring/pairs/${petrov.id}` })).statusCode,
    ).toBe(404);
  });

  it("a rejected suggestion stays rejected and a new run gives the teacher a new one", async () => {
    await ok(
      await c.adminA.request({
        method: "POST",
        url: "/api/mentoring/matching",
        payload: { year: YEAR, municipalityId: w.m2.id },
      }),
    );
    const [orlova] = (await pairsOf("adminA", "&status=suggested")).filter((p) => p.teacher.id === t.orlova);
    expect(orlova?.mentor.fullName).toBe("Кузнецова Ольга Николаевна");
    const rejected = await ok<PairDetail>(
      await c.adminA.request({ method: "POST", url: `/api/mentoring/pairs/${orlova?.id}/reject` }),
    );
    expect(rejected.pair.status).toBe("rejected");
    const rows = await w.db
      .select()
      .from(mentoringPairs)
      .where(and(eq(mentoringPairs.teacherId, t.orlova as number), eq(mentoringPairs.status, "rejected")));
    expect(rows).toHaveLength(1);
  });

  it("the mentor records meetings of a confirmed pair and sees the mentee's deficit change", async () => {
    const [ivanova] = (await pairsOf("mentorS1")).filter((p) => p.teacher.id === t.ivanova);
    const meeting = {
      heldOn: "2025-02-10",
      format: "remote",
      topic: "Критерии оценивания",
      outcome: "Разобрали КИМ ВПР",
    };
    const card = await ok<PairDetail>(
      await c.mentorS1.request({
        method: "POST",
        url: `/api/mentoring/pairs/${ivanova?.id}/meetings`,
        payload: meeting,
      }),
    );
    expect(card.meetings).toEqual([expect.objectContaining(meeting)]);
    expect(card.canMeet).toBe(true);
    expect(card.deficitChange.blocks).toEqual([
      { block: "assessment", before: 38, after: 42 },
      { block: "digital", before: 80, after: 82 },
    ]);
    const bad = await c.mentorS1.request({
      method: "POST",
      url: `/api/mentoring/pairs/${ivanova?.id}/meetings`,
      payload: { ...meeting, topic: "" },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await c.directorS1.request({
          method: "POST",
          url: `/api/mentoring/pairs/${ivanova?.id}/meetings`,
          payload: meeting,
        })
      ).statusCode,
    ).toBe(403);
    // the director reads the pair of their teacher
    expect(
      (await c.directorS1.request({ method: "GET", url: `/api/mentoring/pairs/${ivanova?.id}` })).statusCode,
    ).toBe(200);
    const [rejected] = await w.db.select().from(mentoringPairs).where(eq(mentoringPairs.status, "rejected"));
    expect(
      (
        await c.adminA.request({
          method: "POST",
          url: `/api/mentoring/pairs/${rejected?.id}/meetings`,
          payload: meeting,
        })
      ).statusCode,
    ).toBe(403);
    const [audit] = await w.db.select().from(auditLog).where(eq(auditLog.entity, "mentoring_meeting"));
    expect(audit).toMatchObject({ action: "create", actorId: w.users.mentorS1.id });
  });

  it("the matching reads the region's deficit scale: a score mastered on it is no deficit", async () => {
    // region B: one teacher with assessment 55 and digital 60, a mentor strong in both
    const mentee = await putTeacher(w.db, {
      schoolId: w.s3.id,
      fullName: "Белова Нина Ивановна",
      subjects: [],
    });
    const strong = await putTeacher(w.db, {
      schoolId: w.s3.id,
      fullName: "Зайцева Мария Олеговна",
      subjects: [],
    });
    await putDiagnosis(w.db, mentee, "2024-10-01", { assessment: 55, digital: 60 });
    await ok(
      await c.adminB.request({
        method: "POST",
        url: `/api/mentoring/mentors?year=${YEAR}`,
        payload: {
          kind: "teacher",
          teacherId: strong,
          strengths: { assessment: 90, digital: 90 },
          capacity: 1,
        },
      }),
    );
    const run = async () =>
      ok<MatchingResult>(
        await c.adminB.request({ method: "POST", url: "/api/mentoring/matching", payload: { year: YEAR } }),
      );
    // the default scale (mastered from 70): both blocks are deficits
    const byDefault = await run();
    expect(byDefault.pairs[0]?.reason).toMatch(
      /^Дефициты «Оценка образовательных результатов» \(55\) и «Цифровая компетентность» \(60\)/,
    );
    // the region's scale: mastered from 50, the digital block from 65 — only the digital block is left
    await upsertDeficitScale(
      w.db,
      w.regionB.id,
      { deficitBelow: 40, masteredFrom: 50, byBlock: { digital: { deficitBelow: 40, masteredFrom: 65 } } },
      null,
    );
    const byScale = await run();
    expect(byScale.pairs).toHaveLength(1);
    expect(byScale.pairs[0]?.reason).toMatch(
      /^Дефицит «Цифровая компетентность» \(60\) — сильная сторона наставника \(90\)/,
    );
    expect(byScale.pairs[0]?.score ?? 0).toBeLessThan(byDefault.pairs[0]?.score ?? 0);
    // mastered everywhere on the scale: nothing to suggest
    await upsertDeficitScale(w.db, w.regionB.id, { deficitBelow: 40, masteredFrom: 50, byBlock: {} }, null);
    expect((await run()).pairs).toEqual([]);
  });
});
