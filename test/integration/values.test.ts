import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDemoValues } from "../../src/server/modules/demo/demo.repo";
import { findIndicators } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { upsertSchoolValues } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

describe.each(testEngines())("values API on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let valueS1: number;
  let valueS2: number;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedCatalogue(world.db, world.regionA.id);
    const [ind] = (await findIndicators(world.db, world.regionA.id)).filter((i) => i.unit === "share");
    if (!ind) throw new Error("no share indicator");
    const write = (schoolId: number, year: number, value: number) =>
      upsertSchoolValues(
        world.db,
        [{ indicatorId: ind.id, versionId: ind.versionId, schoolId, year, value }],
        {
          source: "api",
          userId: world.users.adminA.id,
        },
      );
    await write(world.s1.id, 2024, 0.2);
    await write(world.s1.id, 2025, 0.3);
    await write(world.s1.id, 2025, 0.35);
    await write(world.s1.id, 2025, 0.35); // unchanged: no history entry
    await write(world.s2.id, 2025, 0.5);
    const municipal = (await findIndicators(world.db, world.regionA.id)).find(
      (i) => i.level === "municipality",
    );
    if (!municipal) throw new Error("no municipality-level indicator");
    await insertDemoValues(world.db, [
      {
        indicatorId: municipal.id,
        versionId: municipal.versionId,
        schoolId: null,
        municipalityId: world.m1.id,
        year: 2025,
        value: 120,
      },
    ]);
    c = await signInAll(world.app, world);
    const all = (await c.adminA.request({ method: "GET", url: `/api/schools/${world.s1.id}/values` })).json();
    valueS1 = all.values.find((v: { year: number }) => v.year === 2025).id;
    valueS2 = (
      await c.adminA.request({ method: "GET", url: `/api/schools/${world.s2.id}/values?year=2025` })
    ).json().values[0].id;
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("gives a school's values for a year or for all years", async () => {
    const all = await c.directorS1.request({ method: "GET", url: `/api/schools/${world.s1.id}/values` });
    expect(all.statusCode).toBe(200);
    expect(all.json().years).toEqual([2025, 2024]);
    expect(all.json().values).toHaveLength(2);
    const one = await c.directorS1.request({
      method: "GET",
      url: `/api/schools/${world.s1.id}/values?year=2025`,
    });
    expect(one.json().values).toHaveLength(1);
    expect(one.json().values[0]).toMatchObject({ year: 2025, value: 0.35, source: "api", version: 1 });
  });

  it("scopes values: own school, own municipality, assigned schools, whole region", async () => {
    const url = (id: number) => `/api/schools/${id}/values`;
    expect((await world.app.inject({ method: "GET", url: url(world.s1.id) })).statusCode).toBe(401);
    const cases: [keyof Clients, number, number][] = [
      ["directorS1", world.s1.id, 200],
      ["directorS1", world.s2.id, 404],
      ["mocM1", world.s1.id, 200],
      ["mocM1", world.s2.id, 404],
      ["mocM2", world.s1.id, 404],
      ["mentorS1", world.s1.id, 200],
      ["mentorS1", world.s1b.id, 404],
      ["analystA", world.s2.id, 200],
      ["adminA", world.s1.id, 200],
      ["adminB", world.s1.id, 404],
      ["adminB", world.s3.id, 200],
    ];
    for (const [who, id, status] of cases) {
      const res = await c[who].request({ method: "GET", url: url(id) });
      expect({ who, id, status: res.statusCode }).toEqual({ who, id, status });
    }
    const outOfScope = await c.mocM2.request({ method: "GET", url: url(world.s1.id) });
    expect(outOfScope.body).not.toContain("0.35");
  });

  it("shows a value's history to those who see the school, newest first", async () => {
    const url = (id: number) => `/api/values/${id}/history`;
    expect((await world.app.inject({ method: "GET", url: url(valueS1) })).statusCode).toBe(401);
    const res = await c.mocM1.request({ method: "GET", url: url(valueS1) });
    expect(res.statusCode).toBe(200);
    expect(
      res.json().history.map((h: { oldValue: number | null; newValue: number }) => [h.oldValue, h.newValue]),
    ).toEqual([
      [0.3, 0.35],
      [null, 0.3],
    ]);
    expect(res.json().history[0].changedBy).toBe("Тестовый region_admin");
    expect((await c.mocM2.request({ method: "GET", url: url(valueS1) })).statusCode).toBe(404);
    expect((await c.directorS1.request({ method: "GET", url: url(valueS2) })).statusCode).toBe(404);
    expect((await c.adminB.request({ method: "GET", url: url(valueS1) })).statusCode).toBe(404);
    expect((await c.mocM2.request({ method: "GET", url: url(valueS2) })).statusCode).toBe(200);
    expect((await c.adminA.request({ method: "GET", url: url(999999) })).statusCode).toBe(404);
  });

  it("gives a municipality's own values to those who see the municipality", async () => {
    const url = (id: number, q = "") => `/api/municipalities/${id}/values${q}`;
    expect((await world.app.inject({ method: "GET", url: url(world.m1.id) })).statusCode).toBe(401);
    const res = await c.mocM1.request({ method: "GET", url: url(world.m1.id, "?year=2025") });
    expect(res.statusCode).toBe(200);
    expect(res.json().years).toEqual([2025]);
    expect(res.json().values).toHaveLength(1);
    expect(res.json().values[0]).toMatchObject({ value: 120, source: "demo" });
    const history = await c.mocM1.request({
      method: "GET",
      url: `/api/values/${res.json().values[0].id}/history`,
    });
    expect(history.json().history).toHaveLength(1);
    expect(
      (await c.mocM2.request({ method: "GET", url: `/api/values/${res.json().values[0].id}/history` }))
        .statusCode,
    ).toBe(404);
    const cases: [keyof Clients, number, number][] = [
      ["analystA", world.m1.id, 200],
      ["directorS1", world.m1.id, 200],
      ["directorS1", world.m2.id, 404],
      ["mocM2", world.m1.id, 404],
      ["adminB", world.m1.id, 404],
      ["adminB", world.m3.id, 200],
    ];
    for (const [who, id, status] of cases) {
      const got = await c[who].request({ method: "GET", url: url(id) });
      expect({ who, id, status: got.statusCode }).toEqual({ who, id, status });
    }
  });
});
