import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRELOADED_MEASURES } from "../../src/core/plans";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { auditOf, buildCausesWorld, CAUSES_YEAR, type CausesWorld, expectStatus } from "./causes-support";

const MEASURE = {
  code: "reading_club",
  title: "Читательский клуб для обучающихся 5–7 классов",
  description: "Еженедельные встречи: чтение вслух, обсуждение книг, школьный конкурс чтецов.",
  factorCodes: ["low_learning_motivation"],
  indicatorCodes: ["extracurricular_share"],
  deadlineText: "В течение года",
  owners: ["Учителя-предметники"],
  resultText: "Клуб работает, в нём занимаются не менее 20 обучающихся",
};

describe.each(testEngines())("the measure library and the examination on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("lists the preloaded library, by factor too, with the names of the indicators each should move", async () => {
    const all = await expectStatus(w.clients.directorS1, 200, { method: "GET", url: "/api/measures" });
    expect(all.items).toHaveLength(PRELOADED_MEASURES.length);
    expect(all.permissions.canManage).toBe(false);
    const vsoko = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: "/api/measures?factor=undeveloped_vsoko",
    });
    expect(vsoko.items.map((m: { code: string }) => m.code)).toEqual([
      "vsoko_design",
      "marks_vs_external",
      "partner_school",
    ]);
    const design = vsoko.items[0];
    expect(design.indicators.map((i: { code: string }) => i.code)).toEqual([
      "good_marks_share",
      "oge_math_below_min_share",
    ]);
    expect(design.indicators[0].name).not.toBe("good_marks_share");
    expect(design.factors[0]).toEqual({ code: "undeveloped_vsoko", title: expect.stringContaining("ВСОКО") });
    const none = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: "/api/measures?factor=no_such",
    });
    expect(none.items).toEqual([]);
  });

  it("adds a measure for the region only, refusing unknown causes and indicators and a taken code", async () => {
    const created = await expectStatus(w.clients.adminA, 200, {
      method: "POST",
      url: "/api/measures",
      payload: { definition: MEASURE },
    });
    expect(created).toMatchObject({ code: "reading_club", isRetired: false });
    const inA = await expectStatus(w.clients.analystA, 200, {
      method: "GET",
      url: "/api/measures?factor=low_learning_motivation",
    });
    expect(inA.items.map((m: { code: string }) => m.code)).toContain("reading_club");
    const inB = await expectStatus(w.clients.adminB, 200, { method: "GET", url: "/api/measures" });
    expect(inB.items.map((m: { code: string }) => m.code)).not.toContain("reading_club");
    const taken = await expectStatus(w.clients.adminA, 400, {
      method: "POST",
      url: "/api/measures",
      payload: { definition: MEASURE },
    });
    expect(taken.message).toBe("Код меры «reading_club» уже занят");
    const unknown = await expectStatus(w.clients.adminA, 400, {
      method: "POST",
      url: "/api/measures",
      payload: {
        definition: { ...MEASURE, code: "other", factorCodes: ["ghost"], indicatorCodes: ["nothing"] },
      },
    });
    expect(unknown.issues.map((i: { message: string }) => i.message)).toEqual([
      `Мера «${MEASURE.title}»: неизвестная причина «ghost»`,
      `Мера «${MEASURE.title}»: неизвестный показатель «nothing»`,
    ]);
    const noOwner = await expectStatus(w.clients.adminA, 400, {
      method: "POST",
      url: "/api/measures",
      payload: { definition: { ...MEASURE, code: "other", owners: [] } },
    });
    expect(noOwner.issues[0].message).toBe("Укажите ответственного");
    await expectStatus(w.clients.mocM1, 403, {
      method: "POST",
      url: "/api/measures",
      payload: { definition: { ...MEASURE, code: "x" } },
    });
    await expectStatus(w.clients.federal, 403, {
      method: "POST",
      url: "/api/measures",
      payload: { definition: { ...MEASURE, code: "x" } },
    });
  });

  it("edits and retires a measure, keeping its code; the audit has each step", async () => {
    const list = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: "/api/measures?factor=low_learning_motivation",
    });
    const club = list.items.find((m: { code: string }) => m.code === "reading_club");
    const url = `/api/measures/${club.id}`;
    const edited = await expectStatus(w.clients.analystA, 200, {
      method: "PATCH",
      url,
      payload: {
        definition: { ...MEASURE, indicatorCodes: ["extracurricular_share", "olympiad_participants_share"] },
      },
    });
    expect(edited.indicators).toHaveLength(2);
    const renamed = await expectStatus(w.clients.adminA, 400, {
      method: "PATCH",
      url,
      payload: { definition: { ...MEASURE, code: "renamed" } },
    });
    expect(renamed.message).toBe("Код меры не меняется: «reading_club»");
    const retired = await expectStatus(w.clients.adminA, 200, {
      method: "PATCH",
      url,
      payload: { isRetired: true },
    });
    expect(retired.isRetired).toBe(true);
    await expectStatus(w.clients.adminB, 404, { method: "PATCH", url, payload: { isRetired: false } });
    const actions = (await auditOf(w.db, "measure"))
      .filter((e) => e.entityId === String(club.id))
      .map((e) => e.action);
    expect(actions).toEqual(["create", "update", "retire"]);
  });

  it("records the МОЦ's examination of its school; everyone who reads the school reads it", async () => {
    const url = `/api/schools/${w.s1.id}/examination?year=${CAUSES_YEAR}`;
    const empty = await expectStatus(w.clients.directorS1, 200, { method: "GET", url });
    expect(empty).toMatchObject({ examination: null, permissions: { canEdit: false } });
    const input = {
      examinedOn: "2025-03-14",
      participants: "Иванова А. П. (МОЦ), Петров С. В. (директор)",
      documentCheck: "Положение о ВСОКО не утверждено",
      interviews: "Собеседования с 6 учителями",
      assessmentAnalysis: "ВПР по математике ниже отметок в 5 из 7 классов",
      findings: "Необъективное оценивание, нет единых критериев",
    };
    const badDate = await expectStatus(w.clients.mocM1, 400, {
      method: "PUT",
      url,
      payload: { ...input, examinedOn: "2025-02-30" },
    });
    expect(badDate.issues[0]).toMatchObject({
      path: "body.examinedOn",
      message: "Дата обследования: укажите дату в виде ГГГГ-ММ-ДД",
    });
    const noDate = await expectStatus(w.clients.mocM1, 400, {
      method: "PUT",
      url,
      payload: { ...input, examinedOn: "14.03.2025" },
    });
    expect(noDate.issues[0]).toMatchObject({
      path: "body.examinedOn",
      message: "Дата обследования: укажите дату в виде ГГГГ-ММ-ДД",
    });
    const saved = await expectStatus(w.clients.mocM1, 200, { method: "PUT", url, payload: input });
    expect(saved.examination).toMatchObject({ ...input, recordedByName: "Тестовый moc_coordinator" });
    const again = await expectStatus(w.clients.mocM1, 200, {
      method: "PUT",
      url,
      payload: { ...input, findings: "Уточнено" },
    });
    expect(again.examination.findings).toBe("Уточнено");
    const read = await expectStatus(w.clients.mentorS1, 200, { method: "GET", url });
    expect(read.examination.documentCheck).toBe(input.documentCheck);
    for (const key of ["directorS1", "adminA", "federal"] as const) {
      await expectStatus(w.clients[key], 403, { method: "PUT", url, payload: input });
    }
    await expectStatus(w.clients.mocM2, 404, { method: "PUT", url, payload: input });
    await expectStatus(w.clients.mocM2, 404, { method: "GET", url });
    const actions = (await auditOf(w.db, "school_examination")).map((e) => e.action);
    expect(actions).toEqual(["create", "update"]);
  });
});
