import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

type UserKey = keyof Clients;
const USER_KEYS: UserKey[] = [
  "federal",
  "adminA",
  "analystA",
  "mocM1",
  "mocM2",
  "directorS1",
  "mentorS1",
  "adminB",
];

type Case = {
  name: string;
  request: (w: World) => InjectOptions;
  /** Expected status per user; anonymous always expects 401. */
  expect: Partial<Record<UserKey, number>>;
};

const staff = { fullName: "Петрова Анна Сергеевна", position: "psychologist", email: "", phone: "" };
const newSchool = (municipalityId: number) => ({
  code: `NEW-${municipalityId}-${Math.random().toString(36).slice(2, 8)}`,
  fullName: "МБОУ «Новая школа»",
  shortName: "Новая школа",
  municipalityId,
  kind: "СОШ",
  isRural: true,
  isSmall: true,
  students: 40,
  teachers: 9,
});

/** Every endpoint with, for each kind of user, the status it must answer. */
const CASES: Case[] = [
  {
    name: "GET /api/auth/me",
    request: () => ({ method: "GET", url: "/api/auth/me" }),
    expect: { mocM1: 200 },
  },
  {
    name: "GET /api/schools",
    request: () => ({ method: "GET", url: "/api/schools" }),
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200 },
  },
  {
    name: "GET /api/schools/:id (school of M2)",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s2.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      mocM2: 200,
      mocM1: 404,
      directorS1: 404,
      mentorS1: 404,
      adminB: 404,
      federal: 200,
    },
  },
  {
    name: "PATCH /api/schools/:id (school of M2)",
    request: (w) => ({ method: "PATCH", url: `/api/schools/${w.s2.id}`, payload: { students: 321 } }),
    expect: {
      adminA: 200,
      mocM2: 200,
      mocM1: 404,
      analystA: 403,
      directorS1: 404,
      mentorS1: 403,
      adminB: 404,
    },
  },
  {
    name: "PATCH /api/schools/:id code (identity) of S1",
    request: (w) => ({
      method: "PATCH",
      url: `/api/schools/${w.s1.id}`,
      payload: { code: `X-${Date.now()}` },
    }),
    expect: { directorS1: 403, mocM1: 403, mocM2: 404 },
  },
  {
    name: "POST /api/schools in M1",
    request: (w) => ({ method: "POST", url: "/api/schools", payload: newSchool(w.m1.id) }),
    expect: { adminA: 200, mocM1: 403, analystA: 403, adminB: 404, directorS1: 403 },
  },
  {
    name: "GET /api/municipalities",
    request: () => ({ method: "GET", url: "/api/municipalities" }),
    expect: { adminA: 200, mocM1: 200, directorS1: 403, mentorS1: 403 },
  },
  {
    name: "GET /api/municipalities/:id (M2)",
    request: (w) => ({ method: "GET", url: `/api/municipalities/${w.m2.id}` }),
    expect: { adminA: 200, mocM2: 200, mocM1: 404, adminB: 404, directorS1: 403 },
  },
  {
    name: "POST /api/municipalities/:id/staff (M2)",
    request: (w) => ({ method: "POST", url: `/api/municipalities/${w.m2.id}/staff`, payload: staff }),
    expect: { adminA: 200, mocM2: 200, mocM1: 404, analystA: 403, adminB: 404, directorS1: 403 },
  },
  {
    name: "GET /api/overview",
    request: (w) => ({ method: "GET", url: `/api/overview?regionId=${w.regionA.id}` }),
    expect: { adminA: 200, analystA: 200, federal: 200, adminB: 404, mocM1: 403, directorS1: 403 },
  },
  {
    name: "GET /api/regions",
    request: () => ({ method: "GET", url: "/api/regions" }),
    expect: { adminA: 200, mocM1: 200 },
  },
  {
    name: "GET /api/users",
    request: () => ({ method: "GET", url: "/api/users" }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, directorS1: 403 },
  },
  {
    name: "POST /api/users",
    request: (w) => ({
      method: "POST",
      url: "/api/users",
      payload: {
        login: `new.${Math.random().toString(36).slice(2, 8)}`,
        password: "long-enough-1",
        fullName: "Новый Пользователь",
        role: "moc_coordinator",
        municipalityId: w.m1.id,
      },
    }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, adminB: 400 },
  },
  {
    name: "GET /api/audit",
    request: () => ({ method: "GET", url: "/api/audit" }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, directorS1: 403 },
  },
];

describe.each(testEngines())("access matrix on $kind", (engine) => {
  let database: Database;
  let world: World;
  let clients: Clients;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    clients = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  // Runs before the matrix, whose POST cases add schools.
  it("lists only the schools in scope, filtered in SQL", async () => {
    const codes = async (key: UserKey) =>
      (await clients[key].request({ method: "GET", url: "/api/schools" }))
        .json()
        .items.map((s: { code: string }) => s.code);
    expect((await codes("mocM1")).sort()).toEqual([world.s1.code, world.s1b.code].sort());
    expect(await codes("directorS1")).toEqual([world.s1.code]);
    expect(await codes("mentorS1")).toEqual([world.s1.code]);
    expect((await codes("adminA")).sort()).toEqual([world.s1.code, world.s1b.code, world.s2.code].sort());
    expect(await codes("adminB")).toEqual([world.s3.code]);
    expect(await codes("federal")).toHaveLength(4);
  });

  for (const c of CASES) {
    it(`${c.name}: anonymous gets 401`, async () => {
      const res = await world.app.inject(c.request(world));
      expect(res.statusCode).toBe(401);
    });
    for (const key of USER_KEYS) {
      const status = c.expect[key];
      if (status === undefined) continue;
      it(`${c.name}: ${key} gets ${status}`, async () => {
        const res = await clients[key].request(c.request(world));
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) expect(res.json()).not.toHaveProperty("items");
      });
    }
  }

  it("shows a region admin only their region's users and audit entries", async () => {
    const users = (await clients.adminA.request({ method: "GET", url: "/api/users" })).json();
    expect(users.every((u: { regionId: number }) => u.regionId === world.regionA.id)).toBe(true);
    const auditB = (await clients.adminB.request({ method: "GET", url: "/api/audit?limit=500" })).json();
    expect(
      auditB.some((e: { entity: string; action: string }) => e.entity === "school" && e.action === "create"),
    ).toBe(false);
    const auditA = (await clients.adminA.request({ method: "GET", url: "/api/audit?limit=500" })).json();
    expect(
      auditA.some((e: { entity: string; action: string }) => e.entity === "school" && e.action === "update"),
    ).toBe(true);
  });
});
