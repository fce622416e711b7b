import { mkdtempSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSetting } from "../../src/server/modules/system/settings.repo";
import { type Database, MIGRATIONS_DIR, openDatabase } from "../../src/server/platform/db";
import { createServerTestDatabase, testEngines } from "../support/db";
import { buildMunicipality, buildRegion, buildSchool, buildUser, TEST_PASSWORD } from "../support/factories";
import { buildTestApp, signIn } from "../support/http";
import { seedIdentification } from "./identification-support";

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

/**
 * A demo region with its accounts (a federal one among them) beside a real region with a school and
 * a real federal operator: what an installation looks like once real work starts beside the demo.
 */
async function buildDemoAndReal(database: Database) {
  const db = database.db;
  const demo = await buildRegion(db, { isDemo: true });
  const real = await buildRegion(db);
  const demoMunicipality = await buildMunicipality(db, { regionId: demo.id });
  const realMunicipality = await buildMunicipality(db, { regionId: real.id });
  const demoSchool = await buildSchool(db, { regionId: demo.id, municipalityId: demoMunicipality.id });
  const realSchool = await buildSchool(db, { regionId: real.id, municipalityId: realMunicipality.id });
  await seedIdentification(db, demo.id);
  await seedIdentification(db, real.id);
  const demoFederal = await buildUser(db, { role: "federal_operator", isDemo: true });
  const demoAdmin = await buildUser(db, { role: "region_admin", regionId: demo.id, isDemo: true });
  const realFederal = await buildUser(db, { role: "federal_operator" });
  return { demo, real, demoSchool, realSchool, demoFederal, demoAdmin, realFederal };
}

describe.each(testEngines())("the demo kept apart from real work on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let noDemo: FastifyInstance;
  let w: Awaited<ReturnType<typeof buildDemoAndReal>>;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildDemoAndReal(database);
    app = await buildTestApp(database);
    noDemo = await buildTestApp(database, { OPORA_DEMO: "0" });
  });
  afterAll(async () => {
    await app?.close();
    await noDemo?.close();
    await database?.close();
  });

  it("offers the demo sign-ins only where a demo region lives and the server allows demo accounts", async () => {
    const offered = (await app.inject({ method: "GET", url: "/api/demo/sign-ins" })).json();
    expect(offered.isDemo).toBe(true);
    expect(offered.signIns.length).toBeGreaterThan(0);
    const refused = (await noDemo.inject({ method: "GET", url: "/api/demo/sign-ins" })).json();
    expect(refused).toEqual({ isDemo: false, signIns: [] });
  });

  it("lets a demo federal account read the demo region only, never the real one beside it", async () => {
    const federal = await signIn(app, w.demoFederal.login);
    const codes = (await federal.request({ method: "GET", url: "/api/schools" }))
      .json()
      .items.map((s: { code: string }) => s.code);
    expect(codes).toEqual([w.demoSchool.code]);
    const regions = (await federal.request({ method: "GET", url: "/api/regions" })).json();
    expect(regions.map((r: { code: string }) => r.code)).toEqual([w.demo.code]);
    const refusedUrls = [
      `/api/schools/${w.realSchool.id}`,
      `/api/overview?regionId=${w.real.id}`,
      `/api/indicators?regionId=${w.real.id}`,
      `/api/identification/rule-sets?regionId=${w.real.id}`,
      `/api/identification/runs?regionId=${w.real.id}`,
      `/api/analytics/options?regionId=${w.real.id}`,
      `/api/export/values?year=2025&regionId=${w.real.id}`,
    ];
    for (const url of refusedUrls) {
      const res = await federal.request({ method: "GET", url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
      expect(res.body).not.toContain(w.realSchool.code);
    }
    expect(
      (await federal.request({ method: "GET", url: `/api/overview?regionId=${w.demo.id}` })).statusCode,
    ).toBe(200);
  });

  it("lets a real federal operator read both regions", async () => {
    const federal = await signIn(app, w.realFederal.login);
    const codes = (await federal.request({ method: "GET", url: "/api/schools" }))
      .json()
      .items.map((s: { code: string }) => s.code);
    expect(codes.sort()).toEqual([w.demoSchool.code, w.realSchool.code].sort());
    expect(
      (await federal.request({ method: "GET", url: `/api/overview?regionId=${w.real.id}` })).statusCode,
    ).toBe(200);
  });

  it("refuses demo accounts on a server started without the demo, also their open sessions", async () => {
    const open = await signIn(app, w.demoAdmin.login);
    const res = await noDemo.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: w.demoAdmin.login, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("Демо-учётные записи на этом сервере отключены");
    const me = await noDemo.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: open.cookie } });
    expect(me.statusCode).toBe(401);
    // the same session still works on a server that allows the demo
    expect((await open.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);
    // a real account signs in on either
    expect((await signIn(noDemo, w.realFederal.login)).csrfToken).toBeTruthy();
  });
});

describe.each(testEngines())("a database without a demo region on $kind", (engine) => {
  it("answers no demo sign-ins", async () => {
    const database = await engine.open();
    try {
      await buildRegion(database.db);
      // a setting left by an old demo load does not make a demo installation
      await setSetting(database.db, "demo", true);
      const app = await buildTestApp(database);
      expect((await app.inject({ method: "GET", url: "/api/demo/sign-ins" })).json()).toEqual({
        isDemo: false,
        signIns: [],
      });
      await app.close();
    } finally {
      await database.close();
    }
  });
});

/** Copies the migrations that come before the one tagged `…_<name>` into `folder`, with their journal. */
async function copyMigrationsBefore(name: string, folder: string): Promise<void> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
  const entries: { idx: number; tag: string }[] = journal.entries;
  const target = entries.find((e) => e.tag.endsWith(`_${name}`));
  if (!target) throw new Error(`no migration ${name}`);
  const earlier = entries.filter((e) => e.idx < target.idx);
  await mkdir(path.join(folder, "meta"), { recursive: true });
  for (const e of earlier)
    await cp(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  await writeFile(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries: earlier }));
}

describe.each(testEngines())("the demo accounts migration on $kind", (engine) => {
  it("marks the accounts of a demo region loaded before it, and the demo federal account, as demo", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "opora-migrations-"));
    const dataDir = mkdtempSync(path.join(tmpdir(), "opora-pglite-"));
    const server =
      engine.kind === "postgresql" ? await createServerTestDatabase(process.env.DATABASE_URL ?? "") : null;
    try {
      await copyMigrationsBefore("demo_accounts", folder);
      const before = await openDatabase({ databaseUrl: server?.url, dataDir, migrationsFolder: folder });
      const db = before.db;
      await db.execute(
        sql`insert into regions (code, name, is_demo) values ('67', 'Демо', true), ('77', 'Настоящий', false)`,
      );
      await db.execute(sql`insert into settings (key, value) values ('demo', 'true'::jsonb)`);
      await db.execute(sql`insert into users (login, password_hash, full_name, role, region_id) values
        ('federal', 'x', 'Демо', 'federal_operator', null),
        ('admin', 'x', 'Демо', 'region_admin', (select id from regions where code = '67')),
        ('real.admin', 'x', 'Настоящий', 'region_admin', (select id from regions where code = '77')),
        ('real.federal', 'x', 'Настоящий', 'federal_operator', null)`);
      await before.close();
      const after = await openDatabase({ databaseUrl: server?.url, dataDir });
      const rows = rowsOf<{ login: string; is_demo: boolean }>(
        await after.db.execute(sql`select login, is_demo from users order by login`),
      );
      await after.close();
      expect(rows).toEqual([
        { login: "admin", is_demo: true },
        { login: "federal", is_demo: true },
        { login: "real.admin", is_demo: false },
        { login: "real.federal", is_demo: false },
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
      await server?.drop();
    }
  });
});
