import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "../../src/core/indicators";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { upsertSchoolValues } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const newIndicator = {
  code: "test_share_support",
  name: "Доля учителей, прошедших курсы",
  unit: "share",
  direction: "higher_better",
  min: 0,
  max: 1,
  level: "school",
  group: "staffing",
  source: "Мониторинг МОЦ",
} as const;

describe.each(testEngines())("indicator catalogue API on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedCatalogue(world.db, world.regionA.id);
    await seedCatalogue(world.db, world.regionB.id);
    c = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("lists the region's catalogue to everyone signed in, never to anonymous", async () => {
    expect((await world.app.inject({ method: "GET", url: "/api/indicators" })).statusCode).toBe(401);
    for (const who of ["adminA", "analystA", "mocM1", "directorS1", "mentorS1"] as const) {
      const res = await c[who].request({ method: "GET", url: "/api/indicators" });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(INDICATOR_CATALOGUE.length);
      expect(res.json().permissions.canManage).toBe(who === "adminA");
    }
    // a federal operator names the region
    expect((await c.federal.request({ method: "GET", url: "/api/indicators" })).statusCode).toBe(400);
    const fed = await c.federal.request({
      method: "GET",
      url: `/api/indicators?regionId=${world.regionB.id}`,
    });
    expect(fed.statusCode).toBe(200);
  });

  it("keeps indicator ids of another region out of reach", async () => {
    const b = (await c.adminB.request({ method: "GET", url: "/api/indicators" })).json().items[0];
    const a = (await c.adminA.request({ method: "GET", url: "/api/indicators" })).json().items[0];
    expect(b.id).not.toBe(a.id);
    expect((await c.adminA.request({ method: "GET", url: `/api/indicators/${b.id}` })).statusCode).toBe(404);
    const patch = await c.adminA.request({
      method: "PATCH",
      url: `/api/indicators/${b.id}`,
      payload: { ...newIndicator, code: b.code },
    });
    expect(patch.statusCode).toBe(404);
    const retire = await c.adminA.request({
      method: "POST",
      url: `/api/indicators/${b.id}/retire`,
      payload: {},
    });
    expect(retire.statusCode).toBe(404);
    expect((await c.adminA.request({ method: "GET", url: `/api/indicators/${a.id}` })).statusCode).toBe(200);
  });

  it("lets only indicator managers add, edit and retire", async () => {
    for (const who of ["analystA", "mocM1", "directorS1", "mentorS1", "federal"] as const) {
      const res = await c[who].request({ method: "POST", url: "/api/indicators", payload: newIndicator });
      expect(res.statusCode).toBe(403);
    }
    const anon = await world.app.inject({ method: "POST", url: "/api/indicators", payload: newIndicator });
    expect(anon.statusCode).toBe(401);
    const created = await c.adminA.request({ method: "POST", url: "/api/indicators", payload: newIndicator });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: newIndicator.code, version: 1, isRetired: false });
    const dup = await c.adminA.request({ method: "POST", url: "/api/indicators", payload: newIndicator });
    expect(dup.statusCode).toBe(409);
    const bad = await c.adminA.request({
      method: "POST",
      url: "/api/indicators",
      payload: { ...newIndicator, code: "other_code", min: 0, max: 5 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("edits by adding a version; values keep the version they were entered under", async () => {
    const list = (await c.adminA.request({ method: "GET", url: "/api/indicators" })).json().items;
    const ind = list.find((i: { code: string }) => i.code === newIndicator.code);
    await upsertSchoolValues(
      world.db,
      [{ indicatorId: ind.id, versionId: ind.versionId, schoolId: world.s1.id, year: 2024, value: 0.4 }],
      { source: "api", userId: null },
    );
    const patch = await c.adminA.request({
      method: "PATCH",
      url: `/api/indicators/${ind.id}`,
      payload: { ...newIndicator, name: "Доля учителей, прошедших курсы повышения квалификации" },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().version).toBe(2);
    expect(patch.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const r = await world.db.execute(
      sql`select version_id from indicator_values where indicator_id = ${ind.id} and school_id = ${world.s1.id}`,
    );
    const rows = Array.isArray(r) ? r : (r as { rows: { version_id: number }[] }).rows;
    expect(rows[0]?.version_id).toBe(ind.versionId);
    const codeChange = await c.adminA.request({
      method: "PATCH",
      url: `/api/indicators/${ind.id}`,
      payload: { ...newIndicator, code: "renamed" },
    });
    expect(codeChange.statusCode).toBe(400);
    const notManager = await c.mocM1.request({
      method: "PATCH",
      url: `/api/indicators/${ind.id}`,
      payload: newIndicator,
    });
    expect(notManager.statusCode).toBe(403);
  });

  it("retires and restores, with audit entries", async () => {
    const list = (await c.adminA.request({ method: "GET", url: "/api/indicators" })).json().items;
    const ind = list.find((i: { code: string }) => i.code === newIndicator.code);
    const retired = await c.adminA.request({
      method: "POST",
      url: `/api/indicators/${ind.id}/retire`,
      payload: {},
    });
    expect(retired.json().isRetired).toBe(true);
    const back = await c.adminA.request({
      method: "POST",
      url: `/api/indicators/${ind.id}/retire`,
      payload: { isRetired: false },
    });
    expect(back.json().isRetired).toBe(false);
    expect(
      (await c.directorS1.request({ method: "POST", url: `/api/indicators/${ind.id}/retire`, payload: {} }))
        .statusCode,
    ).toBe(403);
    const audit = await world.db.execute(
      sql`select action from audit_log where entity = 'indicator' and entity_id = ${String(ind.id)} order by id`,
    );
    const actions = (Array.isArray(audit) ? audit : (audit as { rows: { action: string }[] }).rows).map(
      (a: { action: string }) => a.action,
    );
    expect(actions).toEqual(["create", "update", "retire", "restore"]);
  });
});
