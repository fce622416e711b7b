import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoLoadSummary, loadDemoRegion } from "../../src/server/modules/demo/demo.service";
import type { Database } from "../../src/server/platform/db";
import type { IndividualPlan, TeacherList } from "../../src/shared/teachers-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's teachers on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let summary: DemoLoadSummary;
  let director: Client;
  let first: ReturnType<typeof JSON.parse>;

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
    app = await buildTestApp(database);
    director = await signIn(app, "director.67-001", "demo-director");
    first = await json(director, "/api/auth/me");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("staffs every programme school with 15–40 teachers, diagnoses most and re-assesses some", () => {
    expect(summary.teachers).toBeGreaterThan(15 * 30);
    expect(summary.diagnoses).toBeGreaterThan(summary.teachers * 0.85);
    expect(summary.priorityTeachers).toBeGreaterThan(20);
    expect(summary.individualPlans).toBeGreaterThan(5);
  });

  it("shows the director their school's teachers, the priority group with reasons, and an ИОМ", async () => {
    const list = await json<TeacherList>(director, `/api/schools/${first.schoolId}/teachers?year=2025`);
    expect(list.items.length).toBeGreaterThanOrEqual(15);
    expect(list.items.find((t) => t.position === "director")?.fullName).toBe(first.fullName);
    expect(list.items.filter((t) => t.latest !== null).length).toBeGreaterThan(list.items.length * 0.7);
    const priority = list.items.filter((t) => t.isPriority);
    for (const t of priority) expect(t.priorityReason).toMatch(/^Преподаёт предмет «/);
    const withPlan = [];
    for (const t of priority) {
      const plan = await json<IndividualPlan>(director, `/api/teachers/${t.id}/plan?year=2025`);
      if (plan.isSaved) withPlan.push(plan);
    }
    if (priority.length > 0) expect(withPlan.every((p) => p.items.length === 4)).toBe(true);
  });

  it("loads the same teachers every time", async () => {
    const again = await engine.open();
    try {
      const second = await loadDemoRegion({ db: again.db });
      expect([second.teachers, second.diagnoses, second.individualPlans]).toEqual([
        summary.teachers,
        summary.diagnoses,
        summary.individualPlans,
      ]);
    } finally {
      await again.close();
    }
  });
});
