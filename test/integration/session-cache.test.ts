import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions, users } from "../../src/server/db/schema";
import { testEngines } from "../support/db";
import { buildMunicipality, buildRegion, buildSchool, buildUser } from "../support/factories";
import { type Client, signIn } from "../support/http";
import { openTwoServers, type TwoServers } from "./two-servers";

/** The same signed-in browser talking to another app server. */
function on(app: FastifyInstance, client: Client) {
  return (method: "GET" | "POST", url: string) =>
    app.inject({ method, url, headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken } });
}

const TTL_MS = 12 * 3600_000;

describe.each(testEngines())("session cache over two app servers on $kind", (engine) => {
  let servers: TwoServers;
  let regionId: number;
  let m1: number;
  let m2: number;
  let admin: Client;

  beforeAll(async () => {
    servers = await openTwoServers(engine);
    const db = servers.database.db;
    regionId = (await buildRegion(db)).id;
    m1 = (await buildMunicipality(db, { regionId })).id;
    m2 = (await buildMunicipality(db, { regionId })).id;
    await buildSchool(db, { regionId, municipalityId: m1 });
    await buildSchool(db, { regionId, municipalityId: m2 });
    admin = await signIn(servers.a, (await buildUser(db, { role: "region_admin", regionId })).login);
  });
  afterAll(async () => {
    await servers?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An analyst signed in on server A whose session server B has already resolved (and cached). */
  async function cachedOnB() {
    const user = await buildUser(servers.database.db, { role: "region_analyst", regionId });
    const client = await signIn(servers.a, user.login);
    const onB = on(servers.b, client);
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(200);
    return { user, client, onB };
  }

  it("a sign-out on one server ends the session on the other", async () => {
    const { client, onB } = await cachedOnB();
    expect((await client.request({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await onB("GET", "/api/schools")).statusCode).toBe(401);
  });

  it("a password change ends the session on both servers; the new password signs in", async () => {
    const { user, client, onB } = await cachedOnB();
    const res = await admin.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      payload: { password: "new-password-2" },
    });
    expect(res.statusCode).toBe(200);
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await client.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    const again = await signIn(servers.b, user.login, "new-password-2");
    expect((await again.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);
  });

  it("a deactivated user is refused by both servers at once", async () => {
    const { user, onB } = await cachedOnB();
    const res = await admin.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      payload: { isActive: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await onB("GET", "/api/schools")).statusCode).toBe(401);
  });

  it("a user deactivated by plain SQL, sessions kept, is refused too", async () => {
    const { user, onB } = await cachedOnB();
    await servers.database.db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("a cached session does not outlive its expiry", async () => {
    const { onB } = await cachedOnB();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + TTL_MS + 60_000 });
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("an expiry moved earlier in the database is obeyed by the cache", async () => {
    const { user, onB } = await cachedOnB();
    await servers.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("the sliding expiry still moves forward while the session is served from the cache", async () => {
    const { user, onB } = await cachedOnB();
    const expiryOf = async () => {
      const [row] = await servers.database.db
        .select({ expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(eq(sessions.userId, user.id));
      return row?.expiresAt.getTime() ?? 0;
    };
    const before = await expiryOf();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    expect((await onB("GET", "/api/auth/me")).statusCode).toBe(200);
    expect(await expiryOf()).toBeGreaterThan(before + 60_000);
  });

  it("the cached actor follows an edit of the user made on the other server", async () => {
    const { user, onB } = await cachedOnB();
    const res = await admin.request({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      payload: { fullName: "Петрова Анна Сергеевна" },
    });
    expect(res.statusCode).toBe(200);
    expect((await onB("GET", "/api/auth/me")).json().fullName).toBe("Петрова Анна Сергеевна");
  });

  it("a coordinator moved to another municipality sees that municipality's schools at once", async () => {
    const db = servers.database.db;
    const moc = await buildUser(db, { role: "moc_coordinator", regionId, municipalityId: m1 });
    const client = await signIn(servers.a, moc.login);
    const onB = on(servers.b, client);
    const before = (await onB("GET", "/api/schools")).json();
    expect(before.items.map((s: { municipalityId: number }) => s.municipalityId)).toEqual([m1]);
    await db.update(users).set({ municipalityId: m2 }).where(eq(users.id, moc.id));
    const after = (await onB("GET", "/api/schools")).json();
    expect(after.items.map((s: { municipalityId: number }) => s.municipalityId)).toEqual([m2]);
  });

  it("still checks the CSRF token of a cached session", async () => {
    const { client } = await cachedOnB();
    const res = await servers.b.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: client.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((await on(servers.b, client)("GET", "/api/auth/me")).statusCode).toBe(200);
  });
});
