import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResultsPage } from "../../src/core/identification/api.schema";
import { municipalities, schools } from "../../src/server/db/schema";
import { type Actor, SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { insertSchools } from "../../src/server/modules/demo/demo.repo";
import type { ResultWrite } from "../../src/server/modules/identification/run.repo";
import { storeRun } from "../../src/server/modules/identification/run.service";
import { approveRunRow } from "../../src/server/modules/identification/run-approval.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { FIXTURE_RULE_SETS, syntheticSnapshot } from "../support/run-fixture";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;
/** Schools added to region A besides the world's three, half in M1 and half in M2. */
const EXTRA_SCHOOLS = 240;
/** The school whose name holds the LIKE wildcards, taken literally by the search. */
const WILDCARD_NAME = "Школа_5 «100%»";

const isIdentified = (r: ResultWrite) =>
  r.category === "shnro" || r.category === "shfnsu" || r.category === "both" || r.riskFlags.length > 0;

describe.each(testEngines())("a run's results, paged on the server, on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;
  let runId: number;
  /** The engine's results in the order the API lists them: municipality name, then school code. */
  let ordered: ResultWrite[];
  let riskFlag: string;

  const page = async (who: keyof Clients, query: Record<string, string | number> = {}) => {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const res = await c[who].request({
      method: "GET",
      url: `/api/identification/runs/${runId}/results?${params}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RunResultsPage;
  };
  /** Every page of a filter, fetched one after another; the school ids in the order listed. */
  const allPages = async (who: keyof Clients, query: Record<string, string | number>, pageSize: number) => {
    const first = await page(who, { ...query, pageSize });
    const ids = first.items.map((r) => r.schoolId);
    for (let n = 2; n <= Math.ceil(first.total / pageSize); n++) {
      const next = await page(who, { ...query, pageSize, page: n });
      expect(next.total).toBe(first.total);
      ids.push(...next.items.map((r) => r.schoolId));
    }
    return { total: first.total, ids };
  };
  const idsOf = (rows: readonly ResultWrite[]) => rows.map((r) => r.schoolId);

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    const extra = Array.from({ length: EXTRA_SCHOOLS }, (_, i) => ({
      regionId: w.regionA.id,
      municipalityId: i % 2 === 0 ? w.m1.id : w.m2.id,
      code: `T${String(i).padStart(4, "0")}`,
      fullName: `Школа ${i}`,
      shortName: i === 5 ? WILDCARD_NAME : i % 10 === 3 ? `Лицей № ${i}` : `Школа № ${i}`,
      kind: "СОШ",
      isRural: i % 3 === 0,
      isSmall: false,
      students: 300,
      teachers: 20,
    }));
    await insertSchools(w.db, extra);
    const regionSchools = await w.db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.shortName,
        isRural: schools.isRural,
        municipalityId: schools.municipalityId,
        municipalityName: municipalities.name,
      })
      .from(schools)
      .innerJoin(municipalities, eq(municipalities.id, schools.municipalityId))
      .where(eq(schools.regionId, w.regionA.id));
    const results = syntheticSnapshot(regionSchools, { year: YEAR, seed: 7 });
    // The system's actor with a region admin's place (and whatever else an actor carries).
    const admin: Actor = {
      ...SYSTEM_ACTOR,
      userId: w.users.adminA.id,
      login: w.users.adminA.login,
      fullName: "Администратор",
      role: "region_admin",
      regionId: w.regionA.id,
    };
    runId = await storeRun(
      w.db,
      admin,
      { regionId: w.regionA.id, year: YEAR, ruleSets: FIXTURE_RULE_SETS },
      results,
    );
    await approveRunRow(w.db, runId, { userId: null, name: "Тест" });
    const municipalityName = new Map(regionSchools.map((s) => [s.schoolId, s.municipalityName]));
    const key = (r: ResultWrite) => [municipalityName.get(r.schoolId) ?? "", r.schoolCode] as const;
    ordered = [...results].sort((a, b) => {
      const [ma, ca] = key(a);
      const [mb, cb] = key(b);
      return ma < mb ? -1 : ma > mb ? 1 : ca < cb ? -1 : ca > cb ? 1 : 0;
    });
    const flag = results.flatMap((r) => r.riskFlags)[0];
    if (!flag) throw new Error("the synthetic run raises no risk flag");
    riskFlag = flag;
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("lists the identified schools by default, 50 a page, with each school's reasons and the total", async () => {
    const identified = ordered.filter(isIdentified);
    // The case is worth testing only when some schools are identified and some are not.
    expect(identified.length).toBeGreaterThan(50);
    expect(identified.length).toBeLessThan(ordered.length);
    expect(identified.some((r) => r.category === "none" && r.riskFlags.length > 0)).toBe(true);
    const first = await page("adminA");
    expect(first).toMatchObject({ total: identified.length, page: 1, pageSize: 50 });
    expect(first.items.map((r) => r.schoolId)).toEqual(idsOf(identified.slice(0, 50)));
    const engine = new Map(ordered.map((r) => [r.schoolId, r]));
    for (const item of first.items) {
      expect(item.reasons).toEqual(engine.get(item.schoolId)?.reasons);
      expect(item.details).toEqual(engine.get(item.schoolId)?.details);
    }
    expect(first.items.every((r) => r.reasons.length > 0 || r.riskFlags.length > 0)).toBe(true);
  });

  it("pages through every school exactly once, in order; a page past the end is empty", async () => {
    const all = await allPages("adminA", { category: "all" }, 37);
    expect(all.total).toBe(ordered.length);
    expect(all.ids).toEqual(idsOf(ordered));
    const last = Math.ceil(ordered.length / 37);
    const beyond = await page("adminA", { category: "all", pageSize: 37, page: last + 1 });
    expect(beyond).toMatchObject({ items: [], total: ordered.length, page: last + 1 });
  });

  it("filters by municipality, category and risk flag, alone and together", async () => {
    const cases: [Record<string, string | number>, (r: ResultWrite) => boolean][] = [
      [{ municipalityId: w.m2.id }, (r) => r.municipalityId === w.m2.id && isIdentified(r)],
      [{ category: "shnro" }, (r) => r.category === "shnro"],
      [{ category: "flagged" }, (r) => ["shnro", "shfnsu", "both"].includes(r.category)],
      [{ category: "insufficient_data" }, (r) => r.category === "insufficient_data"],
      [{ category: "all", riskFlag }, (r) => r.riskFlags.includes(riskFlag)],
      [{ category: "none", anyRiskFlag: "true" }, (r) => r.category === "none" && r.riskFlags.length > 0],
      [
        { category: "shfnsu", municipalityId: w.m1.id },
        (r) => r.category === "shfnsu" && r.municipalityId === w.m1.id,
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = idsOf(ordered.filter(keep));
      expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0);
      const got = await allPages("adminA", query, 200);
      expect(got.ids, JSON.stringify(query)).toEqual(expected);
      expect(got.total).toBe(expected.length);
    }
    const nobody = await page("adminA", { category: "all", riskFlag: "нет такого флага" });
    expect(nobody).toMatchObject({ items: [], total: 0 });
  });

  it("searches by part of the name or code, whatever the case, wildcards taken literally", async () => {
    const search = async (q: string) => (await allPages("adminA", { category: "all", q }, 200)).ids;
    const lyceums = ordered.filter((r) => r.schoolName.startsWith("Лицей"));
    expect(lyceums.length).toBeGreaterThan(1);
    expect(await search("лиЦЕЙ")).toEqual(idsOf(lyceums));
    expect(await search("t012")).toEqual(idsOf(ordered.filter((r) => r.schoolCode.startsWith("T012"))));
    const wildcard = ordered.filter((r) => r.schoolName === WILDCARD_NAME);
    expect(await search("_")).toEqual(idsOf(wildcard));
    expect(await search("100%")).toEqual(idsOf(wildcard));
    expect(await search("%")).toEqual(idsOf(wildcard));
    // Search and filters together: a lyceum of M2 among the identified ones.
    const both = await allPages("adminA", { municipalityId: w.m2.id, q: "Лицей" }, 200);
    expect(both.ids).toEqual(idsOf(lyceums.filter((r) => r.municipalityId === w.m2.id && isIdentified(r))));
  });

  it("gives each reader only their scope, and 404 for another region or municipality", async () => {
    const m1 = await allPages("mocM1", { category: "all" }, 200);
    expect(m1.ids).toEqual(idsOf(ordered.filter((r) => r.municipalityId === w.m1.id)));
    const m1Identified = await page("mocM1");
    expect(m1Identified.total).toBe(
      ordered.filter((r) => r.municipalityId === w.m1.id && isIdentified(r)).length,
    );
    const m2Code = ordered.find((r) => r.municipalityId === w.m2.id)?.schoolCode ?? "";
    expect(await page("mocM1", { category: "all", q: m2Code })).toMatchObject({ items: [], total: 0 });
    expect((await page("directorS1", { category: "all" })).items.map((r) => r.schoolId)).toEqual([w.s1.id]);
    expect((await page("mentorS1", { category: "all" })).items.map((r) => r.schoolId)).toEqual([w.s1.id]);
    expect((await page("federal", { category: "all" })).total).toBe(ordered.length);
    const url = `/api/identification/runs/${runId}/results`;
    expect(
      (await c.mocM1.request({ method: "GET", url: `${url}?municipalityId=${w.m2.id}` })).statusCode,
    ).toBe(404);
    const other = await c.adminB.request({ method: "GET", url });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain(w.s1.code);
    expect((await w.app.inject({ method: "GET", url })).statusCode).toBe(401);
  });

  it("refuses a bad page or filter in Russian, naming the parameter", async () => {
    for (const query of ["pageSize=0", "pageSize=201", "page=0", "category=bogus", "anyRiskFlag=1"]) {
      const res = await c.adminA.request({
        method: "GET",
        url: `/api/identification/runs/${runId}/results?${query}`,
      });
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { message: string; issues: { path: string; message: string }[] };
      expect(body.message).toBe("Неверные данные запроса");
      expect(body.issues[0]?.path).toBe(`querystring.${query.split("=")[0]}`);
      expect(body.issues[0]?.message).toMatch(/[а-яё]/i);
    }
  });
});
