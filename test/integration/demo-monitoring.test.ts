import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import {
  paragraphTexts,
  readDocx,
  tables,
  tableTexts,
} from "../../src/server/modules/plans/documents/docx-read.test-support";
import type { Database } from "../../src/server/platform/db";
import type { ReportList, ReportView, Table2View } from "../../src/shared/monitoring-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's monitoring on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let summary: DemoLoadSummary;
  let analyst: Client;

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
    app = await buildTestApp(database);
    analyst = await signIn(app, "analyst", "demo-analyst");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has two programme years of final reports: the earlier approved, the later in every state", async () => {
    expect(summary.monitoringReports).toBeGreaterThan(0);
    const later = await json<ReportList>(analyst, "/api/monitoring/reports?stage=final");
    expect(later.years).toHaveLength(2);
    const [latest, earlier] = later.years as [number, number];
    expect(later.year).toBe(latest);
    const states = new Set(later.items.map((i) => i.status));
    for (const s of ["approved", "submitted", "draft", "none"]) expect(states, s).toContain(s);
    const before = await json<ReportList>(analyst, `/api/monitoring/reports?stage=final&year=${earlier}`);
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.every((i) => i.status === "approved")).toBe(true);
    const entry = await json<ReportList>(analyst, "/api/monitoring/reports?stage=entry");
    expect(entry.items.some((i) => i.status === "approved")).toBe(true);
  });

  it("leaves the district director's school without a final report of the later year, for a visitor", async () => {
    const moc = await signIn(app, "moc.dorogobuzh", "demo-moc");
    const list = await json<ReportList>(moc, "/api/monitoring/reports");
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((i) => i.municipalityName)).size).toBe(1);
    const director = list.items.find((i) => i.status === "none");
    expect(director).toBeDefined();
  });

  it("fills Table 2 of the two years with counts from the demo's data and reports", async () => {
    const list = await json<ReportList>(analyst, "/api/monitoring/reports");
    const table = await json<Table2View>(analyst, `/api/monitoring/table2?years=${list.years.join(",")}`);
    expect(table.bases.every((b) => b.programme > 0 && b.region > b.programme)).toBe(true);
    const row = (code: string) => table.rows.find((r) => r.kind === "indicator" && r.code === code);
    const partners = row("3.2");
    if (partners?.kind !== "indicator") throw new Error("3.2");
    expect(partners.cells[1]?.count).toBeGreaterThan(0);
    const positive = row("6.2");
    if (positive?.kind !== "indicator") throw new Error("6.2");
    // seed 003's growth of positive dynamics of personal results from the earlier year to the later one
    expect((positive.cells[1]?.percent ?? 0) > (positive.cells[0]?.percent ?? 0)).toBe(true);
    expect(table.reportsCounted[0]?.reports).toBe(table.bases[0]?.programme);
  });

  it("carries two reports whose narratives are the same text with the school's name changed", async () => {
    const [fromId, toId] = summary.copiedNarratives ?? [0, 0];
    expect(fromId).toBeGreaterThan(0);
    const list = await json<ReportList>(analyst, "/api/monitoring/reports");
    const a = list.items.find((i) => i.reportId === fromId);
    const b = list.items.find((i) => i.reportId === toId);
    if (!a || !b) throw new Error("copied reports not listed");
    const view = (schoolId: number) =>
      json<ReportView>(analyst, `/api/schools/${schoolId}/monitoring/${list.year}/final`);
    const [ra, rb] = [await view(a.schoolId), await view(b.schoolId)];
    expect(ra.narrative.length).toBeGreaterThan(100);
    expect(rb.narrative).toBe(ra.narrative.split(a.schoolName).join(b.schoolName));
    expect(rb.narrative).not.toBe(ra.narrative);
  });

  it("prints Table 1, Table 2 of both years, the narrative per criterion and the copied texts in the regional report", async () => {
    const list = await json<ReportList>(analyst, "/api/monitoring/reports");
    const res = await analyst.request({ method: "GET", url: `/api/reports/regional.docx?year=${list.year}` });
    expect(res.statusCode).toBe(200);
    const doc = await readDocx(res.rawPayload);
    const text = paragraphTexts(doc).join("\n");
    expect(text).toContain("Критерии и показатели итогового мониторинга (Таблица 1)");
    expect(text).toContain("Количественные показатели итогового мониторинга (Таблица 2)");
    expect(text).toMatch(/3\. Развитие партнерских отношений ШНРО и ШФНСУ\. В \d{4} году: доля ОО/);
    expect(text).toContain("Анализ отчётов МОЦ");
    expect(text).toMatch(/\d+\. Рекомендации\n.*\n– (Увеличить|Снизить) долю /);
    const [table1, table2] = tables(doc)
      .map(tableTexts)
      .filter((rows) => rows[0]?.[0] === "№");
    expect(table1?.length).toBe(1 + 33);
    expect(table2?.[0]).toEqual([
      "№",
      "Показатель",
      ...list.years
        .slice(0, 2)
        .reverse()
        .flatMap((y) => [`Значение ${y} года: количество единиц`, `${y}: в %`]),
    ]);
  });
});
