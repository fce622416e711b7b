import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run } from "../../src/core/identification/api.schema";
import { auditLog, schools } from "../../src/server/db/schema";
import { type Actor, SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { storeRun } from "../../src/server/modules/identification/run.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { FIXTURE_RULE_SETS, syntheticSnapshot } from "../support/run-fixture";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;

describe.each(testEngines())("approving and withdrawing a run's list on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;
  let runId: number;

  const getRun = async (who: keyof Clients = "adminA") => {
    const res = await c[who].request({ method: "GET", url: `/api/identification/runs/${runId}` });
    return { status: res.statusCode, run: res.json() as Run };
  };
  const post = (who: keyof Clients, action: "approve" | "withdraw", payload?: Record<string, unknown>) =>
    c[who].request({ method: "POST", url: `/api/identification/runs/${runId}/${action}`, payload });
  const withdrawals = () =>
    w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "identification_run"), eq(auditLog.action, "withdraw")));

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
    const regionSchools = await w.db
      .select({
        schoolId: schools.id,
        code: schools.code,
        name: schools.shortName,
        isRural: schools.isRural,
        municipalityId: schools.municipalityId,
      })
      .from(schools)
      .where(eq(schools.regionId, w.regionA.id));
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
      syntheticSnapshot(regionSchools, { year: YEAR, seed: 3 }),
    );
  });

  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("refuses to withdraw a list that is not approved, and the federal operator approves nothing", async () => {
    const res = await post("adminA", "withdraw", { reason: "Ошибка в данных" });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe("Запуск не утверждён: отзывать нечего");
    expect((await post("federal", "approve")).statusCode).toBe(403);
    expect((await getRun()).run).toMatchObject({ status: "done", withdrawnAt: null, approvedAt: null });
  });

  it("approves (analyst), then lets only the region admin of the run's region withdraw", async () => {
    const approved = await post("analystA", "approve");
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      permissions: { canApprove: false, canWithdraw: false },
    });
    const before = (await getRun()).run;
    expect(before.permissions).toEqual({ canApprove: false, canWithdraw: true });
    for (const [who, status] of [
      ["analystA", 403],
      ["mocM1", 403],
      ["directorS1", 403],
      ["federal", 403],
      ["adminB", 404],
    ] as const) {
      const res = await post(who, "withdraw", { reason: "Попытка" });
      expect(res.statusCode, who).toBe(status);
      expect(res.body).not.toContain("Администратор");
    }
    const anonymous = await w.app.inject({
      method: "POST",
      url: `/api/identification/runs/${runId}/withdraw`,
      payload: { reason: "Попытка" },
    });
    expect(anonymous.statusCode).toBe(401);
    // Nothing changed: the run reads back the same, and no withdrawal was audited.
    expect((await getRun()).run).toEqual(before);
    expect(await withdrawals()).toHaveLength(0);
  });

  it("requires a reason, in Russian, and changes nothing without one", async () => {
    const before = (await getRun()).run;
    for (const payload of [{}, { reason: "" }, { reason: "   " }, { reason: "я".repeat(2001) }]) {
      const res = await post("adminA", "withdraw", payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
      const body = res.json() as { issues: { path: string; message: string }[] };
      expect(body.issues[0]?.path).toBe("body.reason");
      expect(body.issues[0]?.message).toMatch(
        /^(Укажите причину отзыва|Причина — не длиннее 2000 символов)$/,
      );
    }
    expect((await getRun()).run).toEqual(before);
    expect(await withdrawals()).toHaveLength(0);
  });

  it("withdraws with the reason: not approved again, who, when and why kept and audited; schools lose it", async () => {
    const mocBefore = await getRun("mocM1");
    expect(mocBefore.status).toBe(200);
    const res = await post("adminA", "withdraw", { reason: "  В данных школы 67-001 ошибка  " });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json() as Run;
    expect(run).toMatchObject({
      status: "done",
      approvedAt: null,
      approvedByName: null,
      withdrawnByName: "Тестовый region_admin",
      withdrawalReason: "В данных школы 67-001 ошибка",
      permissions: { canApprove: true, canWithdraw: false },
    });
    expect(Number.isNaN(Date.parse(run.withdrawnAt ?? ""))).toBe(false);
    const [entry, ...more] = await withdrawals();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorLogin: w.users.adminA.login,
      entityId: String(runId),
      regionId: w.regionA.id,
      before: { status: "approved" },
      after: { status: "done", reason: "В данных школы 67-001 ошибка" },
    });
    // Below region level an unapproved run is not there at all; its order appendix is refused.
    expect((await getRun("mocM1")).status).toBe(404);
    const docx = await c.adminA.request({
      method: "GET",
      url: `/api/identification/runs/${runId}/order.docx`,
    });
    expect(docx.statusCode).toBe(409);
    expect((await post("adminA", "withdraw", { reason: "Ещё раз" })).statusCode).toBe(409);
  });

  it("can be approved again, keeping the last withdrawal on record", async () => {
    const again = await post("analystA", "approve");
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      status: "approved",
      approvedByName: "Тестовый region_analyst",
      withdrawalReason: "В данных школы 67-001 ошибка",
    });
    expect((await getRun("mocM1")).status).toBe(200);
    expect((await post("analystA", "approve")).statusCode).toBe(409);
  });
});
