import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRELOADED_WORKBOOK, RISK_FACTORS } from "../../src/core/causes";
import { PRELOADED_MEASURES } from "../../src/core/plans";
import { causeFactors, measures, regions, workbookVersions } from "../../src/server/db/schema";
import { seedCauses, seedCausesEverywhere } from "../../src/server/modules/causes/causes-seed.service";
import { createUserFromCommandLine } from "../../src/server/modules/users/command-line-user.service";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildRegion } from "../support/factories";
import { auditOf, buildCausesWorld, type CausesWorld, expectStatus } from "./causes-support";

const NEW_FACTOR = {
  code: "digital_divide",
  title: "Нехватка цифровых навыков у обучающихся",
  description: "Обучающиеся не умеют работать с электронными ресурсами и платформами.",
  group: "students",
  sources: ["seeds"],
};

describe.each(testEngines())("the causes catalogue on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("seeds a region once: factors, workbook version 1 and the measures; a second call adds nothing", async () => {
    const region = await buildRegion(w.db);
    const first = await seedCauses(w.db, region.id);
    expect(first).toEqual({
      factors: RISK_FACTORS.length,
      workbook: true,
      measures: PRELOADED_MEASURES.length,
    });
    expect(await seedCauses(w.db, region.id)).toEqual({ factors: 0, workbook: false, measures: 0 });
    const [versions] = await w.db
      .select({ n: count() })
      .from(workbookVersions)
      .where(eq(workbookVersions.regionId, region.id));
    expect(versions?.n).toBe(1);
    const seeded = (await auditOf(w.db, "cause_catalogue")).filter((e) => e.regionId === region.id);
    expect(seeded.map((e) => e.action)).toEqual(["seed"]);
  });

  it("at start-up seeds only the regions that lack part of the catalogue, keeping what they have", async () => {
    const bare = await buildRegion(w.db);
    const partial = await buildRegion(w.db);
    await seedCauses(w.db, partial.id);
    const [vsoko] = await w.db
      .select({ id: causeFactors.id })
      .from(causeFactors)
      .where(and(eq(causeFactors.regionId, partial.id), eq(causeFactors.code, "undeveloped_vsoko")));
    await w.db.update(causeFactors).set({ isRetired: true }).where(eq(causeFactors.id, vsoko!.id));
    await w.db
      .delete(measures)
      .where(and(eq(measures.regionId, partial.id), eq(measures.code, "vsoko_design")));
    const seeded = await seedCausesEverywhere(w.db);
    expect(seeded.sort()).toEqual([bare.id, partial.id].sort());
    expect(await seedCausesEverywhere(w.db)).toEqual([]);
    const [again] = await w.db.select().from(causeFactors).where(eq(causeFactors.id, vsoko!.id));
    expect(again?.isRetired).toBe(true);
    const restored = await w.db
      .select({ code: measures.code })
      .from(measures)
      .where(and(eq(measures.regionId, partial.id), eq(measures.code, "vsoko_design")));
    expect(restored).toHaveLength(1);
  });

  it("gives a region created from the command line its causes catalogue in the same transaction", async () => {
    const created = await createUserFromCommandLine({
      db: w.db,
      input: {
        login: "causes-cli-admin",
        password: "длинный-пароль-123",
        fullName: "Иванова И. И.",
        role: "region_admin",
        regionCode: "CLI",
        regionName: "Регион из командной строки",
      },
    });
    expect(created.region?.created).toBe(true);
    const [region] = await w.db.select({ id: regions.id }).from(regions).where(eq(regions.code, "CLI"));
    const [factors] = await w.db
      .select({ n: count() })
      .from(causeFactors)
      .where(eq(causeFactors.regionId, region!.id));
    expect(factors?.n).toBe(RISK_FACTORS.length);
    expect(await seedCausesEverywhere(w.db)).toEqual([]);
  });

  it("lists the region's factors to every reader of the region, and another region's to its own", async () => {
    const a = await expectStatus(w.clients.directorS1, 200, { method: "GET", url: "/api/causes/factors" });
    expect(a.items.map((f: { code: string }) => f.code)).toEqual(RISK_FACTORS.map((f) => f.code));
    expect(a.permissions.canManage).toBe(false);
    const admin = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/factors" });
    expect(admin.permissions.canManage).toBe(true);
    const b = await expectStatus(w.clients.adminB, 200, { method: "GET", url: "/api/causes/factors" });
    const idsA = new Set(admin.items.map((f: { id: number }) => f.id));
    expect(b.items.filter((f: { id: number }) => idsA.has(f.id))).toEqual([]);
    expect(b.items).toHaveLength(RISK_FACTORS.length);
    const federal = await expectStatus(w.clients.federal, 400, { method: "GET", url: "/api/causes/factors" });
    expect(federal.message).toBe("Выберите регион");
    const picked = await expectStatus(w.clients.federal, 200, {
      method: "GET",
      url: `/api/causes/factors?regionId=${w.regionB.id}`,
    });
    expect(picked.items).toHaveLength(RISK_FACTORS.length);
  });

  it("adds a factor last, refuses a taken code and a bad one in Russian, and only for causes.manage", async () => {
    const created = await expectStatus(w.clients.analystA, 200, {
      method: "POST",
      url: "/api/causes/factors",
      payload: { definition: NEW_FACTOR },
    });
    expect(created).toMatchObject({ code: "digital_divide", isRetired: false, aliases: [] });
    expect(created.position).toBe(RISK_FACTORS.length);
    const taken = await expectStatus(w.clients.adminA, 409, {
      method: "POST",
      url: "/api/causes/factors",
      payload: { definition: NEW_FACTOR },
    });
    expect(taken.message).toBe("Фактор с кодом «digital_divide» уже есть");
    const bad = await expectStatus(w.clients.adminA, 400, {
      method: "POST",
      url: "/api/causes/factors",
      payload: { definition: { ...NEW_FACTOR, code: "Плохой код", title: "x" } },
    });
    const messages = bad.issues.map((i: { message: string }) => i.message);
    expect(messages).toContain("Код фактора: строчные латинские буквы, цифры и подчёркивание");
    expect(messages).toContain("Название фактора не короче 3 символов");
    await expectStatus(w.clients.mocM1, 403, {
      method: "POST",
      url: "/api/causes/factors",
      payload: { definition: NEW_FACTOR },
    });
    const audit = (await auditOf(w.db, "cause_factor")).filter((e) => e.action === "create");
    expect(audit.map((e) => e.entityId)).toEqual([String(created.id)]);
  });

  it("edits and retires a factor (never deletes it), with the before and after audited", async () => {
    const list = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/factors" });
    const burnout = list.items.find((f: { code: string }) => f.code === "teacher_burnout");
    const url = `/api/causes/factors/${burnout.id}`;
    const edited = await expectStatus(w.clients.adminA, 200, {
      method: "PATCH",
      url,
      payload: { title: "Профессиональное выгорание педагогических работников" },
    });
    expect(edited).toMatchObject({
      code: "teacher_burnout",
      title: "Профессиональное выгорание педагогических работников",
    });
    const short = await expectStatus(w.clients.adminA, 400, {
      method: "PATCH",
      url,
      payload: { title: "ab" },
    });
    expect(short.issues[0].path).toBe("body.title");
    const retired = await expectStatus(w.clients.adminA, 200, {
      method: "PATCH",
      url,
      payload: { isRetired: true },
    });
    expect(retired.isRetired).toBe(true);
    const after = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/factors" });
    expect(after.items.find((f: { id: number }) => f.id === burnout.id).isRetired).toBe(true);
    await expectStatus(w.clients.adminB, 404, { method: "PATCH", url, payload: { isRetired: false } });
    await expectStatus(w.clients.adminA, 200, { method: "PATCH", url, payload: { isRetired: false } });
    const actions = (await auditOf(w.db, "cause_factor"))
      .filter((e) => e.entityId === String(burnout.id))
      .map((e) => e.action);
    expect(actions).toEqual(["update", "retire", "restore"]);
  });

  it("gives the current workbook with its 40 questions and the list of versions", async () => {
    const current = await expectStatus(w.clients.mentorS1, 200, {
      method: "GET",
      url: "/api/causes/workbook",
    });
    expect(current).toMatchObject({ version: 1, questionCount: 40, title: PRELOADED_WORKBOOK.title });
    expect(current.definition.sections).toHaveLength(PRELOADED_WORKBOOK.sections.length);
    const versions = await expectStatus(w.clients.adminB, 200, {
      method: "GET",
      url: "/api/causes/workbook/versions",
    });
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });
});
