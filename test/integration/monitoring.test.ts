import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATE_003 } from "../../src/core/monitoring";
import { auditLog } from "../../src/server/db/schema";
import {
  paragraphTexts,
  readDocx,
  tables,
  tableTexts,
} from "../../src/server/modules/plans/documents/docx-read.test-support";
import type { Database } from "../../src/server/platform/db";
import type { ReportView, Table2View, TemplateView } from "../../src/shared/monitoring-api";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { buildMonitoringWorld, MONITORING_YEAR, type MonitoringWorld } from "./monitoring-support";

function ok<T>(what: string, res: { statusCode: number; body: string }): T {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

const NARRATIVE = "В 2026 году школа внесла изменения в учебный план и организовала проектную деятельность.";

for (const engine of testEngines()) {
  describe(`monitoring (${engine.kind})`, () => {
    let database: Database;
    let w: MonitoringWorld;
    beforeAll(async () => {
      database = await engine.open();
      w = await buildMonitoringWorld(database);
    });
    afterAll(async () => {
      await w.app.close();
      await database.close();
    });

    const url = (schoolId: number, tail = "") =>
      `/api/schools/${schoolId}/monitoring/${MONITORING_YEAR}/final${tail}`;
    const report = async (client: Client, schoolId: number) =>
      ok<ReportView>("report", await client.request({ method: "GET", url: url(schoolId) }));
    const value = (view: ReportView, code: string) => view.indicators.find((i) => i.code === code)?.value;
    const act = (client: Client, schoolId: number, action: string, message = "") =>
      client.request({ method: "POST", url: url(schoolId, "/transitions"), payload: { action, message } });

    it("preloads seed 003's template as version 1 and keeps the region's new versions", async () => {
      const view = ok<TemplateView>(
        "template",
        await w.clients.directorS1.request({ method: "GET", url: "/api/monitoring/template" }),
      );
      expect(view.current.version).toBe(1);
      expect(view.content).toEqual(TEMPLATE_003);
      expect(view.canEdit).toBe(false);
      expect(view.rules.events_federal).toMatch(/федерального уровня/);
      const refused = await w.clients.analystA.request({
        method: "PUT",
        url: "/api/monitoring/template",
        payload: { content: TEMPLATE_003 },
      });
      expect(refused.statusCode).toBe(403);
      const bad = await w.clients.adminA.request({
        method: "PUT",
        url: "/api/monitoring/template",
        payload: {
          content: {
            ...TEMPLATE_003,
            indicators: [...TEMPLATE_003.indicators, { ...TEMPLATE_003.indicators[0], code: "1.1" }],
          },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("Код показателя 1.1 повторяется");
    });

    it("shows the director the computed indicators with their rule and value from the events and partnerships", async () => {
      const view = await report(w.clients.directorS1, w.s1.id);
      expect(view).toMatchObject({ id: null, status: "draft", isProgrammeSchool: true, templateVersion: 1 });
      expect(view.permissions).toEqual({ canEdit: true, canSubmit: true, canReview: false });
      expect(value(view, "5.1")).toBe(true);
      expect(value(view, "5.2")).toBe(false);
      expect(value(view, "5.3")).toBe(true);
      expect(value(view, "5.4")).toBe(true);
      expect(value(view, "5.5")).toBe(false);
      expect(value(view, "3.1")).toBe(true);
      expect(value(view, "3.2")).toBe(true);
      expect(value(view, "3.3")).toBe(false);
      expect(value(view, "3.4")).toBe(false);
      expect(value(view, "6.5")).toBe(true);
      expect(value(view, "1.3")).toBeNull();
      expect(view.indicators.find((i) => i.code === "5.1")?.rule).toMatch(/федерального уровня/);
      expect(view.indicators.find((i) => i.code === "1.3")).toMatchObject({ source: "reported", rule: null });
      expect((await w.clients.mocM2.request({ method: "GET", url: url(w.s1.id) })).statusCode).toBe(404);
      expect((await w.clients.adminB.request({ method: "GET", url: url(w.s1.id) })).statusCode).toBe(404);
    });

    it("refuses a typed computed value and a report of a school outside the programme, naming the indicator", async () => {
      const typed = await w.clients.directorS1.request({
        method: "PUT",
        url: url(w.s1.id),
        payload: { entries: { "5.2": { value: true } } },
      });
      expect(typed.statusCode).toBe(400);
      expect(typed.json().message).toBe("Показатель 5.2 вычисляется по данным Опоры и не вводится");
      const wrongType = await w.clients.directorS1.request({
        method: "PUT",
        url: url(w.s1.id),
        payload: { entries: { "1.3": { value: 3 } } },
      });
      expect(wrongType.json().message).toBe("Показатель 1.3: ожидается да или нет");
      const outside = await w.clients.mocM1.request({
        method: "PUT",
        url: url(w.s1b.id),
        payload: { narrative: "x" },
      });
      expect(outside.statusCode).toBe(409);
      expect(outside.json().message).toContain("не входит в программу 2026 года");
      expect((await report(w.clients.directorS1, w.s1.id)).id).toBeNull();
    });

    it("runs draft → submitted → returned → submitted → approved, with the МОЦ's comments, each step audited", async () => {
      const saved = ok<ReportView>(
        "save",
        await w.clients.directorS1.request({
          method: "PUT",
          url: url(w.s1.id),
          payload: {
            entries: { "1.3": { value: true, comment: "Новый учебный план" }, "7.1": { value: true } },
            narrative: NARRATIVE,
          },
        }),
      );
      expect(saved).toMatchObject({ status: "draft", narrative: NARRATIVE, templateVersion: 1 });
      expect(saved.indicators.find((i) => i.code === "1.3")).toMatchObject({
        value: true,
        comment: "Новый учебный план",
      });
      // the region's new template version does not change a report filed under version 1
      const v2 = ok<TemplateView>(
        "v2",
        await w.clients.adminA.request({
          method: "PUT",
          url: "/api/monitoring/template",
          payload: {
            content: {
              ...TEMPLATE_003,
              criteria: TEMPLATE_003.criteria.map((c) =>
                c.code === "1" ? { ...c, title: "Нормативная база" } : c,
              ),
            },
            note: "Короче",
          },
        }),
      );
      expect(v2.current.version).toBe(2);
      expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(ok<ReportView>("submit", await act(w.clients.directorS1, w.s1.id, "submit")).status).toBe(
        "submitted",
      );
      const locked = await w.clients.directorS1.request({
        method: "PUT",
        url: url(w.s1.id),
        payload: { narrative: "другое" },
      });
      expect(locked.statusCode).toBe(409);
      expect((await act(w.clients.directorS1, w.s1.id, "approve")).statusCode).toBe(403);
      expect((await act(w.clients.mocM2, w.s1.id, "approve")).statusCode).toBe(404);
      const reviewed = ok<ReportView>(
        "review",
        await w.clients.mocM1.request({
          method: "PUT",
          url: url(w.s1.id, "/review"),
          payload: {
            mocComment: "Справка не сравнивает результаты с прошлым годом",
            indicatorComments: { "1.3": "Приложите приказ" },
          },
        }),
      );
      expect(reviewed.mocComment).toBe("Справка не сравнивает результаты с прошлым годом");
      expect(reviewed.indicators.find((i) => i.code === "1.3")?.mocComment).toBe("Приложите приказ");
      expect(reviewed.permissions.canReview).toBe(true);
      const noMessage = await act(w.clients.mocM1, w.s1.id, "return", " ");
      expect(noMessage.statusCode).toBe(400);
      expect(noMessage.json().message).toBe("Напишите, что нужно исправить");
      const returned = ok<ReportView>(
        "return",
        await act(w.clients.mocM1, w.s1.id, "return", "Добавьте сравнение с 2025 годом"),
      );
      expect(returned).toMatchObject({
        status: "returned",
        returnMessage: "Добавьте сравнение с 2025 годом",
      });
      expect(ok<ReportView>("resubmit", await act(w.clients.directorS1, w.s1.id, "submit")).status).toBe(
        "submitted",
      );
      const approved = ok<ReportView>("approve", await act(w.clients.mocM1, w.s1.id, "approve"));
      expect(approved.status).toBe("approved");
      expect(approved.templateVersion).toBe(1);
      expect(approved.criteria[0]?.title).toBe(TEMPLATE_003.criteria[0]?.title);
      expect(approved.events.map((e) => e.toStatus)).toEqual([
        "submitted",
        "returned",
        "submitted",
        "approved",
      ]);
      const audit = await w.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, "monitoring_report")));
      expect(audit.map((a) => a.action).sort()).toEqual(
        [
          "monitoring_save",
          "monitoring_submit",
          "monitoring_review",
          "monitoring_return",
          "monitoring_submit",
          "monitoring_approve",
        ].sort(),
      );
    });

    it("keeps the computed values a report was submitted with", async () => {
      await w.addEvent("regional", "2026-04-01", [w.s1.id, w.s2.id]);
      expect(value(await report(w.clients.mocM1, w.s1.id), "5.2")).toBe(false);
      expect(value(await report(w.clients.adminA, w.s2.id), "5.2")).toBe(true);
    });

    it("builds Table 2 for two years through the API, counts and percents of the stated bases", async () => {
      const table = ok<Table2View>(
        "table2",
        await w.clients.analystA.request({ method: "GET", url: "/api/monitoring/table2?years=2026,2025" }),
      );
      expect(table.years).toEqual([2025, 2026]);
      expect(table.bases).toEqual([
        { year: 2025, programme: 2, region: 3, municipalities: 2 },
        { year: 2026, programme: 2, region: 3, municipalities: 2 },
      ]);
      expect(table.reportsCounted).toEqual([
        { year: 2025, reports: 0 },
        { year: 2026, reports: 1 },
      ]);
      const row = (code: string) => {
        const r = table.rows.find((x) => x.kind === "indicator" && x.code === code);
        if (r?.kind !== "indicator") throw new Error(code);
        return r;
      };
      // 5.2: S1's approved report says no (as submitted), S2 is computed today: yes — 1 of 2.
      expect(row("5.2").cells[1]).toEqual({ count: 1, base: 2, percent: 50 });
      // 5.3: the municipal event of October 2025 falls in both programme years, for S1 (both years) and S2 (2026).
      expect(row("5.3").cells.map((c) => c.count)).toEqual([1, 2]);
      expect(row("5.3").changes[0]).toEqual({ from: 2025, to: 2026, count: 1, percentPoints: 50 });
      expect(row("1.3").cells.map((c) => c.count)).toEqual([0, 1]);
      expect(row("1.2")).toMatchObject({ base: "region", baseLabel: "от числа ОО региона" });
      expect(table.criterionMeans).toHaveLength(7);
      const moc = ok<Table2View>(
        "moc",
        await w.clients.mocM1.request({ method: "GET", url: "/api/monitoring/table2?years=2025,2026" }),
      );
      expect(moc.bases.map((b) => b.programme)).toEqual([2, 1]);
      expect(moc.municipalityName).not.toBeNull();
      const one = await w.clients.analystA.request({
        method: "GET",
        url: "/api/monitoring/table2?years=2026",
      });
      expect(one.statusCode).toBe(400);
      expect(
        (await w.clients.directorS1.request({ method: "GET", url: "/api/monitoring/table2?years=2025,2026" }))
          .statusCode,
      ).toBe(403);
    });

    it("lists the programme schools with their reports' states for the МОЦ", async () => {
      const list = ok<{ items: { schoolId: number; status: string }[]; years: number[] }>(
        "list",
        await w.clients.mocM1.request({ method: "GET", url: "/api/monitoring/reports?year=2026" }),
      );
      expect(list.items).toEqual([expect.objectContaining({ schoolId: w.s1.id, status: "approved" })]);
      expect(list.years).toEqual([2026, 2025]);
    });

    it("downloads Table 2 as XLSX and DOCX in seed 003's layout, read back cell by cell", async () => {
      const q = "years=2025,2026";
      const xlsx = await w.clients.adminA.request({ method: "GET", url: `/api/monitoring/table2.xlsx?${q}` });
      expect(xlsx.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
      const sheet = book.getWorksheet("Таблица 2");
      if (!sheet) throw new Error("no sheet");
      expect(sheet.getRow(3).values).toEqual([
        undefined,
        "№",
        "Показатель",
        "База процента",
        "Значение 2025 года: количество единиц",
        "Значение 2025 года: в %",
        "Значение 2026 года: количество единиц",
        "Значение 2026 года: в %",
        "Изменение 2025–2026: ед.",
        "Изменение 2025–2026: п. п.",
      ]);
      // the rows follow the region's current template (version 2 renamed criterion 1)
      expect(sheet.getRow(4).getCell(1).value).toBe("1 Нормативная база");
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => r.getCell(c).value)));
      const r53 = rows.find((r) => r[0] === "5.3");
      expect(r53).toEqual([
        "5.3",
        TEMPLATE_003.indicators.find((i) => i.code === "5.3")?.wording,
        "от числа ОО программы года",
        1,
        50,
        2,
        100,
        1,
        50,
      ]);

      const docx = await w.clients.adminA.request({ method: "GET", url: `/api/monitoring/table2.docx?${q}` });
      const doc = await readDocx(docx.rawPayload);
      expect(paragraphTexts(doc)).toContain(
        "Количественные показатели итогового мониторинга реализации программ повышения качества образования",
      );
      const [table] = tables(doc);
      if (!table) throw new Error("no table");
      const texts = tableTexts(table);
      expect(texts[0]).toEqual([
        "№",
        "Показатель",
        "Значение 2025 года",
        "Значение 2026 года",
        "Изменение 2025–2026",
      ]);
      expect(texts[1]?.slice(2)).toEqual([
        "Количество единиц",
        "в %",
        "Количество единиц",
        "в %",
        "ед.",
        "п. п.",
      ]);
      expect(texts[2]).toEqual(["1 Нормативная база"]);
      const d53 = texts.find((r) => r[0] === "5.3");
      expect(d53?.slice(2)).toEqual(["1", "50", "2", "100", "+1", "+50"]);
      expect(d53?.[1]).toContain("(от числа ОО программы года)");
    });

    it("downloads a school's report as DOCX with its indicators, narrative and the МОЦ's comment", async () => {
      const res = await w.clients.directorS1.request({ method: "GET", url: url(w.s1.id, "/report.docx") });
      expect(res.statusCode).toBe(200);
      const doc = await readDocx(res.rawPayload);
      const text = paragraphTexts(doc);
      expect(text).toContain("Год программы: 2026");
      expect(text).toContain("Этап: Итоговый мониторинг (октябрь–ноябрь)");
      expect(text).toContain("Состояние: Согласован");
      expect(text).toContain(NARRATIVE);
      expect(text).toContain("Справка не сравнивает результаты с прошлым годом");
      const rows = tableTexts(tables(doc)[0] ?? { kind: "table", rows: [] });
      expect(rows[0]).toEqual(["№", "Показатель", "Значение", "Комментарий школы", "Комментарий МОЦ"]);
      const r13 = rows.find((r) => r[0] === "1.3");
      expect(r13?.slice(2)).toEqual(["да", "Новый учебный план", "Приложите приказ"]);
      expect(rows.find((r) => r[0] === "5.1")?.[2]).toBe("да");
      expect(
        (await w.clients.mocM2.request({ method: "GET", url: url(w.s1.id, "/report.docx") })).statusCode,
      ).toBe(404);
    });
  });
}
