import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findIndicators, type IndicatorRow } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

describe.each(testEngines())("school forms and approval on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let share: IndicatorRow;
  let count: IndicatorRow;
  const formUrl = (schoolId: number, year = YEAR) => `/api/schools/${schoolId}/forms/${year}`;
  const save = (client: Client, schoolId: number, values: { indicatorId: number; value: number | null }[]) =>
    client.request({ method: "PUT", url: formUrl(schoolId), payload: { values } });
  const act = (client: Client, schoolId: number, action: string, message = "") =>
    client.request({ method: "POST", url: `${formUrl(schoolId)}/transitions`, payload: { action, message } });

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedCatalogue(world.db, world.regionA.id);
    await seedCatalogue(world.db, world.regionB.id);
    const catalogue = (await findIndicators(world.db, world.regionA.id)).filter((i) => i.level === "school");
    const s = catalogue.find((i) => i.unit === "share");
    const n = catalogue.find((i) => i.unit === "count");
    if (!s || !n) throw new Error("catalogue lacks a share or a count indicator");
    share = s;
    count = n;
    c = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("shows a draft form with every school indicator to everyone who sees the school", async () => {
    expect((await world.app.inject({ method: "GET", url: formUrl(world.s1.id) })).statusCode).toBe(401);
    const res = await c.directorS1.request({ method: "GET", url: formUrl(world.s1.id) });
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.status).toBe("draft");
    expect(form.fields.every((f: { value: null }) => f.value === null)).toBe(true);
    expect(form.fields.map((f: { indicatorId: number }) => f.indicatorId)).toContain(share.id);
    expect(form.permissions).toMatchObject({
      canEdit: true,
      canSubmit: true,
      canApprove: false,
      canUnlock: false,
    });
    for (const who of ["mocM1", "mentorS1", "analystA", "adminA"] as const) {
      expect((await c[who].request({ method: "GET", url: formUrl(world.s1.id) })).statusCode).toBe(200);
    }
    for (const who of ["mocM2", "adminB"] as const) {
      expect((await c[who].request({ method: "GET", url: formUrl(world.s1.id) })).statusCode).toBe(404);
    }
    expect((await c.directorS1.request({ method: "GET", url: formUrl(world.s2.id) })).statusCode).toBe(404);
  });

  it("validates each value against its indicator and lists every problem", async () => {
    const res = await save(c.directorS1, world.s1.id, [
      { indicatorId: share.id, value: 1.4 },
      { indicatorId: count.id, value: 2.5 },
    ]);
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues;
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ path: "values.0.value", column: share.code });
    expect(issues[0].message).toContain("вне допустимого диапазона");
    expect(issues[1].message).toContain("целое");
    const after = (await c.directorS1.request({ method: "GET", url: formUrl(world.s1.id) })).json();
    expect(after.fields.find((f: { indicatorId: number }) => f.indicatorId === share.id).value).toBeNull();
  });

  it("saves values with source «form» for the school and its МОЦ, not for others", async () => {
    const res = await save(c.directorS1, world.s1.id, [
      { indicatorId: share.id, value: 0.4 },
      { indicatorId: count.id, value: 3 },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().fields.find((f: { indicatorId: number }) => f.indicatorId === share.id).value).toBe(
      0.4,
    );
    const byMoc = await save(c.mocM1, world.s1.id, [{ indicatorId: count.id, value: 4 }]);
    expect(byMoc.statusCode).toBe(200);
    const r = await world.db.execute(
      sql`select source, version_id from indicator_values where school_id = ${world.s1.id} and indicator_id = ${share.id}`,
    );
    expect(rowsOf<{ source: string; version_id: number }>(r)[0]).toEqual({
      source: "form",
      version_id: share.versionId,
    });
    expect((await save(c.mentorS1, world.s1.id, [{ indicatorId: count.id, value: 5 }])).statusCode).toBe(403);
    expect((await save(c.analystA, world.s1.id, [{ indicatorId: count.id, value: 5 }])).statusCode).toBe(403);
    expect((await save(c.mocM2, world.s1.id, [{ indicatorId: count.id, value: 5 }])).statusCode).toBe(404);
    expect((await save(c.adminB, world.s1.id, [{ indicatorId: count.id, value: 5 }])).statusCode).toBe(404);
    const anon = await world.app.inject({
      method: "PUT",
      url: formUrl(world.s1.id),
      payload: { values: [] },
    });
    expect(anon.statusCode).toBe(401);
  });

  it("clears a saved value: removed, with who and when in the history, audited", async () => {
    const field = (form: {
      fields: { indicatorId: number; value: number | null; valueId: number | null }[];
    }) => form.fields.find((f) => f.indicatorId === count.id);
    // a null for a value never saved is not a change
    const noop = await save(c.mocM1, world.s1b.id, [{ indicatorId: count.id, value: null }]);
    expect(noop.statusCode).toBe(200);
    expect(noop.json().changes).toEqual([]);
    const beforeClear = Date.now();
    const cleared = await save(c.directorS1, world.s1.id, [{ indicatorId: count.id, value: null }]);
    const afterClear = Date.now();
    expect(cleared.statusCode, cleared.body).toBe(200);
    const form = cleared.json();
    expect(field(form)).toMatchObject({ value: null, valueId: null });
    expect(field(form)).toBeDefined();
    expect(form.changes[0]).toMatchObject({
      indicatorId: count.id,
      code: count.code,
      oldValue: 4,
      newValue: null,
      source: "form",
      changedBy: "Тестовый school_director",
    });
    // stamped while the request was served, however long that took
    const changedAt = Date.parse(form.changes[0].changedAt);
    expect(changedAt).toBeGreaterThanOrEqual(beforeClear);
    expect(changedAt).toBeLessThanOrEqual(afterClear);
    const rows = await world.db.execute(
      sql`select count(*)::int as n from indicator_values where school_id = ${world.s1.id} and indicator_id = ${count.id}`,
    );
    expect(rowsOf<{ n: number }>(rows)[0]?.n).toBe(0);
    const audit = await world.db.execute(
      sql`select before, after from audit_log where action = 'form_save' order by id desc limit 1`,
    );
    expect(rowsOf<{ before: unknown; after: unknown }>(audit)[0]).toEqual({
      before: { [count.code]: 4 },
      after: { [count.code]: null },
    });
    // entered again, the value's history keeps what came before the clearing
    const again = await save(c.directorS1, world.s1.id, [{ indicatorId: count.id, value: 5 }]);
    const valueId = field(again.json())?.valueId;
    const history = (await c.mocM1.request({ method: "GET", url: `/api/values/${valueId}/history` })).json()
      .history;
    expect(
      history.map((h: { oldValue: number | null; newValue: number | null }) => [h.oldValue, h.newValue]),
    ).toEqual([
      [null, 5],
      [4, null],
      [3, 4],
      [null, 3],
    ]);
    expect(
      again
        .json()
        .changes.map((ch: { code: string }) => ch.code)
        .slice(0, 2),
    ).toEqual([count.code, count.code]);
    // out of scope: nobody else clears it
    expect((await save(c.mocM2, world.s1.id, [{ indicatorId: count.id, value: null }])).statusCode).toBe(404);
    expect((await save(c.mentorS1, world.s1.id, [{ indicatorId: count.id, value: null }])).statusCode).toBe(
      403,
    );
  });

  it("moves through submit → return with a message the school sees → submit → approve", async () => {
    expect((await act(c.mocM1, world.s1.id, "approve")).statusCode).toBe(409); // still a draft
    expect((await act(c.mentorS1, world.s1.id, "submit")).statusCode).toBe(403);
    expect((await act(c.mocM2, world.s1.id, "submit")).statusCode).toBe(404);
    const submitted = await act(c.directorS1, world.s1.id, "submit");
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe("submitted");
    // a submitted form waits for the МОЦ: the school cannot change it
    const blocked = await save(c.directorS1, world.s1.id, [{ indicatorId: count.id, value: 7 }]);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toContain("Отправлена в МОЦ");
    expect((await act(c.directorS1, world.s1.id, "approve")).statusCode).toBe(403);
    const noMessage = await act(c.mocM1, world.s1.id, "return", " ");
    expect(noMessage.statusCode).toBe(400);
    const returned = await act(c.mocM1, world.s1.id, "return", "Уточните количество педагогов");
    expect(returned.statusCode).toBe(200);
    const seen = (await c.directorS1.request({ method: "GET", url: formUrl(world.s1.id) })).json();
    expect(seen.status).toBe("returned");
    expect(seen.returnMessage).toBe("Уточните количество педагогов");
    expect(seen.events.at(-1)).toMatchObject({
      toStatus: "returned",
      message: "Уточните количество педагогов",
    });
    expect((await save(c.directorS1, world.s1.id, [{ indicatorId: count.id, value: 6 }])).statusCode).toBe(
      200,
    );
    expect((await act(c.mocM1, world.s1.id, "submit")).statusCode).toBe(200); // the МОЦ may submit for its school
    const approved = await act(c.mocM1, world.s1.id, "approve");
    expect(approved.json().status).toBe("approved");
    expect(approved.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      "submitted",
      "returned",
      "submitted",
      "approved",
    ]);
  });

  it("locks approved data: saving a locked value is 409 with a Russian message", async () => {
    const res = await save(c.directorS1, world.s1.id, [{ indicatorId: share.id, value: 0.45 }]);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/заблокированы.*разблокировать/);
    const clear = await save(c.directorS1, world.s1.id, [{ indicatorId: share.id, value: null }]);
    expect(clear.statusCode).toBe(409);
    expect(clear.json().message).toMatch(/заблокированы: значение «.+» изменить нельзя/);
    const kept = (await c.directorS1.request({ method: "GET", url: formUrl(world.s1.id) })).json();
    expect(kept.fields.find((f: { indicatorId: number }) => f.indicatorId === share.id).value).toBe(0.4);
    // sending the same value again is not a change and passes
    expect((await save(c.directorS1, world.s1.id, [{ indicatorId: share.id, value: 0.4 }])).statusCode).toBe(
      200,
    );
    // the МОЦ cannot return an approved form: that is the region's call
    expect((await act(c.mocM1, world.s1.id, "return", "Ещё раз проверьте")).statusCode).toBe(403);
    expect((await act(c.mocM1, world.s1.id, "accept")).statusCode).toBe(403);
  });

  it("lets the region unlock one value with a reason, audited; the save locks it again", async () => {
    const unlockUrl = `${formUrl(world.s1.id)}/unlocks`;
    const payload = { indicatorId: share.id, reason: "Ошибка в протоколе ГИА" };
    expect((await world.app.inject({ method: "POST", url: unlockUrl, payload })).statusCode).toBe(401);
    expect((await c.mocM1.request({ method: "POST", url: unlockUrl, payload })).statusCode).toBe(403);
    expect((await c.adminB.request({ method: "POST", url: unlockUrl, payload })).statusCode).toBe(404);
    const short = await c.analystA.request({
      method: "POST",
      url: unlockUrl,
      payload: { ...payload, reason: "" },
    });
    expect(short.statusCode).toBe(400);
    const unlocked = await c.analystA.request({ method: "POST", url: unlockUrl, payload });
    expect(unlocked.statusCode).toBe(200);
    expect(
      unlocked.json().fields.find((f: { indicatorId: number }) => f.indicatorId === share.id).isUnlocked,
    ).toBe(true);
    const other = await save(c.directorS1, world.s1.id, [{ indicatorId: count.id, value: 9 }]);
    expect(other.statusCode).toBe(409);
    const fixed = await save(c.directorS1, world.s1.id, [{ indicatorId: share.id, value: 0.45 }]);
    expect(fixed.statusCode).toBe(200);
    expect((await save(c.directorS1, world.s1.id, [{ indicatorId: share.id, value: 0.5 }])).statusCode).toBe(
      409,
    );
    const audit = await world.db.execute(
      sql`select after from audit_log where action = 'value_unlock' order by id desc limit 1`,
    );
    expect(rowsOf<{ after: { reason: string } }>(audit)[0]?.after.reason).toBe("Ошибка в протоколе ГИА");
    const valueId = fixed
      .json()
      .fields.find((f: { indicatorId: number }) => f.indicatorId === share.id).valueId;
    const history = (
      await c.directorS1.request({ method: "GET", url: `/api/values/${valueId}/history` })
    ).json();
    expect(history.history[0]).toMatchObject({
      oldValue: 0.4,
      newValue: 0.45,
      reason: "Ошибка в протоколе ГИА",
    });
    const events = fixed.json().events;
    expect(events.at(-1).message).toContain("Ошибка в протоколе ГИА");
  });

  it("accepts in the region, and unlocking a draft is refused", async () => {
    const accepted = await act(c.analystA, world.s1.id, "accept");
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe("accepted");
    const draftUnlock = await c.adminA.request({
      method: "POST",
      url: `${formUrl(world.s1b.id)}/unlocks`,
      payload: { indicatorId: share.id, reason: "Проверка разблокировки" },
    });
    expect(draftUnlock.statusCode).toBe(409);
  });

  it("counts schools by form state per municipality in scope", async () => {
    await act(c.mocM2, world.s2.id, "submit");
    const url = `/api/forms/dashboard?year=${YEAR}`;
    expect((await world.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const region = (await c.analystA.request({ method: "GET", url })).json();
    const m1 = region.rows.find((r: { municipalityId: number }) => r.municipalityId === world.m1.id);
    const m2 = region.rows.find((r: { municipalityId: number }) => r.municipalityId === world.m2.id);
    expect(m1).toMatchObject({ total: 2, accepted: 1, draft: 1, submitted: 0 });
    expect(m2).toMatchObject({ total: 1, submitted: 1 });
    expect(region.rows).toHaveLength(2);
    const moc = (await c.mocM2.request({ method: "GET", url })).json();
    expect(moc.rows.map((r: { municipalityId: number }) => r.municipalityId)).toEqual([world.m2.id]);
    const other = (await c.adminB.request({ method: "GET", url })).json();
    expect(other.rows.map((r: { municipalityId: number }) => r.municipalityId)).toEqual([world.m3.id]);
    expect(other.rows[0]).toMatchObject({ total: 1, draft: 1 });
    const list = await c.mocM1.request({
      method: "GET",
      url: `/api/forms?year=${YEAR}&municipalityId=${world.m1.id}`,
    });
    expect(
      list
        .json()
        .items.map((i: { status: string }) => i.status)
        .sort(),
    ).toEqual(["accepted", "draft"]);
    expect(
      (await c.mocM1.request({ method: "GET", url: `/api/forms?year=${YEAR}&municipalityId=${world.m2.id}` }))
        .statusCode,
    ).toBe(404);
    expect((await world.app.inject({ method: "GET", url: `/api/forms?year=${YEAR}` })).statusCode).toBe(401);
  });
});
