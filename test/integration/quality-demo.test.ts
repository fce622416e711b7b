import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import type { Database } from "../../src/server/platform/db";
import type { MocReportDetail, MocReportList, QualityFlags } from "../../src/shared/quality-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

const YEAR = 2026;

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's report-quality flags on $kind", (engine) => {
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

  it("has three МОЦ reports of the support year", async () => {
    expect(summary.mocReports).toBe(3);
    const list = await json<MocReportList>(analyst, `/api/quality/moc-reports?year=${YEAR}`);
    expect(list.items.map((r) => r.municipalityName).sort()).toHaveLength(3);
    expect(list.canCreate).toBe(false);
  });

  it("flags the Смоленск report copied from the Дорогобуж one, with the passages side by side", async () => {
    const flags = await json<QualityFlags>(analyst, `/api/quality/flags?year=${YEAR}`);
    const copies = flags.flags.filter((f) => f.kind === "duplicate" && f.pair?.a.kind === "moc_report");
    expect(copies).toHaveLength(1);
    const [copy] = copies;
    expect(copy?.pair?.score).toBeGreaterThan(0.7);
    expect([copy?.pair?.a.label, copy?.pair?.b.label].join(" ")).toMatch(/Смоленск/);
    expect([copy?.pair?.a.label, copy?.pair?.b.label].join(" ")).toMatch(/Дорогобуж/);
    expect(copy?.sentence).toMatch(
      /^Текст «Аналитический отчёт МОЦ .+» совпадает с текстом «.+» на \d+\u00a0%/,
    );
    const longest = [...(copy?.pair?.passages ?? [])].sort((x, y) => y.words - x.words)[0];
    expect(longest?.words).toBeGreaterThan(40);
    expect(longest?.b?.text).toBe(longest?.a.text);
    // the generated programmes share their template's wording, which is left out as boilerplate
    const duplicates = flags.flags.filter((f) => f.kind === "duplicate");
    const ofKind = (kind: string) => duplicates.filter((f) => f.pair?.a.kind === kind);
    expect(duplicates.length - ofKind("monitoring_report").length).toBeLessThan(10);
    // the two monitoring narratives the demo copies (the school's name changed) are among the pairs
    const [fromId, toId] = summary.copiedNarratives ?? [0, 0];
    const copiedPair = ofKind("monitoring_report").find(
      (f) =>
        [f.pair?.a.id, f.pair?.b.id].sort().join() ===
        [`monitoring_report:${fromId}`, `monitoring_report:${toId}`].sort().join(),
    );
    expect(copiedPair?.pair?.score).toBeGreaterThanOrEqual(0.5);
  });

  it("flags the recommendations tied to nothing and the district report with no comparison", async () => {
    const flags = await json<QualityFlags>(analyst, `/api/quality/flags?year=${YEAR}`);
    expect(flags.flags.filter((f) => f.kind === "unlinked_recommendation")).toHaveLength(2);
    const noComparison = flags.flags.filter((f) => f.kind === "no_comparison");
    expect(noComparison).toHaveLength(1);
    expect(noComparison[0]?.sentence).toMatch(/Смоленского района.*без сравнения с 2025 годом/);
  });

  it("a МОЦ sees its own report with its flags, the other side of the copy withheld", async () => {
    const moc = await signIn(app, "moc.smolensk", "demo-moc");
    const list = await json<MocReportList>(moc, `/api/quality/moc-reports?year=${YEAR}`);
    expect(list.items).toHaveLength(1);
    const id = list.items[0]?.id;
    const report = await json<MocReportDetail>(moc, `/api/quality/moc-reports/${id}`);
    expect(report.canEdit).toBe(true);
    const copy = report.flags.find((f) => f.kind === "duplicate");
    expect(copy?.pair?.b.isVisible).toBe(false);
    expect(copy?.pair?.b.label).toBe("текст другого муниципалитета");
    expect(copy?.pair?.passages.every((p) => p.b === null)).toBe(true);
    expect(copy?.sentence).not.toMatch(/Дорогобуж/);
    expect(report.recommendations.some((r) => r.indicatorLabels.length > 0)).toBe(true);
  });
});
