import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoLoadSummary } from "../../src/server/modules/demo/demo.service";
import type { Database } from "../../src/server/platform/db";
import type { MaterialLinkList, MaterialList } from "../../src/shared/materials-api";
import type { PartnersOverview, SchoolPartners } from "../../src/shared/partners-api";
import { testEngines } from "../support/db";
import { buildTestApp, type Client, signIn } from "../support/http";

async function json<T>(client: Client, url: string): Promise<T> {
  const res = await client.request({ method: "GET", url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.each(testEngines())("the demo region's partnerships and materials bank on $kind", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let summary: DemoLoadSummary;
  let analyst: Client;

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
    app = await buildTestApp(database);
    analyst = await signIn(app, "analyst", "demo-analyst");
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has 35 programme schools with a partner school of the suggestions, and social partners", async () => {
    const region = await json<PartnersOverview>(analyst, "/api/partners/overview?today=2025-12-01");
    const withSchool = region.programmeSchools.filter((row) => row.schoolPartners > 0);
    expect(withSchool.length).toBe(35);
    expect(region.programmeSchools.filter((row) => row.socialPartners > 0).length).toBeGreaterThanOrEqual(35);
    for (const kind of ["culture", "sport", "library", "ngo", "medical", "additional_education", "parents"]) {
      expect(region.byKind.find((k) => k.kind === kind)?.agreements, kind).toBeGreaterThan(0);
    }
    const sum = region.municipalities.reduce((n, m) => n + m.withSchoolPartner, 0);
    expect(sum).toBe(35);
    const first = withSchool[0]!;
    const school = await json<SchoolPartners>(analyst, `/api/schools/${first.school.id}/partners`);
    const agreement = school.agreements.find((a) => a.partnerKind === "school" && a.status === "signed");
    expect(agreement?.note).toMatch(/кластер социальных условий|кластер/);
    expect(agreement?.note).toMatch(/км$/);
    expect(school.suggestions.length).toBeGreaterThan(0);
    expect(school.suggestions.every((s) => s.school.id !== agreement?.partnerSchool?.id)).toBe(true);
    expect(school.basis.notes.join(" ")).toContain("Кластеры социальных условий");
  });

  it("has a bank of 60 materials found in Russian, linked from measures", async () => {
    expect(summary.materials).toBe(60);
    const all = await json<MaterialList>(analyst, "/api/materials?limit=200");
    expect(all.total).toBe(60);
    expect(new Set(all.items.map((m) => m.kind)).size).toBe(5);
    expect(new Set(all.items.map((m) => m.level)).size).toBe(3);
    const found = await json<MaterialList>(
      analyst,
      `/api/materials?q=${encodeURIComponent("наставничество")}`,
    );
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items[0]?.headline).toContain("<b>");
    const linked = all.items.find((m) => m.links > 0);
    expect(summary.materialLinks).toBeGreaterThan(30);
    expect(linked).toBeDefined();
    const mentoring = found.items.find((m) => m.links > 0);
    if (mentoring) expect(mentoring.links).toBeGreaterThan(0);
    const measures = (await json<{ items: { id: number }[] }>(analyst, "/api/measures")).items;
    const lists = await Promise.all(
      measures
        .slice(0, 5)
        .map((m) => json<MaterialLinkList>(analyst, `/api/material-links?entity=measure&entityId=${m.id}`)),
    );
    expect(lists.some((list) => list.items.length > 0)).toBe(true);
  });
});
