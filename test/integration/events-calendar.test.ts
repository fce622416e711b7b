import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventSchools, events } from "../../src/server/db/schema";
import { eventsSummaryBySchool } from "../../src/server/modules/events/events.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { auditOf, expectStatus } from "./causes-support";
import { postTable, xlsx } from "./courses-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const SEMINAR = {
  kind: "seminar",
  level: "regional",
  heldOn: "2025-03-14",
  topic: "Повышение качества образования в школах с низкими результатами",
  organiser: "ГАУ ДПО «СОИРО»",
  teachersCount: 73,
  municipalitiesCount: 7,
};

describe.each(testEngines())("events on $kind", (engine) => {
  let database: Database;
  let w: World;
  let c: Clients;
  let regional: number;
  let municipal: number;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildWorld(database);
    c = await signInAll(w.app, w);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("lets the region add an event of any level, shown as «73 педагога из 7 районов»", async () => {
    const created = await expectStatus(c.adminA, 200, {
      method: "POST",
      url: "/api/events",
      payload: { ...SEMINAR, schoolIds: [w.s1.id, w.s2.id] },
    });
    regional = created.id;
    expect(created).toMatchObject({
      participants: "73 педагога из 7 районов",
      schoolCount: 2,
      municipalityId: null,
      canEdit: true,
    });
    // a МОЦ sees the region's event with its own schools only
    const seen = await expectStatus(c.mocM1, 200, { method: "GET", url: `/api/events/${regional}` });
    expect(seen.schools.map((s: { id: number }) => s.id)).toEqual([w.s1.id]);
    expect(seen).toMatchObject({ schoolCount: 2, canEdit: false });
    await expectStatus(c.adminB, 404, { method: "GET", url: `/api/events/${regional}` });
    await expectStatus(c.mocM1, 403, {
      method: "PATCH",
      url: `/api/events/${regional}`,
      payload: { topic: "Другое" },
    });
  });

  it("lets a МОЦ keep municipal and school events of its own municipality with its own schools", async () => {
    const refused = await expectStatus(c.mocM1, 403, {
      method: "POST",
      url: "/api/events",
      payload: SEMINAR,
    });
    expect(refused.message).toContain("МОЦ ведёт мероприятия муниципального и школьного уровня");
    const before = await w.db.select({ n: count() }).from(events);
    await expectStatus(c.mocM1, 404, {
      method: "POST",
      url: "/api/events",
      payload: { ...SEMINAR, level: "municipal", schoolIds: [w.s2.id] },
    });
    await expectStatus(c.mocM1, 404, {
      method: "POST",
      url: "/api/events",
      payload: { ...SEMINAR, level: "municipal", municipalityId: w.m2.id },
    });
    await expectStatus(c.directorS1, 403, { method: "POST", url: "/api/events", payload: SEMINAR });
    expect(await w.db.select({ n: count() }).from(events)).toEqual(before);
    const created = await expectStatus(c.mocM1, 200, {
      method: "POST",
      url: "/api/events",
      payload: {
        kind: "master_class",
        level: "municipal",
        heldOn: "2024-11-20",
        topic: "Смысловое чтение на уроках истории",
        schoolIds: [w.s1.id, w.s1b.id],
        teachersCount: 18,
        headsCount: 2,
      },
    });
    municipal = created.id;
    expect(created).toMatchObject({
      municipalityId: w.m1.id,
      participants: "2 руководителя, 18 педагогов",
      canEdit: true,
    });
    await expectStatus(c.mocM2, 404, { method: "GET", url: `/api/events/${municipal}` });
    await expectStatus(c.directorS1, 200, { method: "GET", url: `/api/events/${municipal}` });
    const edited = await expectStatus(c.mocM1, 200, {
      method: "PATCH",
      url: `/api/events/${municipal}`,
      payload: { schoolIds: [w.s1.id], teachersCount: 21 },
    });
    expect(edited).toMatchObject({ schoolCount: 1, teachersCount: 21, headsCount: 2 });
    await expectStatus(c.mocM2, 404, { method: "DELETE", url: `/api/events/${municipal}` });
  });

  it("lists the events in scope by school year and level, with the chart by level and month", async () => {
    const mine = await expectStatus(c.mocM2, 200, { method: "GET", url: "/api/events?year=2025" });
    expect(mine.items.map((e: { id: number }) => e.id)).toEqual([regional]);
    const all = await expectStatus(c.analystA, 200, { method: "GET", url: "/api/events?year=2025" });
    expect(all.items.map((e: { id: number }) => e.id)).toEqual([regional, municipal]);
    expect(all.byLevelAndMonth.regional[2]).toBe(1);
    expect(all.byLevelAndMonth.municipal[10]).toBe(1);
    expect(all.permissions).toEqual({
      canManage: true,
      levels: ["federal", "regional", "municipal", "school"],
    });
    const municipalOnly = await expectStatus(c.analystA, 200, {
      method: "GET",
      url: "/api/events?level=municipal",
    });
    expect(municipalOnly.items).toHaveLength(1);
    const bySchool = await expectStatus(c.analystA, 200, {
      method: "GET",
      url: `/api/events?schoolId=${w.s2.id}`,
    });
    expect(bySchool.items.map((e: { id: number }) => e.id)).toEqual([regional]);
    expect((await expectStatus(c.adminB, 200, { method: "GET", url: "/api/events" })).items).toEqual([]);
  });

  it("counts participation by level per school and school year for the monitoring", async () => {
    expect(await eventsSummaryBySchool(w.db, { regionId: w.regionA.id }, 2025)).toEqual([
      { schoolId: w.s1.id, byLevel: { federal: 0, regional: 1, municipal: 1, school: 0 }, total: 2 },
      { schoolId: w.s2.id, byLevel: { federal: 0, regional: 1, municipal: 0, school: 0 }, total: 1 },
    ]);
  });

  it("imports events from XLSX all or nothing, a МОЦ only its own level and schools", async () => {
    const header = ["Вид", "Уровень", "Дата", "Тема", "Организатор", "Коды школ", "Педагогов", "Районов"];
    const rows = [
      header,
      [
        "Вебинар",
        "региональный",
        "10.02.2025",
        "ВСОКО в школе",
        "СОИРО",
        `${w.s1.code}; ${w.s2.code}`,
        120,
        12,
      ],
      ["Открытый урок", "школьный", "2025-02-12", "Урок физики", "", w.s1.code, 5, ""],
      ["Пикник", "школьный", "31.02.2025", "", "", "нет-такой", "много", ""],
    ];
    const before = await w.db.select({ n: count() }).from(events);
    const refused = await postTable(c.adminA, "/api/events/import", await xlsx(rows), { dryRun: false });
    expect(refused.body.errors).toEqual([
      { row: 4, column: "Вид", message: "неизвестный вид мероприятия «Пикник»" },
      { row: 4, column: "Дата", message: "не дата: «31.02.2025»" },
      { row: 4, column: "Тема", message: "укажите тему" },
      { row: 4, column: "Педагогов", message: "ожидается целое число не меньше нуля, а не «много»" },
    ]);
    const moc = await postTable(c.mocM1, "/api/events/import", await xlsx(rows.slice(0, 3)), {
      dryRun: false,
    });
    expect(moc.body.errors).toEqual([
      {
        row: 2,
        column: "Уровень",
        message: "МОЦ загружает мероприятия только муниципального и школьного уровня",
      },
      { row: 2, column: "Коды школ", message: `школы с кодом «${w.s2.code}» нет (или она вне вашей зоны)` },
    ]);
    expect(await w.db.select({ n: count() }).from(events)).toEqual(before);
    const dry = await postTable(c.adminA, "/api/events/import", await xlsx(rows.slice(0, 3)));
    expect(dry.body).toMatchObject({ dryRun: true, created: 2, errorCount: 0 });
    expect(await w.db.select({ n: count() }).from(events)).toEqual(before);
    const real = await postTable(c.adminA, "/api/events/import", await xlsx(rows.slice(0, 3)), {
      dryRun: false,
    });
    expect(real.body).toMatchObject({ created: 2 });
    const webinar = await expectStatus(c.adminA, 200, {
      method: "GET",
      url: `/api/events?q=${encodeURIComponent("ВСОКО")}`,
    });
    expect(webinar.items[0]).toMatchObject({
      kind: "webinar",
      participants: "120 педагогов из 12 районов",
      schoolCount: 2,
    });
    expect((await auditOf(w.db, "event")).map((a) => a.action)).toEqual([
      "create",
      "create",
      "update",
      "import",
    ]);
  });

  it("deletes an event with its schools", async () => {
    await expectStatus(c.mocM1, 200, { method: "DELETE", url: `/api/events/${municipal}` });
    await expectStatus(c.mocM1, 404, { method: "GET", url: `/api/events/${municipal}` });
    const links = await w.db.select().from(eventSchools);
    expect(links.some((l) => l.eventId === municipal)).toBe(false);
  });
});
