import { count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_LEVELS } from "../../src/core/events";
import { courseEnrolments } from "../../src/server/db/schema";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import { eventsSummaryBySchool } from "../../src/server/modules/events/events.repo";
import type { Database } from "../../src/server/platform/db";
import type { CourseList, EventList } from "../../src/shared/events-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's year of courses and events on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let summary: DemoLoadSummary;
  let analyst: Client;
  let moc: Client;

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
    app = await buildTestApp(database);
    analyst = await signIn(app, "analyst", "demo-analyst");
    moc = await signIn(app, "moc.dorogobuzh", "demo-moc");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has a catalogue of about 30 courses of 24–72 hours, read by a МОЦ", async () => {
    expect(summary.courses).toBe(30);
    const list = await json<CourseList>(moc, "/api/courses");
    expect(list.items).toHaveLength(30);
    expect(list.items.some((c) => c.provider.includes("СОИРО") || c.provider.includes("Смоленский"))).toBe(
      true,
    );
    expect(list.permissions).toEqual({ canManage: false, canEnrol: true });
    // enrolments go to the teachers of programme schools that exist when the step runs
    const [stored] = await database.db.select({ n: count() }).from(courseEnrolments);
    expect(stored?.n).toBe(summary.enrolments);
  });

  it("has about 150 events of every level, a МОЦ seeing its own municipality's", async () => {
    expect(summary.events).toBe(150);
    const all = await json<EventList>(analyst, "/api/events");
    expect(all.items).toHaveLength(150);
    expect(new Set(all.items.map((e) => e.level))).toEqual(new Set(EVENT_LEVELS));
    expect(all.items.some((e) => /^\d+ педагог(а|ов)? из \d+ район(а|ов)$/.test(e.participants))).toBe(true);
    const mine = await json<EventList>(moc, "/api/events");
    expect(mine.items.length).toBeLessThan(150);
    expect(mine.items.length).toBeGreaterThan(0);
    const participation = await eventsSummaryBySchool(database.db, { regionId: summary.regionId }, 2026);
    expect(participation.length).toBeGreaterThan(20);
  });
});
