import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitoringReports, supportLogEntries } from "../../src/server/db/schema";
import { SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { ensureCurrentTemplate } from "../../src/server/modules/monitoring/template.service";
import type { Database } from "../../src/server/platform/db";
import type { DecisionsPage, Funnel } from "../../src/shared/decisions-api";
import { testEngines } from "../support/db";
import {
  auditOf,
  buildCausesWorld,
  type CausesWorld,
  expectStatus,
  storeApprovedRun,
} from "./causes-support";
import { storeSchoolPlan } from "./decisions-support";
import { putValues } from "./identification-support";
import { confirmCauses } from "./plans-support";

/** The programme year of the 2024 run: the school year 2024/25, to 31 December 2025. */
const YEAR = 2025;

describe.each(testEngines())("programme results and decisions on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;
  let run2024: number;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
    const regionId = w.regionA.id;
    run2024 = await storeApprovedRun(w.db, {
      regionId,
      year: YEAR - 1,
      schools: [
        { ...w.s1, category: "shnro" },
        { ...w.s1b, category: "both" },
        { ...w.s2, category: "shfnsu" },
      ],
    });
    // S1 reaches both targets and its results rise; S1B reaches none and its results fall; S2 has no programme
    await storeSchoolPlan(w.db, {
      regionId,
      municipalityId: w.m1.id,
      schoolId: w.s1.id,
      year: YEAR,
      status: "approved",
      targets: [
        { code: "good_marks_share", baseline: 0.3, target: 0.35, year: YEAR },
        { code: "ege_math_below_min_share", baseline: 0.3, target: 0.2, year: YEAR },
      ],
    });
    await storeSchoolPlan(w.db, {
      regionId,
      municipalityId: w.m1.id,
      schoolId: w.s1b.id,
      year: YEAR,
      status: "draft",
      targets: [{ code: "good_marks_share", baseline: 0.4, target: 0.45, year: YEAR }],
    });
    const put = (schoolId: number, code: string, values: Record<number, number>) =>
      putValues(w.db, { regionId, schoolId, code, values });
    await put(w.s1.id, "good_marks_share", { 2024: 0.3, 2025: 0.4 });
    await put(w.s1.id, "ege_math_below_min_share", { 2024: 0.3, 2025: 0.15 });
    await put(w.s1.id, "olympiad_participants_share", { 2024: 0.1, 2025: 0.2 });
    await put(w.s1b.id, "good_marks_share", { 2024: 0.4, 2025: 0.3 });
    await confirmCauses(w.db, {
      regionId,
      schoolId: w.s1.id,
      year: YEAR - 1,
      codes: ["low_learning_motivation"],
    });
    await w.db.insert(supportLogEntries).values({
      regionId,
      municipalityId: w.m1.id,
      schoolId: w.s1.id,
      kind: "visit",
      format: "visit",
      heldOn: "2025-03-10",
      topic: "Выезд в школу",
      peopleCount: 3,
    });
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  const page = (client: keyof CausesWorld["clients"], tail = ""): Promise<DecisionsPage> =>
    expectStatus(w.clients[client], 200, { method: "GET", url: `/api/decisions?year=${YEAR}${tail}` });

  it("shows the МОЦ its programme schools with targets, actual values and verdicts", async () => {
    const body = await page("mocM1");
    expect(body.schools.map((s) => s.code).sort()).toEqual([w.s1.code, w.s1b.code].sort());
    const s1 = body.schools.find((s) => s.schoolId === w.s1.id);
    expect(s1?.targets.map((t) => [t.code, t.actual, t.isReached])).toEqual([
      ["good_marks_share", 0.4, true],
      ["ege_math_below_min_share", 0.15, true],
    ]);
    expect(s1?.targetVerdict).toBe("all");
    expect(s1?.dynamics).toEqual({ subject: "improved", personal: "no_data", olympiad: "improved" });
    const s1b = body.schools.find((s) => s.schoolId === w.s1b.id);
    expect([s1b?.targetVerdict, s1b?.dynamics.subject]).toEqual(["none", "declined"]);
    expect(body.sentences[0]).toBe(
      "В 1 ОО (50 %) повысились предметные результаты обучающихся, в 1 ОО (50 %) — понизились.",
    );
    expect(body.sentences[4]).toBe("По 2 школам вывод руководителя МОЦ отсутствует.");
    expect(body.canPropose).toBe(true);
    expect(body.canApprove).toBe(false);
  });

  it("lets the МОЦ propose, the region approve or return; an approved decision stays", async () => {
    const moc = w.clients.mocM1;
    const proposed = await expectStatus(moc, 200, {
      method: "POST",
      url: "/api/decisions",
      payload: {
        schoolId: w.s1.id,
        year: YEAR,
        kind: "leaves",
        reasons: "Все целевые показатели достигнуты",
      },
    });
    expect(proposed.status).toBe("proposed");
    await expectStatus(w.clients.mocM2, 404, {
      method: "POST",
      url: "/api/decisions",
      payload: { schoolId: w.s1.id, year: YEAR, kind: "continues", reasons: "Чужая школа" },
    });
    await expectStatus(w.clients.directorS1, 403, {
      method: "POST",
      url: "/api/decisions",
      payload: { schoolId: w.s1.id, year: YEAR, kind: "leaves", reasons: "Сама решила" },
    });
    const notInProgramme = await expectStatus(moc, 400, {
      method: "POST",
      url: "/api/decisions",
      payload: { schoolId: w.s1.id, year: YEAR + 1, kind: "leaves", reasons: "Нет списка" },
    });
    expect(notInProgramme.message).toBe(
      "Школа не входит в программу 2026 года (список идентификации 2025 года)",
    );
    await expectStatus(moc, 403, { method: "POST", url: `/api/decisions/${proposed.id}/approve` });
    const approved = await expectStatus(w.clients.adminA, 200, {
      method: "POST",
      url: `/api/decisions/${proposed.id}/approve`,
    });
    expect(approved.status).toBe("approved");
    await expectStatus(moc, 409, {
      method: "POST",
      url: "/api/decisions",
      payload: { schoolId: w.s1.id, year: YEAR, kind: "continues", reasons: "Передумали" },
    });

    const second = await expectStatus(moc, 200, {
      method: "POST",
      url: "/api/decisions",
      payload: { schoolId: w.s1b.id, year: YEAR, kind: "continues", reasons: "=Показатели не достигнуты" },
    });
    const returned = await expectStatus(w.clients.analystA, 200, {
      method: "POST",
      url: `/api/decisions/${second.id}/return`,
      payload: { message: "Укажите, какие показатели не достигнуты" },
    });
    expect([returned.status, returned.message]).toEqual([
      "returned",
      "Укажите, какие показатели не достигнуты",
    ]);
    const afterReturn = await page("mocM1");
    expect(afterReturn.schools.find((s) => s.schoolId === w.s1b.id)?.isWithoutDecision).toBe(true);
    await expectStatus(w.clients.adminB, 404, { method: "POST", url: `/api/decisions/${second.id}/approve` });
    await expectStatus(moc, 200, {
      method: "POST",
      url: "/api/decisions",
      payload: { schoolId: w.s1b.id, year: YEAR, kind: "continues", reasons: "=Показатели не достигнуты" },
    });
    const audit = await auditOf(w.db, "school_decision");
    expect(audit.map((a) => a.action)).toEqual(["propose", "approve", "propose", "return", "propose"]);

    const region = await page("adminA");
    expect(region.schools).toHaveLength(3);
    expect(region.sentences[4]).toBe(
      "1 школа выходит из программы, 1 школе МОЦ рекомендует продолжить работу по программе, по остальной 1 школе вывод руководителя МОЦ отсутствует.",
    );
    const director = await page("directorS1");
    expect(director.schools.map((s) => s.schoolId)).toEqual([w.s1.id]);
  });

  it("exports the table as XLSX with text cells escaped", async () => {
    const res = await w.clients.adminA.request({ method: "GET", url: `/api/decisions.xlsx?year=${YEAR}` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = book.getWorksheet("Результаты и решения");
    if (!sheet) throw new Error("no sheet");
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.map((v) => (v === null || v === undefined ? "" : String(v))));
    });
    expect(rows[0]?.[0]).toBe("Результаты реализации программ и решения по школам");
    const s1 = rows.find((r) => r[2] === w.s1.code);
    expect(s1?.slice(4, 8)).toEqual(["повысились", "нет данных", "повысились", "достигнуты все"]);
    expect(s1?.[9]).toBe("Выходит из программы (целевые показатели достигнуты)");
    expect(s1?.[11]).toBe("Утверждено регионом");
    expect(s1?.[8]).toContain("0,30 → 0,35 (2025), факт 0,40 — достигнут");
    const s1b = rows.find((r) => r[2] === w.s1b.code);
    expect(s1b?.[10]).toBe("'=Показатели не достигнуты");
    const s2 = rows.find((r) => r[2] === w.s2.code);
    expect([s2?.[9], s2?.[11]]).toEqual(["Вывод отсутствует", "Вывод отсутствует"]);
  });

  it("counts the funnel by municipality; a МОЦ sees its own, a school its row", async () => {
    // «monitored»: an approved final monitoring report; S1's is approved, S1B's only submitted
    const template = await ensureCurrentTemplate(w.db, SYSTEM_ACTOR, w.regionA.id);
    const report = { regionId: w.regionA.id, year: YEAR, stage: "final" as const, templateId: template.id };
    await w.db.insert(monitoringReports).values([
      { ...report, schoolId: w.s1.id, status: "approved" },
      { ...report, schoolId: w.s1b.id, status: "submitted" },
    ]);
    const funnel: Funnel = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: `/api/programme/funnel?year=${YEAR}`,
    });
    expect(funnel.totals).toEqual({
      identified: 3,
      causes: 1,
      plan: 1,
      supported: 1,
      monitored: 1,
      decided: 1,
    });
    const m1 = funnel.municipalities.find((m) => m.municipalityId === w.m1.id);
    expect(m1?.counts).toEqual({ identified: 2, causes: 1, plan: 1, supported: 1, monitored: 1, decided: 1 });
    const mine: Funnel = await expectStatus(w.clients.mocM2, 200, {
      method: "GET",
      url: `/api/programme/funnel?year=${YEAR}`,
    });
    expect(mine.municipalities.map((m) => m.municipalityId)).toEqual([w.m2.id]);
    expect(mine.totals.identified).toBe(1);
    const own: Funnel = await expectStatus(w.clients.directorS1, 200, {
      method: "GET",
      url: `/api/programme/funnel?year=${YEAR}`,
    });
    expect(own.schools.map((s) => [s.schoolId, s.stages.decided])).toEqual([[w.s1.id, true]]);
    await expectStatus(w.clients.adminB, 404, {
      method: "GET",
      url: `/api/programme/funnel?year=${YEAR}&regionId=${w.regionA.id}`,
    });
  });

  it("shows the decisions beside the schools that left or stayed in the next run's comparison", async () => {
    const run2025 = await storeApprovedRun(w.db, {
      regionId: w.regionA.id,
      year: YEAR,
      schools: [
        { ...w.s1b, category: "shnro" },
        { ...w.s2, category: "shfnsu" },
      ],
    });
    const body = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: `/api/identification/compare?before=${run2024}&after=${run2025}`,
    });
    expect(body.decisionYear).toBe(YEAR);
    expect(body.left.map((s: { schoolId: number }) => s.schoolId)).toEqual([w.s1.id]);
    const decisions = new Map(
      body.decisions.map((d: { schoolId: number; kind: string; status: string }) => [
        d.schoolId,
        [d.kind, d.status],
      ]),
    );
    expect(decisions.get(w.s1.id)).toEqual(["leaves", "approved"]);
    expect(decisions.get(w.s1b.id)).toEqual(["continues", "proposed"]);
    expect(decisions.has(w.s2.id)).toBe(false);
    const moc: { decisions: { schoolId: number }[] } = await expectStatus(w.clients.mocM2, 200, {
      method: "GET",
      url: `/api/identification/compare?before=${run2024}&after=${run2025}`,
    });
    expect(moc.decisions).toEqual([]);
  });
});
