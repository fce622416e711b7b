import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRELOADED_WORKBOOK, type Workbook } from "../../src/core/causes";
import { insertResponse } from "../../src/server/modules/causes/response.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import {
  answerAll,
  auditOf,
  buildCausesWorld,
  CAUSES_YEAR,
  type CausesWorld,
  expectStatus,
} from "./causes-support";

const YEAR = CAUSES_YEAR;

/** The preloaded workbook with one question added to its first section. */
function withExtraQuestion(workbook: Workbook): Workbook {
  const [first, ...rest] = workbook.sections;
  if (!first) throw new Error("no section");
  const extra = {
    code: "vsoko_plan_published",
    type: "yes_no" as const,
    text: "Опубликован ли график оценочных процедур на сайте школы?",
    factorCodes: ["undeveloped_vsoko"],
    required: false,
    riskIfYes: 0,
    riskIfNo: 0.6,
  };
  return { ...workbook, sections: [{ ...first, questions: [...first.questions, extra] }, ...rest] };
}

describe.each(testEngines())("the workbook of causes on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;
  const schoolUrl = (id: number, year = YEAR) => `/api/schools/${id}/workbook?year=${year}`;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("refuses a workbook edit with Russian messages naming the section and question; nothing is saved", async () => {
    const broken = structuredClone(PRELOADED_WORKBOOK) as Workbook;
    const section = broken.sections[1]!;
    section.questions[3] = { ...section.questions[3]!, factorCodes: ["no_such_factor"] };
    section.questions[4] = { ...section.questions[4]!, code: broken.sections[0]!.questions[0]!.code };
    const res = await expectStatus(w.clients.adminA, 400, {
      method: "PUT",
      url: "/api/causes/workbook",
      payload: { definition: broken, note: "проверка" },
    });
    const messages = res.issues.map((i: { message: string }) => i.message);
    expect(messages).toContain("Вопрос 2.4: неизвестный фактор риска «no_such_factor»");
    expect(messages).toContain("Вопрос 2.5: код «vsoko_regulation» уже занят: вопрос 1.1");
    expect(res.message).toMatch(/^Тетрадь не сохранена: Вопрос 2\.4 — неизвестный фактор риска/);
    const empty = structuredClone(PRELOADED_WORKBOOK) as Workbook;
    empty.sections[2]!.questions[0]!.text = "";
    const text = await expectStatus(w.clients.adminA, 400, {
      method: "PUT",
      url: "/api/causes/workbook",
      payload: { definition: empty },
    });
    expect(text.issues.map((i: { message: string }) => i.message)).toContain(
      "Раздел 3, вопрос 3.1: Текст не может быть пустым",
    );
    const unchanged = await expectStatus(w.clients.adminA, 400, {
      method: "PUT",
      url: "/api/causes/workbook",
      payload: { definition: PRELOADED_WORKBOOK },
    });
    expect(unchanged.message).toBe("Тетрадь не изменилась: новая версия не создана");
    const versions = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: "/api/causes/workbook/versions",
    });
    expect(versions).toHaveLength(1);
    await expectStatus(w.clients.mocM1, 403, {
      method: "PUT",
      url: "/api/causes/workbook",
      payload: { definition: withExtraQuestion(PRELOADED_WORKBOOK) },
    });
  });

  it("saves a draft, naming each wrong answer by its question; the refused save changes nothing", async () => {
    const start = await expectStatus(w.clients.directorS1, 200, { method: "GET", url: schoolUrl(w.s1.id) });
    expect(start).toMatchObject({ response: null, workbook: { version: 1, currentVersion: 1 } });
    expect(start.permissions.canEdit).toBe(true);
    const wrong = await expectStatus(w.clients.directorS1, 400, {
      method: "PUT",
      url: schoolUrl(w.s1.id),
      payload: {
        answers: {
          vsoko_regulation: "может быть",
          teacher_vacancies: 1.5,
          fatigue: 9,
          ghost: true,
          internet: { a: 1 },
        },
      },
    });
    const messages = wrong.issues.map((i: { message: string }) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Вопрос 1\.1 «Утверждено ли в школе положение о .*»: ответьте «да» или «нет»$/,
        ),
        expect.stringMatching(/^Вопрос 2\.1 «.*»: введите целое число$/),
        expect.stringMatching(/^Вопрос 2\.9 «.*»: укажите целое число от 1 до 5$/),
        "Вопроса «ghost» нет в версии 1 тетради",
        expect.stringMatching(/^Вопрос 5\.2 «.*»: ответ не число/),
      ]),
    );
    expect(wrong.issues.map((i: { path: string }) => i.path)).toContain("answers.teacher_vacancies");
    const still = await expectStatus(w.clients.directorS1, 200, { method: "GET", url: schoolUrl(w.s1.id) });
    expect(still.response).toBeNull();
    const saved = await expectStatus(w.clients.directorS1, 200, {
      method: "PUT",
      url: schoolUrl(w.s1.id),
      payload: { answers: { vsoko_regulation: false, teacher_vacancies: 3, methodical_difficulties: null } },
    });
    expect(saved.response).toMatchObject({
      status: "draft",
      answers: { vsoko_regulation: false, teacher_vacancies: 3 },
    });
    expect(saved.progress).toEqual({ answered: 2, total: 40, requiredMissing: 36 });
  });

  it("lets the director and the school's МОЦ fill it; readers read, others are refused", async () => {
    await expectStatus(w.clients.mocM1, 200, {
      method: "PUT",
      url: schoolUrl(w.s1.id),
      payload: { answers: { vsoko_regulation: false, teacher_vacancies: 3, fatigue: 4 } },
    });
    for (const key of ["mentorS1", "specialistS1", "analystA", "federal"] as const) {
      const read = await expectStatus(w.clients[key], 200, { method: "GET", url: schoolUrl(w.s1.id) });
      expect(read.response.answers.fatigue).toBe(4);
      expect(read.permissions.canEdit).toBe(false);
    }
    for (const key of ["mentorS1", "adminA", "federal"] as const) {
      await expectStatus(w.clients[key], 403, {
        method: "PUT",
        url: schoolUrl(w.s1.id),
        payload: { answers: {} },
      });
    }
    await expectStatus(w.clients.mocM2, 404, { method: "GET", url: schoolUrl(w.s1.id) });
    await expectStatus(w.clients.mocM2, 404, {
      method: "PUT",
      url: schoolUrl(w.s1.id),
      payload: { answers: {} },
    });
    await expectStatus(w.clients.adminB, 404, { method: "GET", url: schoolUrl(w.s1.id) });
    await expectStatus(w.clients.directorS1, 404, { method: "GET", url: schoolUrl(w.s2.id) });
  });

  it("submits only a complete workbook, listing each required question left unanswered", async () => {
    const incomplete = await expectStatus(w.clients.directorS1, 400, {
      method: "POST",
      url: `/api/schools/${w.s1.id}/workbook/submit?year=${YEAR}`,
    });
    // 38 required questions, 3 answered by the МОЦ above
    expect(incomplete.issues).toHaveLength(35);
    expect(incomplete.issues[0].message).toMatch(/^Вопрос 1\.2 «.*»: нет ответа$/);
    const answers = answerAll(PRELOADED_WORKBOOK);
    await expectStatus(w.clients.directorS1, 200, {
      method: "PUT",
      url: schoolUrl(w.s1.id),
      payload: { answers },
    });
    const sent = await expectStatus(w.clients.directorS1, 200, {
      method: "POST",
      url: `/api/schools/${w.s1.id}/workbook/submit?year=${YEAR}`,
    });
    expect(sent.response.status).toBe("submitted");
    expect(sent.response.submittedAt).not.toBeNull();
    expect(sent.progress).toEqual({ answered: 40, total: 40, requiredMissing: 0 });
    await expectStatus(w.clients.directorS1, 409, {
      method: "POST",
      url: `/api/schools/${w.s1.id}/workbook/submit?year=${YEAR}`,
    });
    const actions = (await auditOf(w.db, "workbook_response")).map((e) => e.action);
    expect(actions).toEqual(["create", "update", "update", "submit"]);
  });

  it("makes a new version from an edit; answers already given keep theirs, new ones take the new", async () => {
    const current = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/workbook" });
    const saved = await expectStatus(w.clients.adminA, 200, {
      method: "PUT",
      url: "/api/causes/workbook",
      payload: {
        definition: { ...withExtraQuestion(current.definition), version: 99, code: "renamed" },
        note: "добавлен вопрос о графике",
      },
    });
    expect(saved).toMatchObject({ version: 2, note: "добавлен вопрос о графике", questionCount: 41 });
    expect(saved.definition.code).toBe(PRELOADED_WORKBOOK.code);
    const versions = await expectStatus(w.clients.analystA, 200, {
      method: "GET",
      url: "/api/causes/workbook/versions",
    });
    expect(
      versions.map((v: { version: number; responseCount: number }) => [v.version, v.responseCount]),
    ).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const old = await expectStatus(w.clients.directorS1, 200, { method: "GET", url: schoolUrl(w.s1.id) });
    expect(old.workbook).toMatchObject({ version: 1, currentVersion: 2 });
    expect(old.workbook.definition.sections[0].questions).toHaveLength(7);
    const oldDraft = await expectStatus(w.clients.directorS1, 400, {
      method: "PUT",
      url: schoolUrl(w.s1.id),
      payload: { answers: { vsoko_plan_published: true } },
    });
    expect(oldDraft.issues[0].message).toBe("Вопроса «vsoko_plan_published» нет в версии 1 тетради");
    const next = await expectStatus(w.clients.directorS1, 200, {
      method: "PUT",
      url: schoolUrl(w.s1.id, YEAR + 1),
      payload: { answers: { vsoko_plan_published: true } },
    });
    expect(next.workbook).toMatchObject({ version: 2, currentVersion: 2 });
    expect(next.progress.total).toBe(41);
    const audit = (await auditOf(w.db, "workbook_version")).map((e) => e.action);
    expect(audit).toEqual(["create"]);
  });

  it("starts a school's answers of a year once: a second start (a save that lost the race) is told apart", async () => {
    const current = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/workbook" });
    const key = { schoolId: w.s1b.id, year: YEAR, versionId: current.id, answers: {} };
    const by = { userId: null, name: "Тест" };
    expect(await insertResponse(w.db, key, by)).toEqual(expect.any(Number));
    expect(await insertResponse(w.db, key, by)).toBeUndefined();
    const read = await expectStatus(w.clients.mocM1, 200, { method: "GET", url: schoolUrl(w.s1b.id) });
    expect(read.response.answers).toEqual({});
  });

  it("refuses to tie a question to a retired factor", async () => {
    const factors = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/factors" });
    const climate = factors.items.find((f: { code: string }) => f.code === "poor_school_climate");
    await expectStatus(w.clients.adminA, 200, {
      method: "PATCH",
      url: `/api/causes/factors/${climate.id}`,
      payload: { isRetired: true },
    });
    const current = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/workbook" });
    const edit = structuredClone(current.definition) as Workbook;
    edit.title = "Рабочая тетрадь (редакция 2026 года)";
    const res = await expectStatus(w.clients.adminA, 400, {
      method: "PUT",
      url: "/api/causes/workbook",
      payload: { definition: edit },
    });
    expect(res.issues.map((i: { message: string }) => i.message)).toEqual([
      "Вопрос 6.1: фактор «poor_school_climate» выведен из употребления",
      "Вопрос 6.2: фактор «poor_school_climate» выведен из употребления",
    ]);
    await expectStatus(w.clients.adminA, 200, {
      method: "PATCH",
      url: `/api/causes/factors/${climate.id}`,
      payload: { isRetired: false },
    });
  });
});
