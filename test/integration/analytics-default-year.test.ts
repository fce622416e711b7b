import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { putValues, seedIdentification } from "./identification-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

describe.each(testEngines())("the default year of analytics and runs on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;

  const options = async (who: keyof Clients, query = "") => {
    const res = await c[who].request({ method: "GET", url: `/api/analytics/options${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { regionId: number; years: number[]; defaultYear: number | null };
  };
  const put = (schoolId: number, values: Record<number, number>) =>
    putValues(w.db, { regionId: w.regionA.id, schoolId, code: "good_marks_share", values });

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    await seedIdentification(w.db, w.regionA.id);
    await seedIdentification(w.db, w.regionB.id);
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("is none in a region without values", async () => {
    expect(await options("adminB")).toMatchObject({ years: [], defaultYear: null });
  });

  it("is the latest year with data for most schools, not a year whose collection has just begun", async () => {
    for (const school of [w.s1, w.s1b, w.s2]) await put(school.id, { 2023: 0.4, 2024: 0.5 });
    // One school of three has entered 2025.
    await put(w.s1.id, { 2025: 0.6 });
    expect(await options("analystA")).toMatchObject({ years: [2025, 2024, 2023], defaultYear: 2024 });
    // Two of three: the year is the default now.
    await put(w.s2.id, { 2025: 0.7 });
    expect(await options("analystA")).toMatchObject({ years: [2025, 2024, 2023], defaultYear: 2025 });
  });

  it("is the chosen region's for the federal operator, who must choose one", async () => {
    expect(await options("federal", `?regionId=${w.regionA.id}`)).toMatchObject({
      regionId: w.regionA.id,
      defaultYear: 2025,
    });
    expect(await options("federal", `?regionId=${w.regionB.id}`)).toMatchObject({ defaultYear: null });
    const unchosen = await c.federal.request({ method: "GET", url: "/api/analytics/options" });
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.json().message).toBe("Выберите регион");
  });
});
