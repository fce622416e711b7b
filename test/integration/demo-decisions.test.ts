import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import type { Database } from "../../src/server/platform/db";
import type { DecisionsPage, Funnel } from "../../src/shared/decisions-api";
import type { ReportList } from "../../src/shared/monitoring-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's programme results and decisions on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let summary: DemoLoadSummary;
  let analyst: Client;

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
    app = await buildTestApp(database);
    analyst = await signIn(app, "analyst", "demo-analyst");
    // loading the whole demo region is slow on a busy machine: a generous bound, not a speed check
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has seed 003's kinds of outcomes, computed: one school reaching all targets, many without a decision", async () => {
    expect(summary.decisions.decisions).toBeGreaterThan(12);
    const page = await json<DecisionsPage>(analyst, "/api/decisions");
    const s = page.summary;
    expect(
      page.schools.filter((r) => r.targetVerdict === "all").map((r) => [r.code, r.targets]),
    ).toHaveLength(1);
    expect(s.targets.some + s.targets.none).toBeGreaterThan(10);
    expect(s.dynamics.subject.improved).toBeGreaterThan(5);
    expect(s.dynamics.subject.unchanged).toBeGreaterThan(5);
    expect(s.dynamics.personal.no_data).toBe(s.schools);
    expect(s.decisions).toEqual({ leaves: 2, continues: 7, closed: 1, reorganised: 1 });
    expect(s.withoutDecision).toBeGreaterThan(s.schools / 2);
    expect(page.schools.filter((r) => r.decision?.status === "proposed").length).toBe(4);
    const leaver = page.schools.find((r) => r.targetVerdict === "all");
    expect([leaver?.decision?.kind, leaver?.decision?.status]).toEqual(["leaves", "approved"]);
    expect(page.sentences[3]).toMatch(/^Полностью целевых показателей достигла 1 школа/);
    expect(page.sentences[4]).toMatch(/по остальным \d+ школ(ам|е) вывод руководителя МОЦ отсутствует\.$/);
    expect(page.schools.find((r) => r.code === "67-133")?.decision).toBeNull();
  });

  it("shows the funnel narrowing from identified to decided", async () => {
    const funnel = await json<Funnel>(analyst, "/api/programme/funnel");
    const t = funnel.totals;
    expect(t.identified).toBeGreaterThan(t.decided);
    expect(t.causes).toBeGreaterThan(0);
    expect(t.plan).toBeGreaterThan(0);
    expect(t.supported).toBeGreaterThan(0);
    // «monitored»: the approved final monitoring reports of the funnel's programme year
    const reports = await json<ReportList>(
      analyst,
      `/api/monitoring/reports?stage=final&year=${funnel.year}`,
    );
    expect(t.monitored).toBe(reports.items.filter((r) => r.status === "approved").length);
    expect(t.monitored).toBeGreaterThan(0);
    expect(t.decided).toBe(7);
    expect(funnel.municipalities.length).toBeGreaterThan(3);
  });
});
