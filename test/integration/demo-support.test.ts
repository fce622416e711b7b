import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import { supportSummaryBySchool } from "../../src/server/modules/support/support-summary.repo";
import type { Database } from "../../src/server/platform/db";
import type { LogList, RequestList } from "../../src/shared/support-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

const DAY = "2026-12-01";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's year of support on $kind", (engine) => {
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

  it("has hundreds of consultations of every audience, interviews and visits with findings", async () => {
    expect(summary.supportLog).toBeGreaterThan(300);
    const log = await json<LogList>(analyst, "/api/support/log?from=2026-01-01&to=2026-12-31&limit=1000");
    expect(log.totals.entries).toBe(summary.supportLog);
    expect(log.totals.byKind.consultation).toBeGreaterThan(200);
    expect(log.totals.byKind.interview).toBeGreaterThan(20);
    expect(log.totals.byKind.visit).toBeGreaterThan(20);
    for (const audience of ["heads", "teachers", "parents", "students"]) {
      expect(log.totals.byAudience[audience]).toBeGreaterThan(0);
    }
    expect(log.items.filter((e) => e.kind === "visit").every((e) => e.findings.length > 0)).toBe(true);
  });

  it("has requests in every state, some overdue, the demo specialist's with counts, one new at 67-133", async () => {
    const all = await json<RequestList>(analyst, `/api/support/requests?today=${DAY}`);
    expect(all.items.length).toBe(summary.specialistRequests);
    const states = new Set(all.items.map((r) => r.status));
    for (const status of ["new", "assigned", "in_work", "done"]) expect(states).toContain(status);
    expect(all.overdueCount).toBeGreaterThan(3);
    expect(all.items.some((r) => r.overdue?.reason === "unassigned")).toBe(true);
    expect(all.items.some((r) => r.overdue?.reason === "past_date")).toBe(true);

    const specialist = await signIn(app, "specialist", "demo-specialist");
    const mine = await json<RequestList>(specialist, `/api/support/requests?today=${DAY}`);
    expect(mine.items.length).toBeGreaterThan(5);
    expect(mine.items.every((r) => r.specialist?.fullName !== undefined)).toBe(true);
    expect(mine.items.some((r) => r.status === "done" && r.reached.children > 0)).toBe(true);
    expect(new Set(mine.items.map((r) => r.status))).toEqual(new Set(["assigned", "in_work", "done"]));

    const visitor = all.items.filter((r) => r.school.code === "67-133");
    expect(visitor.map((r) => r.status)).toEqual(["new"]);

    const bySchool = await supportSummaryBySchool(database.db, undefined, 2026, DAY);
    expect(bySchool.length).toBeGreaterThan(30);
    expect(bySchool.reduce((n, s) => n + s.overdue, 0)).toBe(all.overdueCount);
  });
});
