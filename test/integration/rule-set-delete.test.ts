import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, identificationRuleSetVersions } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { putValues, runAndWait, SHNRO_RULES, seedIdentification } from "./identification-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2024;

describe.each(testEngines())("deleting a rule set on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    await seedIdentification(w.db, w.regionA.id);
    await putValues(w.db, {
      regionId: w.regionA.id,
      schoolId: w.s1.id,
      code: "ege_math_below_min_share",
      values: { [YEAR]: 0.31 },
    });
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  const create = async () => {
    const res = await c.adminA.request({
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: { definition: SHNRO_RULES },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const remove = (who: keyof Clients, id: number) =>
    c[who].request({ method: "DELETE", url: `/api/identification/rule-sets/${id}` });

  it("refuses anyone but the region's own region roles, and anonymous callers", async () => {
    const id = await create();
    expect(
      (await w.app.inject({ method: "DELETE", url: `/api/identification/rule-sets/${id}` })).statusCode,
    ).toBe(401);
    for (const who of ["mocM1", "mocM2", "directorS1"] as const) {
      expect((await remove(who, id)).statusCode, who).toBe(403);
    }
    expect((await remove("adminB", id)).statusCode).toBe(404);
    const still = await c.adminA.request({ method: "GET", url: `/api/identification/rule-sets/${id}` });
    expect(still.statusCode).toBe(200);
  });

  it("removes the rule set and its versions, audits it, and leaves earlier runs unchanged", async () => {
    const id = await create();
    await c.adminA.request({
      method: "PUT",
      url: `/api/identification/rule-sets/${id}`,
      payload: { definition: { ...SHNRO_RULES, name: "Тест: ШНРО v2" } },
    });
    const runId = (await runAndWait(c.adminA, { ruleSetIds: [id], year: YEAR })).run.id;
    const resultsBefore = await c.adminA.request({
      method: "GET",
      url: `/api/identification/runs/${runId}/results`,
    });
    const runBefore = await c.adminA.request({ method: "GET", url: `/api/identification/runs/${runId}` });

    const res = await remove("adminA", id);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (await c.adminA.request({ method: "GET", url: `/api/identification/rule-sets/${id}` })).statusCode,
    ).toBe(404);
    const list = await c.adminA.request({ method: "GET", url: "/api/identification/rule-sets" });
    expect(list.json().map((r: { id: number }) => r.id)).not.toContain(id);
    const versions = await w.db
      .select()
      .from(identificationRuleSetVersions)
      .where(eq(identificationRuleSetVersions.ruleSetId, id));
    expect(versions).toHaveLength(0);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "rule_set"),
          eq(auditLog.action, "delete"),
          eq(auditLog.entityId, String(id)),
        ),
      );
    expect(audit?.before).toMatchObject({ name: "Тест: ШНРО v2", version: 2 });

    const runAfter = await c.adminA.request({ method: "GET", url: `/api/identification/runs/${runId}` });
    const resultsAfter = await c.adminA.request({
      method: "GET",
      url: `/api/identification/runs/${runId}/results`,
    });
    expect(runAfter.json()).toEqual(runBefore.json());
    expect(resultsAfter.json()).toEqual(resultsBefore.json());
    expect(runAfter.json().ruleSets[0]).toMatchObject({ name: "Тест: ШНРО v2", version: 2 });
    expect((await remove("adminA", id)).statusCode).toBe(404);
  });
});
