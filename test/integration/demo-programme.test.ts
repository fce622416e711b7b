import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import type { Database } from "../../src/server/platform/db";
import type { PlanDetail, PlanList } from "../../src/shared/plans-api";
import type { CauseRegistryView } from "../../src/shared/school-causes-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

const DAY = "2026-12-01";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function docxText(client: Client, url: string): Promise<string> {
  const res = await client.request({ method: "GET", url });
  expect(res.statusCode).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file("word/document.xml")?.async("string");
  return (xml ?? "").replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
}

describe.each(testEngines())("the demo region's year of causes and plans on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let summary: DemoLoadSummary;
  let analyst: Client;
  let mocDorogobuzh: Client;

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
    app = await buildTestApp(database);
    analyst = await signIn(app, "analyst", "demo-analyst");
    mocDorogobuzh = await signIn(app, "moc.dorogobuzh", "demo-moc");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has programmes in every state, quality warnings, returns with comments and overdue activities", async () => {
    expect(summary.plans).toBeGreaterThan(30);
    const { items } = await json<PlanList>(analyst, `/api/plans?today=${DAY}`);
    const schoolPlans = items.filter((plan) => plan.level === "school");
    const states = new Set(schoolPlans.map((plan) => plan.status));
    for (const status of ["draft", "submitted", "returned", "approved"]) expect(states).toContain(status);
    expect(schoolPlans.some((plan) => plan.qualityWarningCount > 0 && plan.status === "draft")).toBe(true);
    expect(schoolPlans.some((plan) => plan.status === "approved" && plan.overdueCount > 0)).toBe(true);
    expect(schoolPlans.some((plan) => plan.kind === "anti_risk_programme")).toBe(true);
    const returned = schoolPlans.find((plan) => plan.status === "returned");
    if (!returned) throw new Error("no returned plan");
    const detail = await json<PlanDetail>(analyst, `/api/plans/${returned.id}?today=${DAY}`);
    expect(detail.comments.some((c) => c.side === "reviewer" && c.activityId !== null)).toBe(true);
    expect(detail.events.map((e) => e.action)).toEqual(["submit", "return"]);
  });

  it("gives the city director an approved programme that was returned, answered and approved, with check-ins", async () => {
    const director = await signIn(app, "director.67-001", "demo-director");
    const { items } = await json<PlanList>(director, `/api/plans?level=school&today=${DAY}`);
    const [programme] = items;
    expect(items).toHaveLength(1);
    if (!programme) throw new Error("no programme");
    const detail = await json<PlanDetail>(director, `/api/plans/${programme.id}?today=${DAY}`);
    expect(detail.current.status).toBe("approved");
    expect(detail.events.map((e) => e.action)).toEqual(["submit", "return", "submit", "approve"]);
    expect(detail.comments.some((c) => c.side === "author")).toBe(true);
    expect(detail.checkIns.length).toBeGreaterThan(0);
    expect(detail.confirmedCauses.length).toBeGreaterThanOrEqual(2);
    // every activity answers a confirmed cause
    const causes = new Set(detail.confirmedCauses.map((c) => c.code));
    for (const section of detail.content.sections)
      for (const activity of section.activities) expect(causes.has(activity.causeCodes[0] ?? "")).toBe(true);
  });

  it("leaves the district director's school for a visitor: no workbook, causes or programme yet", async () => {
    const director = await signIn(app, "director.67-133", "demo-director");
    const me = await json<{ schoolId: number }>(director, "/api/auth/me");
    const workbook = await json<{ status: string | null; answers: Record<string, unknown> }>(
      director,
      `/api/schools/${me.schoolId}/workbook?year=2025`,
    );
    expect(Object.keys(workbook.answers ?? {})).toHaveLength(0);
    const causes = await json<{ causes: unknown[] }>(
      director,
      `/api/schools/${me.schoolId}/causes?year=2025`,
    );
    expect(causes.causes).toEqual([]);
    expect((await json<PlanList>(director, "/api/plans")).items.filter((p) => p.level === "school")).toEqual(
      [],
    );
  });

  it("shows the registry of causes with the change from the year before", async () => {
    const registry = await json<CauseRegistryView>(analyst, "/api/causes/registry?year=2025");
    expect(registry.region.programmeSchools).toBeGreaterThan(50);
    expect(registry.region.schoolsWithCauses).toBeGreaterThan(40);
    expect(registry.region.rows.some((row) => row.schools > 0 && row.previousSchools !== null)).toBe(true);
    expect(registry.region.rows.some((row) => row.change !== null && row.change !== 0)).toBe(true);
  });

  it("prints Dorogobuzh's approved road map as an order naming its programme schools and directors", async () => {
    const { items } = await json<PlanList>(mocDorogobuzh, "/api/plans?level=municipal");
    const roadMap = items.find((plan) => plan.kind === "municipal_road_map");
    if (!roadMap) throw new Error("no road map");
    expect(roadMap.status).toBe("approved");
    const text = await docxText(mocDorogobuzh, `/api/plans/${roadMap.id}/order.docx`);
    expect(text).toContain("№ 13/01-04");
    expect(text).toContain("Об утверждении муниципальной «дорожной карты»");
    expect(text).toContain("I. Информационное, аналитическое обеспечение");
    const programmes = (await json<PlanList>(mocDorogobuzh, "/api/plans?level=school")).items;
    expect(programmes.length).toBeGreaterThan(0);
    for (const programme of programmes) expect(text).toContain(programme.place.schoolName ?? "—");
  });

  it("lets the mentor and the specialist check in on the activities assigned to them, and only there", async () => {
    for (const [login, password] of [
      ["mentor", "demo-mentor"],
      ["specialist", "demo-specialist"],
    ] as const) {
      const helper = await signIn(app, login, password);
      const me = await json<{ id: number }>(helper, "/api/auth/me");
      const { items } = await json<PlanList>(helper, "/api/plans");
      const mine = [];
      for (const plan of items) {
        const detail = await json<PlanDetail>(helper, `/api/plans/${plan.id}`);
        const assigned = detail.assignees.filter((a) => a.userId === me.id);
        if (assigned.length > 0) mine.push({ detail, activityId: assigned[0]?.activityId ?? "" });
      }
      const [first] = mine;
      if (!first) throw new Error(`${login} has no assigned activity`);
      const url = (activityId: string) => `/api/plans/${first.detail.id}/activities/${activityId}/check-ins`;
      const checkIn = {
        date: "2026-05-12",
        text: "Проведена консультация для педагогов",
        evidenceText: "",
        evidenceUrl: "",
      };
      expect(
        (await helper.request({ method: "POST", url: url(first.activityId), payload: checkIn })).statusCode,
      ).toBe(200);
      const other = first.detail.content.sections
        .flatMap((s) => s.activities)
        .find((a) => a.id !== first.activityId);
      if (other)
        expect(
          (await helper.request({ method: "POST", url: url(other.id), payload: checkIn })).statusCode,
        ).toBe(403);
    }
  });
});
