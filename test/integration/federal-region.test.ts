import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

type Dashboard = { year: number; rows: { municipalityId: number; total: number }[] };

describe.each(testEngines())("the federal operator's pages of one chosen region on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;

  const dashboard = async (who: keyof Clients, query = "") => {
    const res = await c[who].request({ method: "GET", url: `/api/forms/dashboard${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dashboard;
  };
  const municipalitiesOf = (d: Dashboard) => d.rows.map((r) => r.municipalityId).sort((a, b) => a - b);

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("shows data collection of the chosen region only", async () => {
    const regionA = [w.m1.id, w.m2.id].sort((a, b) => a - b);
    expect(municipalitiesOf(await dashboard("federal", `?regionId=${w.regionA.id}`))).toEqual(regionA);
    expect(municipalitiesOf(await dashboard("federal", `?regionId=${w.regionB.id}`))).toEqual([w.m3.id]);
    // Without a choice: every region it sees, as before.
    expect(municipalitiesOf(await dashboard("federal"))).toEqual([...regionA, w.m3.id].sort((a, b) => a - b));
  });

  it("never widens a region user's scope: another region's id gives nothing", async () => {
    expect(municipalitiesOf(await dashboard("mocM1", `?regionId=${w.regionA.id}`))).toEqual([w.m1.id]);
    expect((await dashboard("adminA", `?regionId=${w.regionB.id}`)).rows).toEqual([]);
    expect((await dashboard("mocM1", `?regionId=${w.regionB.id}`)).rows).toEqual([]);
  });
});
