import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, supportLogEntries } from "../../src/server/db/schema";
import { schoolScope } from "../../src/server/modules/access/access.scope";
import { supportSummaryBySchool } from "../../src/server/modules/support/support-summary.repo";
import type { Database } from "../../src/server/platform/db";
import type { LogEntry, LogList } from "../../src/shared/support-api";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { ok } from "./plans-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

describe.each(testEngines())("the МОЦ log on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let staffId: number;

  const body = (over: Record<string, unknown> = {}) => ({
    schoolId: world.s1.id,
    kind: "consultation",
    audience: "heads",
    format: "in_person",
    heldOn: "2025-04-10",
    topic: "Анализ результатов ВПР",
    staffId,
    peopleCount: 2,
    ...over,
  });
  const post = (client: Client, payload: object) =>
    client.request({ method: "POST", url: "/api/support/log", payload });
  const list = async (client: Client, query = ""): Promise<LogList> =>
    ok("list", await client.request({ method: "GET", url: `/api/support/log${query}` }));

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    c = await signInAll(world.app, world);
    const staff = ok<{ id: number }>(
      "staff",
      await c.adminA.request({
        method: "POST",
        url: `/api/municipalities/${world.m1.id}/staff`,
        payload: { fullName: "Орлова Анна Петровна", position: "mentor_head", email: "", phone: "" },
      }),
    );
    staffId = staff.id;
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("adds, filters, edits and deletes entries, each audited, for its own municipality only", async () => {
    const consultation: LogEntry = ok("create", await post(c.mocM1, body()));
    expect(consultation.givenBy).toBe("Орлова Анна Петровна");
    const visit: LogEntry = ok(
      "visit",
      await post(
        c.mocM1,
        body({
          kind: "visit",
          format: "visit",
          audience: null,
          staffId: null,
          givenBy: "Комиссия МОЦ",
          peopleCount: 14,
          heldOn: "2025-05-20",
          findings: "Не работает ШМО учителей математики",
        }),
      ),
    );
    const interview: LogEntry = ok(
      "interview",
      await post(
        c.adminA,
        body({ kind: "interview", audience: null, schoolId: world.s1b.id, heldOn: "2025-09-01" }),
      ),
    );
    expect(interview.audience).toBe("heads");

    const all = await list(c.mocM1);
    expect(all.items.map((e) => e.id)).toEqual([interview.id, visit.id, consultation.id]);
    expect(all.totals).toEqual({
      entries: 3,
      people: 18,
      byKind: { consultation: 1, visit: 1, interview: 1 },
      byAudience: { heads: 2 },
    });
    expect((await list(c.mocM1, `?schoolId=${world.s1.id}`)).items).toHaveLength(2);
    expect((await list(c.mocM1, "?kind=visit")).items.map((e) => e.id)).toEqual([visit.id]);
    expect((await list(c.mocM1, "?from=2025-05-01&to=2025-06-30")).items.map((e) => e.id)).toEqual([
      visit.id,
    ]);
    expect((await list(c.directorS1)).items.map((e) => e.id)).toEqual([visit.id, consultation.id]);
    expect((await list(c.directorS1)).permissions.canWrite).toBe(false);
    expect((await list(c.mocM2)).items).toEqual([]);
    expect((await list(c.adminB)).items).toEqual([]);

    // МОЦ of M2 may not write S1's log, nor use a staff member of another МОЦ
    expect((await post(c.mocM2, body())).statusCode).toBe(404);
    const foreignStaff = await post(c.adminA, body({ schoolId: world.s2.id }));
    expect(foreignStaff.statusCode).toBe(400);
    expect(foreignStaff.json().message).toBe("Сотрудник не из МОЦ муниципалитета этой школы");

    const edited: LogEntry = ok(
      "edit",
      await c.mocM1.request({
        method: "PUT",
        url: `/api/support/log/${consultation.id}`,
        payload: body({ topic: "Анализ результатов ВПР и ОГЭ", peopleCount: 3 }),
      }),
    );
    expect(edited.topic).toBe("Анализ результатов ВПР и ОГЭ");
    expect(
      (await c.mocM2.request({ method: "DELETE", url: `/api/support/log/${consultation.id}` })).statusCode,
    ).toBe(404);

    const summary = await supportSummaryBySchool(
      world.db,
      schoolScope({ ...fakeMoc(), municipalityId: world.m1.id }),
      2025,
    );
    expect(summary).toEqual([
      expect.objectContaining({ schoolId: world.s1.id, consultations: 1, visits: 1, peopleReached: 17 }),
      expect.objectContaining({ schoolId: world.s1b.id, interviews: 1, peopleReached: 2 }),
    ]);
    expect(await supportSummaryBySchool(world.db, undefined, 2024)).toEqual([]);

    ok("delete", await c.mocM1.request({ method: "DELETE", url: `/api/support/log/${visit.id}` }));
    expect(await world.db.select().from(supportLogEntries).where(eq(supportLogEntries.id, visit.id))).toEqual(
      [],
    );
    const audits = await world.db.select().from(auditLog).where(eq(auditLog.entity, "support_log_entry"));
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "create", "create", "delete", "update"]);
  });

  it("explains a bad entry in Russian", async () => {
    const res = await post(c.mocM1, body({ audience: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: "Укажите, для кого консультация" })]),
    );
  });
});

function fakeMoc() {
  return {
    userId: 0,
    login: "moc",
    fullName: "МОЦ",
    role: "moc_coordinator" as const,
    regionId: null,
    municipalityId: null,
    schoolId: null,
    isDemo: false,
    federalRegionIds: null,
  };
}
