import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { contextReport } from "../../src/cli/commands/context.command";
import type { ClustersResponse, ContextModelResponse } from "../../src/core/analytics";
import { identificationResults, identificationRuns } from "../../src/server/db/schema";
import { SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { runContextModel } from "../../src/server/modules/analytics/analytics.service";
import { findIndicators } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { upsertSchoolValues, type ValueWrite } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildSchool } from "../support/factories";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2024;
const OUTCOME = "ege_math_mean";
const CONTEXT = "parents_higher_education_share";
const POVERTY = "low_income_share";

/**
 * Region A gets 10 more schools (13 in all, 7 in M1 and 6 in M2) with values for 2024:
 * context x spread over 0..0.9, result 40 + 30·x with a wobble, poverty high where x is low.
 * One extra school of M1 has no result: it must be listed as excluded.
 */
async function seedValues(world: World) {
  const { db, regionA, m1, m2 } = world;
  await seedCatalogue(db, regionA.id);
  await seedCatalogue(db, world.regionB.id);
  const extra = [];
  for (let i = 0; i < 10; i++) {
    const municipalityId = i < 5 ? m1.id : m2.id;
    extra.push(await buildSchool(db, { municipalityId, regionId: regionA.id, isRural: i % 2 === 0 }));
  }
  const schools = [world.s1, world.s1b, world.s2, ...extra];
  const gap = await buildSchool(db, { municipalityId: m1.id, regionId: regionA.id });
  const catalogue = new Map((await findIndicators(db, regionA.id)).map((i) => [i.code, i]));
  const write = (code: string, schoolId: number, value: number): ValueWrite => {
    const ind = catalogue.get(code)!;
    return { indicatorId: ind.id, versionId: ind.versionId, schoolId, year: YEAR, value };
  };
  const rows = schools.flatMap((s, i) => {
    const x = (i * 0.9) / (schools.length - 1);
    return [
      write(CONTEXT, s.id, x),
      write(OUTCOME, s.id, 40 + 30 * x + (i % 3) - 1),
      write(POVERTY, s.id, i < 6 ? 0.5 + 0.01 * i : 0.05 + 0.01 * i),
    ];
  });
  rows.push(write(CONTEXT, gap.id, 0.5));
  await upsertSchoolValues(db, rows, { source: "import", userId: null });
  return { schools, gap };
}

describe.each(testEngines())("analytics on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let seeded: Awaited<ReturnType<typeof seedValues>>;
  const contextUrl = `/api/analytics/context?outcome=${OUTCOME}&context=${CONTEXT}&year=${YEAR}`;
  const clustersUrl = `/api/analytics/clusters?indicators=${CONTEXT},${POVERTY}&year=${YEAR}`;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    seeded = await seedValues(world);
    c = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world.app.close();
    await database.close();
  });

  it("answers 401 to an anonymous user", async () => {
    for (const url of [contextUrl, clustersUrl, "/api/analytics/options"]) {
      expect((await world.app.inject({ method: "GET", url })).statusCode).toBe(401);
    }
  });

  it("answers 403 to a school director and a mentor", async () => {
    for (const client of [c.directorS1, c.mentorS1]) {
      for (const url of [contextUrl, clustersUrl, "/api/analytics/options"]) {
        expect((await client.request({ method: "GET", url })).statusCode).toBe(403);
      }
    }
  });

  it("fits the model on the whole region for a region analyst, listing the school without data", async () => {
    const res = await c.analystA.request({ method: "GET", url: contextUrl });
    expect(res.statusCode).toBe(200);
    const body: ContextModelResponse = res.json();
    expect(body.municipalityId).toBeNull();
    expect(body.model.n).toBe(13);
    expect(body.schools).toHaveLength(13);
    expect(body.excluded).toEqual([expect.objectContaining({ schoolId: seeded.gap.id, missing: [OUTCOME] })]);
    expect(body.model.coefficients[1]).toMatchObject({
      code: CONTEXT,
      expectedSign: 1,
      isSignAsExpected: true,
    });
    expect(body.model.rule).toMatch(/худших 33% школ региона/);
    const counts = Object.values(body.model.quadrantCounts).reduce((a, b) => a + b, 0);
    expect(counts).toBe(13);

    // The slope and intercept agree with PostgreSQL's own regression aggregates over the same values.
    const regression = z
      .object({ rows: z.array(z.object({ slope: z.coerce.number(), intercept: z.coerce.number() })) })
      .parse(
        await world.db.execute(sql`
        select regr_slope(y.value, x.value) as slope, regr_intercept(y.value, x.value) as intercept
        from indicator_values y
        join indicators iy on iy.id = y.indicator_id and iy.code = ${OUTCOME} and iy.region_id = ${world.regionA.id}
        join indicator_values x on x.school_id = y.school_id and x.year = y.year
        join indicators ix on ix.id = x.indicator_id and ix.code = ${CONTEXT}
        where y.year = ${YEAR}`),
      );
    const check = regression.rows[0];
    expect(body.model.coefficients[1]!.estimate).toBeCloseTo(check!.slope, 9);
    expect(body.model.coefficients[0]!.estimate).toBeCloseTo(check!.intercept, 9);
  });

  it("gives the same answer to POST with a JSON body", async () => {
    const get: ContextModelResponse = (await c.adminA.request({ method: "GET", url: contextUrl })).json();
    const res = await c.adminA.request({
      method: "POST",
      url: "/api/analytics/context",
      payload: { outcome: OUTCOME, context: [CONTEXT], year: YEAR },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(get);
  });

  it("shows a МОЦ coordinator only its municipality's rows of the region-wide model", async () => {
    const region: ContextModelResponse = (
      await c.analystA.request({ method: "GET", url: contextUrl })
    ).json();
    const res = await c.mocM1.request({ method: "GET", url: contextUrl });
    expect(res.statusCode).toBe(200);
    const body: ContextModelResponse = res.json();
    expect(body.municipalityId).toBe(world.m1.id);
    expect(body.model).toEqual(region.model);
    expect(body.schools.length).toBe(7);
    expect(body.schools.every((s) => s.municipalityId === world.m1.id)).toBe(true);
    expect(body.excluded).toHaveLength(1);
    const m2: ContextModelResponse = (await c.mocM2.request({ method: "GET", url: contextUrl })).json();
    expect(m2.schools.map((s) => s.municipalityId)).toEqual(new Array(6).fill(world.m2.id));
    expect(m2.excluded).toEqual([]);
  });

  it("keeps another region out: 404 for a foreign region, and its own region has no data", async () => {
    const foreign = await c.adminB.request({
      method: "GET",
      url: `${contextUrl}&regionId=${world.regionA.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    const own = await c.adminB.request({ method: "GET", url: contextUrl });
    expect(own.statusCode).toBe(400);
    expect(own.json().message).toMatch(/Недостаточно школ/);
  });

  it("makes a federal operator name the region", async () => {
    expect((await c.federal.request({ method: "GET", url: contextUrl })).statusCode).toBe(400);
    const res = await c.federal.request({ method: "GET", url: `${contextUrl}&regionId=${world.regionA.id}` });
    expect(res.statusCode).toBe(200);
  });

  it("names unknown indicators", async () => {
    const res = await c.analystA.request({
      method: "GET",
      url: `/api/analytics/context?outcome=nope&context=${CONTEXT}&year=${YEAR}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: "outcome" })]);
  });

  it("clusters the region's schools the same way twice, k by silhouette or set", async () => {
    const res = await c.analystA.request({ method: "GET", url: clustersUrl });
    expect(res.statusCode).toBe(200);
    const body: ClustersResponse = res.json();
    expect(body.kChosenBy).toBe("silhouette");
    expect(body.schools).toHaveLength(13);
    expect(body.profiles.reduce((s, p) => s + p.size, 0)).toBe(13);
    expect(body.profiles[0]!.shnroShare).toBeNull();
    expect(body.excluded).toEqual([expect.objectContaining({ schoolId: seeded.gap.id, missing: [POVERTY] })]);
    const again: ClustersResponse = (await c.analystA.request({ method: "GET", url: clustersUrl })).json();
    expect(again.schools).toEqual(body.schools);
    const set = await c.analystA.request({
      method: "POST",
      url: "/api/analytics/clusters",
      payload: { indicators: [CONTEXT, POVERTY], year: YEAR, k: 3 },
    });
    expect(set.json()).toMatchObject({ k: 3, kChosenBy: "user" });
  });

  it("gives a МОЦ coordinator its own schools' clusters", async () => {
    const res = await c.mocM2.request({ method: "GET", url: clustersUrl });
    expect(res.statusCode).toBe(200);
    const body: ClustersResponse = res.json();
    expect(body.schools).toHaveLength(6);
    expect(body.schools.every((s) => s.municipalityId === world.m2.id)).toBe(true);
    expect(body.profiles.reduce((s, p) => s + p.size, 0)).toBe(13);
  });

  it("lists the indicators with data and the years", async () => {
    const res = await c.mocM1.request({ method: "GET", url: "/api/analytics/options" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.years).toEqual([YEAR]);
    expect(body.indicators.find((i: { code: string }) => i.code === OUTCOME)).toMatchObject({
      valueCount: 13,
      direction: "higher_better",
    });
  });

  it("gives the command line the model and every school with expected, interval, residual and group", async () => {
    const result = await runContextModel({
      db: world.db,
      actor: SYSTEM_ACTOR,
      query: { outcome: OUTCOME, context: [CONTEXT], year: YEAR, regionId: world.regionA.id },
    });
    const report = contextReport(result);
    expect(report.model).toMatchObject({ n: 13, r2: result.model.r2 });
    expect(report.model.coefficients).toHaveLength(2);
    expect(report.schools).toHaveLength(13);
    expect(Object.keys(report.schools[0]!).sort()).toEqual(
      ["actual", "code", "expected", "high", "low", "name", "quadrant", "quadrantName", "residual"].sort(),
    );
    const s = report.schools[0]!;
    expect(s.residual).toBeCloseTo(s.actual - s.expected, 12);
    expect(s.low).toBeLessThan(s.expected);
    expect(report.excluded).toEqual([expect.objectContaining({ missing: [OUTCOME] })]);
  });

  it("takes the ШНРО and ШФНСУ shares of the profiles from the year's identification run", async () => {
    const [run] = await world.db
      .insert(identificationRuns)
      .values({
        regionId: world.regionA.id,
        year: YEAR,
        ruleSets: [],
        schoolCount: 13,
        createdByName: "тест",
      })
      .returning({ id: identificationRuns.id });
    const categories = ["shnro", "shfnsu", "both"] as const;
    await world.db.insert(identificationResults).values(
      seeded.schools.map((school, i) => ({
        runId: run!.id,
        schoolId: school.id,
        municipalityId: school.municipalityId,
        schoolCode: school.code,
        schoolName: school.code,
        isRural: false,
        category: i < 3 ? categories[i]! : ("none" as const),
        riskFlags: [],
        reasons: [],
        position: i,
        ruleSetStatuses: "",
      })),
    );
    const body: ClustersResponse = (await c.analystA.request({ method: "GET", url: clustersUrl })).json();
    expect(body.categoriesSource).toMatch(new RegExp(`№ ${run!.id} за ${YEAR} год \\(не утверждено\\)`));
    const weighted = (share: (p: ClustersResponse["profiles"][number]) => number | null) =>
      Math.round(body.profiles.reduce((sum, p) => sum + (share(p) ?? 0) * p.size, 0));
    expect(weighted((p) => p.shnroShare)).toBe(2);
    expect(weighted((p) => p.shfnsuShare)).toBe(2);
  });
});
