import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { auditOf, buildCausesWorld, CAUSES_YEAR, type CausesWorld, expectStatus } from "./causes-support";
import { putValues } from "./identification-support";

const YEAR = CAUSES_YEAR;
type Factor = {
  factorCode: string;
  level: string;
  score: number | null;
  evidence: { sentence: string }[];
  summary: string;
  isConfirmed: boolean;
};

describe.each(testEngines())("the risk profile and confirmed causes on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;
  const profileUrl = (id: number) => `/api/schools/${id}/risk-profile?year=${YEAR}`;
  const causesUrl = (id: number) => `/api/schools/${id}/causes?year=${YEAR}`;
  const factor = (profile: { factors: Factor[] }, code: string) => {
    const found = profile.factors.find((f) => f.factorCode === code);
    if (!found) throw new Error(`no factor ${code}`);
    return found;
  };

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
    const place = { regionId: w.regionA.id, schoolId: w.s1.id };
    // 2026 is after the profile's year and 2022 before its three years: neither counts
    await putValues(w.db, { ...place, code: "teacher_vacancies", values: { 2024: 0, 2025: 1, 2026: 5 } });
    await putValues(w.db, { ...place, code: "prevention_register_share", values: { 2022: 0.5 } });
    await putValues(w.db, { ...place, code: "ege_math_below_min_share", values: { 2023: 0.25 } });
    await expectStatus(w.clients.directorS1, 200, {
      method: "PUT",
      url: `/api/schools/${w.s1.id}/workbook?year=${YEAR}`,
      payload: {
        answers: {
          teacher_vacancies: 3,
          out_of_specialty: false,
          methodical_difficulties: "Нет времени на подготовку",
        },
      },
    });
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("gives each factor a level from the answers AND the values of the last three years, in sentences", async () => {
    const profile = await expectStatus(w.clients.directorS1, 200, {
      method: "GET",
      url: profileUrl(w.s1.id),
    });
    expect(profile.valueYears).toEqual([2025, 2024, 2023]);
    expect(profile.workbook).toMatchObject({ version: 1, status: "draft" });
    const shortage = factor(profile, "teacher_shortage");
    // answers 2.1 → 1 (3 vacancies ≥ 2), 2.2 → 0; the value of 2025 (1 vacancy ≥ 1) → 0.5: mean 0.5
    expect(shortage).toMatchObject({ level: "medium", score: 0.5, isConfirmed: false });
    expect(shortage.evidence.map((e) => e.sentence)).toEqual([
      "Сколько вакансий учителей в школе на начало учебного года: 3 (ответ на вопрос 2.1) — высокий риск",
      "Ведут ли учителя из-за нехватки кадров предметы не по своей специальности: нет (ответ на вопрос 2.2) — низкий риск",
      "Вакансий учителей — 1 (показатель «Количество вакансий учителей и педагогических работников», 2025) — средний риск",
    ]);
    expect(shortage.summary).toBe("Средний риск: оценка 0,50 по 3 признакам");
    const atRisk = factor(profile, "students_at_risk");
    expect(atRisk.level).toBe("high");
    expect(atRisk.evidence.map((e) => e.sentence)).toEqual([
      "Доля не преодолевших порог ЕГЭ по математике — 0,25 (показатель «Доля участников ЕГЭ по математике (профильный уровень), не преодолевших минимальный порог», 2023) — высокий риск",
    ]);
    const methodical = profile.factors.find(
      (f: Factor) => f.factorCode === "weak_subject_methodical_competence",
    );
    expect(methodical.notes).toEqual([
      expect.objectContaining({ questionNumber: "3.7", text: "Нет времени на подготовку" }),
    ]);
    expect(factor(profile, "low_equipment")).toMatchObject({
      level: "no_data",
      score: null,
      summary: "Нет данных: ни ответов, ни значений показателей",
    });
    expect(profile.counts).toEqual({ high: 1, medium: 1, low: 0, no_data: 14 });
    const groups = new Set(profile.factors.map((f: { group: string }) => f.group));
    expect([...groups].sort()).toEqual(["conditions", "families", "management", "students", "teachers"]);
  });

  it("gives a school with nothing no data on every factor, and refuses schools out of scope", async () => {
    const empty = await expectStatus(w.clients.mocM2, 200, { method: "GET", url: profileUrl(w.s2.id) });
    expect(empty.workbook).toBeNull();
    expect(empty.factors.every((f: Factor) => f.level === "no_data")).toBe(true);
    await expectStatus(w.clients.mocM2, 404, { method: "GET", url: profileUrl(w.s1.id) });
    await expectStatus(w.clients.adminB, 404, { method: "GET", url: profileUrl(w.s1.id) });
    await expectStatus(w.clients.mentorS1, 200, { method: "GET", url: profileUrl(w.s1.id) });
  });

  it("lets the МОЦ confirm a set of causes with notes; who and when are kept, removals audited", async () => {
    const start = await expectStatus(w.clients.mocM1, 200, { method: "GET", url: causesUrl(w.s1.id) });
    expect(start.causes).toEqual([]);
    expect(start.permissions.canEdit).toBe(true);
    expect(
      start.candidates.find((c: { factorCode: string }) => c.factorCode === "teacher_shortage").level,
    ).toBe("medium");
    const first = await expectStatus(w.clients.mocM1, 200, {
      method: "PUT",
      url: causesUrl(w.s1.id),
      payload: {
        causes: [
          { factorCode: "teacher_shortage", note: "Две вакансии" },
          { factorCode: "undeveloped_vsoko" },
        ],
      },
    });
    expect(first.causes.map((c: { factorCode: string; note: string }) => [c.factorCode, c.note])).toEqual([
      ["undeveloped_vsoko", ""],
      ["teacher_shortage", "Две вакансии"],
    ]);
    expect(first.causes[0].confirmedByName).toBe("Тестовый moc_coordinator");
    const shortageAt = first.causes[1].confirmedAt;
    const profile = await expectStatus(w.clients.directorS1, 200, {
      method: "GET",
      url: profileUrl(w.s1.id),
    });
    expect(profile.factors.filter((f: Factor) => f.isConfirmed).map((f: Factor) => f.factorCode)).toEqual([
      "undeveloped_vsoko",
      "teacher_shortage",
    ]);
    const second = await expectStatus(w.clients.mocM1, 200, {
      method: "PUT",
      url: causesUrl(w.s1.id),
      payload: {
        causes: [
          { factorCode: "teacher_shortage", note: "Три вакансии" },
          { factorCode: "students_at_risk", note: "" },
        ],
      },
    });
    expect(second.causes.map((c: { factorCode: string }) => c.factorCode)).toEqual([
      "teacher_shortage",
      "students_at_risk",
    ]);
    expect(second.causes[0]).toMatchObject({ note: "Три вакансии", confirmedAt: shortageAt });
    const audit = (await auditOf(w.db, "confirmed_cause")).map((e) => [e.action, e.entityId]);
    expect(audit).toEqual([
      ["confirm", `${w.s1.id}:${YEAR}:teacher_shortage`],
      ["confirm", `${w.s1.id}:${YEAR}:undeveloped_vsoko`],
      ["remove", `${w.s1.id}:${YEAR}:undeveloped_vsoko`],
      ["confirm", `${w.s1.id}:${YEAR}:students_at_risk`],
      ["update", `${w.s1.id}:${YEAR}:teacher_shortage`],
    ]);
  });

  it("refuses unknown, repeated and retired causes naming the row, and anyone but the school's МОЦ", async () => {
    const bad = await expectStatus(w.clients.mocM1, 400, {
      method: "PUT",
      url: causesUrl(w.s1.id),
      payload: {
        causes: [
          { factorCode: "ghost" },
          { factorCode: "teacher_shortage" },
          { factorCode: "teacher_shortage" },
        ],
      },
    });
    expect(bad.issues).toEqual([
      { path: "causes.0.factorCode", message: "Строка 1: в каталоге региона нет фактора «ghost»" },
      { path: "causes.2.factorCode", message: "Строка 3: причина «teacher_shortage» указана дважды" },
    ]);
    const factors = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/factors" });
    const equipment = factors.items.find((f: { code: string }) => f.code === "low_equipment");
    await expectStatus(w.clients.adminA, 200, {
      method: "PATCH",
      url: `/api/causes/factors/${equipment.id}`,
      payload: { isRetired: true },
    });
    const retired = await expectStatus(w.clients.mocM1, 400, {
      method: "PUT",
      url: causesUrl(w.s1.id),
      payload: { causes: [{ factorCode: "low_equipment" }] },
    });
    expect(retired.message).toBe("Строка 1: фактор «Низкий уровень оснащения школы» выведен из употребления");
    const profile = await expectStatus(w.clients.mocM1, 200, { method: "GET", url: profileUrl(w.s1.id) });
    expect(profile.factors.map((f: Factor) => f.factorCode)).not.toContain("low_equipment");
    const kept = await expectStatus(w.clients.mocM1, 200, { method: "GET", url: causesUrl(w.s1.id) });
    expect(kept.causes.map((c: { factorCode: string }) => c.factorCode)).toEqual([
      "teacher_shortage",
      "students_at_risk",
    ]);
    for (const key of ["directorS1", "adminA", "analystA", "federal", "mentorS1"] as const) {
      await expectStatus(w.clients[key], 403, {
        method: "PUT",
        url: causesUrl(w.s1.id),
        payload: { causes: [] },
      });
    }
    await expectStatus(w.clients.mocM2, 404, {
      method: "PUT",
      url: causesUrl(w.s1.id),
      payload: { causes: [] },
    });
    const read = await expectStatus(w.clients.directorS1, 200, { method: "GET", url: causesUrl(w.s1.id) });
    expect(read.permissions.canEdit).toBe(false);
  });
});
