import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../src/server/db/schema";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildUser, TEST_PASSWORD } from "../support/factories";
import { buildTestApp, signIn } from "../support/http";
import { buildWorld, type World } from "./world";

describe.each(testEngines())("sign-in and sessions on $kind", (engine) => {
  let database: Database;
  let world: World;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("sets an HttpOnly SameSite=Strict cookie and stores only the token's hash", async () => {
    const res = await world.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: world.users.mocM1.login, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "opora_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    const stored = await database.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === cookie?.value)).toBe(false);
    expect(res.json().role).toBe("moc_coordinator");
    expect(res.json().permissions).toContain("school.read");
    expect(res.json().permissions).not.toContain("user.manage");
  });

  it("stores argon2id password hashes", async () => {
    const [u] = await database.db.select().from(users).where(eq(users.login, world.users.adminA.login));
    expect(u?.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("answers one vague 401 for a wrong password and for an unknown login", async () => {
    const wrong = await world.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: world.users.adminA.login, password: "nope-nope" },
    });
    const unknown = await world.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "nobody-here", password: "nope-nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it("rejects a deactivated user", async () => {
    const u = await buildUser(database.db, { role: "region_analyst", regionId: world.regionA.id });
    await database.db.update(users).set({ isActive: false }).where(eq(users.id, u.id));
    await expect(signIn(world.app, u.login)).rejects.toThrow(/401/);
  });

  it("signs out: the old cookie no longer works", async () => {
    const client = await signIn(world.app, world.users.analystA.login);
    expect((await client.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);
    expect((await client.request({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
    expect((await client.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("expires sessions", async () => {
    const client = await signIn(world.app, world.users.analystA.login);
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await client.request({ method: "GET", url: "/api/schools" })).statusCode).toBe(401);
  });

  it("refuses a state-changing request without the CSRF token, and changes nothing", async () => {
    const client = await signIn(world.app, world.users.adminA.login);
    const res = await world.app.inject({
      method: "PATCH",
      url: `/api/schools/${world.s1.id}`,
      headers: { cookie: client.cookie },
      payload: { students: 1 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe("csrf");
    const school = (await client.request({ method: "GET", url: `/api/schools/${world.s1.id}` })).json();
    expect(school.students).toBe(300);
  });

  it("sends security headers", async () => {
    const res = await world.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.json()).toEqual({ status: "ok", database: engine.kind });
  });

  it("rate-limits sign-in attempts", async () => {
    const app = await buildTestApp(database, { OPORA_LOGIN_RATE_LIMIT: "3" });
    const attempt = () =>
      app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "x", password: "y" } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await app.close();
  });

  it("serves the OpenAPI document", async () => {
    const res = await world.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain("/api/schools");
  });
});
