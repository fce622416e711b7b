import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { type Client, signIn } from "../support/http";
import { buildWorld, type World } from "./world";

const school = (municipalityId: number, code: string) => ({
  code,
  fullName: "МБОУ «Лицей № 1»",
  shortName: "Лицей № 1",
  municipalityId,
  kind: "лицей",
  isRural: false,
  isSmall: false,
  students: 800,
  teachers: 60,
  address: "г. Смоленск, ул. Ленина, 1",
});

describe.each(testEngines())("hierarchy rules on $kind", (engine) => {
  let database: Database;
  let world: World;
  let admin: Client;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    admin = await signIn(world.app, world.users.adminA.login);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("keeps school codes unique within a region, and says so", async () => {
    const first = await admin.request({
      method: "POST",
      url: "/api/schools",
      payload: school(world.m1.id, "L-1"),
    });
    expect(first.statusCode).toBe(200);
    const again = await admin.request({
      method: "POST",
      url: "/api/schools",
      payload: school(world.m2.id, "L-1"),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("L-1");
  });

  it("allows the same code in another region", async () => {
    const adminB = await signIn(world.app, world.users.adminB.login);
    const res = await adminB.request({
      method: "POST",
      url: "/api/schools",
      payload: school(world.m3.id, "L-1"),
    });
    expect(res.statusCode).toBe(200);
  });

  it("validates input with messages naming the field", async () => {
    const res = await admin.request({
      method: "POST",
      url: "/api/schools",
      payload: { ...school(world.m1.id, "L-2"), students: -5 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe("body.students");
    expect(res.json().issues[0].message).toContain("отрицательным");
  });

  it("does not move a school to a municipality of another region", async () => {
    const res = await admin.request({
      method: "PATCH",
      url: `/api/schools/${world.s1.id}`,
      payload: { municipalityId: world.m3.id },
    });
    expect(res.statusCode).toBe(404);
    const after = (await admin.request({ method: "GET", url: `/api/schools/${world.s1.id}` })).json();
    expect(after.municipalityId).toBe(world.m1.id);
  });

  it("writes every change to the audit log with before and after", async () => {
    await admin.request({ method: "PATCH", url: `/api/schools/${world.s1b.id}`, payload: { teachers: 13 } });
    const log = (await admin.request({ method: "GET", url: "/api/audit?entity=school" })).json();
    const entry = log.find((e: { entityId: string }) => e.entityId === String(world.s1b.id));
    expect(entry.actorLogin).toBe(world.users.adminA.login);
    expect(entry.before.teachers).toBe(25);
    expect(entry.after.teachers).toBe(13);
  });

  it("computes the region overview with rural shares", async () => {
    const res = await admin.request({ method: "GET", url: "/api/overview" });
    const o = res.json();
    expect(o.totals.municipalities).toBe(2);
    const m1 = o.municipalities.find((m: { id: number }) => m.id === world.m1.id);
    expect(m1.ruralCount).toBeGreaterThanOrEqual(1);
    expect(m1.ruralShare).toBeCloseTo(m1.ruralCount / m1.schoolCount);
  });

  it("creates users only with a complete place in the hierarchy", async () => {
    const noSchool = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: {
        login: "dir.noschool",
        password: "long-enough-1",
        fullName: "Директор Без Школы",
        role: "school_director",
      },
    });
    expect(noSchool.statusCode).toBe(400);
    const ok = await admin.request({
      method: "POST",
      url: "/api/users",
      payload: {
        login: "mentor.new",
        password: "long-enough-1",
        fullName: "Наставник Новый",
        role: "mentor",
        assignedSchoolIds: [world.s1.id, world.s3.id],
      },
    });
    expect(ok.statusCode).toBe(400);
    expect(ok.json().issues[0].path).toBe("assignedSchoolIds");
  });

  it("changes only the fields an edit sends: the address and the coordinates stay", async () => {
    const url = `/api/schools/${world.s1b.id}`;
    const placed = await admin.request({
      method: "PATCH",
      url,
      payload: { address: "д. Заречье, ул. Школьная, 1", latitude: 54.9, longitude: 33.1 },
    });
    expect(placed.statusCode).toBe(200);
    const edited = await admin.request({ method: "PATCH", url, payload: { students: 77 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      students: 77,
      address: "д. Заречье, ул. Школьная, 1",
      latitude: 54.9,
      longitude: 33.1,
    });
  });

  it("changes a mentor's schools alone, with no other field", async () => {
    const mentor = world.users.mentorS1;
    const res = await admin.request({
      method: "PATCH",
      url: `/api/users/${mentor.id}`,
      payload: { assignedSchoolIds: [world.s1.id, world.s1b.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await admin.request({ method: "GET", url: "/api/users" })).json();
    const row = list.find((u: { id: number }) => u.id === mentor.id);
    expect([...row.assignedSchoolIds].sort()).toEqual([world.s1.id, world.s1b.id].sort());
  });
});
