import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, specialistRequests } from "../../src/server/db/schema";
import { supportSummaryBySchool } from "../../src/server/modules/support/support-summary.repo";
import type { Database } from "../../src/server/platform/db";
import type { RequestDetail, RequestList } from "../../src/shared/support-api";
import { testEngines } from "../support/db";
import { buildUser } from "../support/factories";
import { type Client, signIn } from "../support/http";
import { ok } from "./plans-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const file = (client: Client, schoolId: number, reason = "Трудности адаптации в 5 классе") =>
  client.request({
    method: "POST",
    url: "/api/support/requests",
    payload: { schoolId, specialistKind: "psychologist", target: "children", reason },
  });

describe.each(testEngines())("specialist requests on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let otherSpecialist: Client;
  let otherSpecialistId: number;

  const url = (id: number, rest = "") => `/api/support/requests/${id}${rest}`;
  const list = async (client: Client, query = ""): Promise<RequestList> =>
    ok("list", await client.request({ method: "GET", url: `/api/support/requests${query}` }));

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    c = await signInAll(world.app, world);
    const other = await buildUser(world.db, {
      role: "specialist",
      regionId: world.regionA.id,
      assignedSchoolIds: [world.s1.id, world.s2.id],
    });
    otherSpecialistId = other.id;
    otherSpecialist = await signIn(world.app, other.login);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("goes new → assigned → in work → done, timing each stage, seen only by whom it concerns", async () => {
    const filed: RequestDetail = ok("file", await file(c.directorS1, world.s1.id));
    expect(filed.status).toBe("new");
    expect(filed.specialist).toBeNull();
    expect(filed.durations).toEqual({ waiting: null, assigned: null, inWork: null, total: null });

    // the specialist sees nothing until assigned; the other МОЦ and region never
    expect((await list(c.specialistS1)).items).toEqual([]);
    expect((await list(c.mocM2)).items).toEqual([]);
    expect((await list(c.adminB)).items).toEqual([]);
    expect((await list(c.mentorS1)).items).toEqual([]);
    expect((await list(c.mocM1)).items.map((r) => r.id)).toEqual([filed.id]);
    expect((await c.mocM2.request({ method: "GET", url: url(filed.id) })).statusCode).toBe(404);

    const options = ok<{ items: { id: number }[] }>(
      "options",
      await c.mocM1.request({ method: "GET", url: url(filed.id, "/specialists") }),
    );
    expect(options.items.map((o) => o.id).sort()).toEqual(
      [world.users.specialistS1.id, otherSpecialistId].sort(),
    );
    // a director may not assign; a specialist not assigned to the school may not be given it
    const assignBody = { specialistId: world.users.specialistS1.id, scheduledOn: "2099-03-20" };
    expect(
      (await c.directorS1.request({ method: "POST", url: url(filed.id, "/assign"), payload: assignBody }))
        .statusCode,
    ).toBe(403);
    const stranger = await buildUser(world.db, { role: "specialist", regionId: world.regionA.id });
    const wrong = await c.mocM1.request({
      method: "POST",
      url: url(filed.id, "/assign"),
      payload: { ...assignBody, specialistId: stranger.id },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe("Этот специалист не закреплён за школой заявки");

    const assigned: RequestDetail = ok(
      "assign",
      await c.mocM1.request({ method: "POST", url: url(filed.id, "/assign"), payload: assignBody }),
    );
    expect(assigned.status).toBe("assigned");
    expect(assigned.specialist?.id).toBe(world.users.specialistS1.id);
    expect(assigned.durations.waiting).not.toBeNull();

    expect((await list(c.specialistS1)).items.map((r) => r.id)).toEqual([filed.id]);
    expect((await list(otherSpecialist)).items).toEqual([]);
    expect((await otherSpecialist.request({ method: "GET", url: url(filed.id) })).statusCode).toBe(404);

    // completing before any work is refused
    expect(
      (await c.specialistS1.request({ method: "POST", url: url(filed.id, "/complete") })).statusCode,
    ).toBe(409);
    const session = {
      kind: "consultation",
      heldOn: "2099-03-20",
      counts: [
        { group: "children", ageBand: "11_14", count: 8 },
        { group: "parents", ageBand: "adult", count: 3 },
      ],
      note: "повторно через месяц",
    };
    expect(
      (await otherSpecialist.request({ method: "POST", url: url(filed.id, "/sessions"), payload: session }))
        .statusCode,
    ).toBe(404);
    const working: RequestDetail = ok(
      "record",
      await c.specialistS1.request({ method: "POST", url: url(filed.id, "/sessions"), payload: session }),
    );
    expect(working.status).toBe("in_work");
    expect(working.reached).toEqual({ children: 8, teachers: 0, parents: 3 });
    expect(working.sessions).toHaveLength(1);
    expect(working.sessions[0]?.total).toBe(11);

    const done: RequestDetail = ok(
      "complete",
      await c.specialistS1.request({ method: "POST", url: url(filed.id, "/complete") }),
    );
    expect(done.status).toBe("done");
    expect(done.doneAt).not.toBeNull();
    expect(done.durations.total).not.toBeNull();
    expect(done.overdue).toBeNull();
    expect(done.permissions).toEqual({ canAssign: false, canRecord: false, canComplete: false });

    const audits = await world.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(filed.id)));
    expect(audits.map((a) => `${a.entity}:${a.action}`)).toEqual(
      expect.arrayContaining([
        "specialist_request:create",
        "specialist_request:assign",
        "specialist_request:complete",
      ]),
    );
  });

  it("refuses names in a note or a reason, and counts that are not whole numbers", async () => {
    const refused = await file(c.directorS1, world.s1.id, "Нужна помощь: Иванов Петя, 4 класс");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/не указывают имена/);
    const filed: RequestDetail = ok("file", await file(c.mocM1, world.s1.id));
    ok(
      "assign",
      await c.mocM1.request({
        method: "POST",
        url: url(filed.id, "/assign"),
        payload: { specialistId: world.users.specialistS1.id, scheduledOn: "2099-04-01" },
      }),
    );
    const before = await world.db
      .select()
      .from(specialistRequests)
      .where(eq(specialistRequests.id, filed.id));
    const named = await c.specialistS1.request({
      method: "POST",
      url: url(filed.id, "/sessions"),
      payload: {
        kind: "examination",
        heldOn: "2099-04-01",
        counts: [{ group: "children", ageBand: "7_10", count: 2 }],
        note: "Петров И. И.",
      },
    });
    expect(named.statusCode).toBe(400);
    expect(named.json().message).toMatch(/имена/);
    const noBand = await c.specialistS1.request({
      method: "POST",
      url: url(filed.id, "/sessions"),
      payload: {
        kind: "examination",
        heldOn: "2099-04-01",
        counts: [{ group: "children", ageBand: "adult", count: 2 }],
      },
    });
    expect(noBand.statusCode).toBe(400);
    expect(noBand.json().message).toBe("Для детей укажите возрастную группу");
    const after = await world.db.select().from(specialistRequests).where(eq(specialistRequests.id, filed.id));
    expect(after).toEqual(before);
  });

  it("shows overdue requests: new for more than 7 days, or past their date", async () => {
    const late: RequestDetail = ok("file", await file(c.directorS1, world.s1.id));
    await world.db
      .update(specialistRequests)
      .set({ filedOn: "2025-03-01" })
      .where(eq(specialistRequests.id, late.id));
    const onDay8 = await list(c.mocM1, "?overdue=true&today=2025-03-08");
    expect(onDay8.items.map((r) => r.id)).not.toContain(late.id);
    const onDay9 = await list(c.mocM1, "?overdue=true&today=2025-03-09");
    expect(onDay9.items.map((r) => r.id)).toContain(late.id);
    expect(onDay9.items.find((r) => r.id === late.id)?.overdue?.sentence).toBe(
      "Специалист не назначен больше 7 дней с подачи заявки",
    );
    expect(onDay9.newOverdueDays).toBe(7);

    const summary = await supportSummaryBySchool(world.db, undefined, 2025, "2025-03-09");
    expect(summary).toEqual([
      {
        schoolId: world.s1.id,
        consultations: 0,
        interviews: 0,
        visits: 0,
        peopleReached: 0,
        requests: { new: 1, assigned: 0, in_work: 0, done: 0 },
        overdue: 1,
      },
    ]);
  });

  it("refuses filing for a school out of scope, and filing by a specialist", async () => {
    expect((await file(c.directorS1, world.s2.id)).statusCode).toBe(404);
    expect((await file(c.mocM2, world.s1.id)).statusCode).toBe(404);
    expect((await file(c.specialistS1, world.s1.id)).statusCode).toBe(403);
    expect((await file(c.federal, world.s1.id)).statusCode).toBe(403);
  });
});
