import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schools } from "../../src/server/db/schema";
import { insertRun } from "../../src/server/modules/identification/run.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { buildCausesWorld, type CausesWorld, expectStatus, storeApprovedRun } from "./causes-support";

const HOSTILE = '=HYPERLINK("http://x","<b>Школа & «Ко»</b>")';
type Row = {
  factorCode: string;
  schools: number;
  previousSchools: number | null;
  change: number | null;
  trend: string;
  share: number | null;
};
type Scope = { name: string; programmeSchools: number; previousProgrammeSchools: number | null; rows: Row[] };
const brief = (scope: Scope) => scope.rows.map((r) => [r.factorCode, r.schools, r.previousSchools, r.trend]);

describe.each(testEngines())("the registry of causes on $kind", (engine) => {
  let database: Database;
  let w: CausesWorld;
  const names: Record<string, string> = {};

  async function confirm(client: Client, schoolId: number, year: number, codes: string[]) {
    await expectStatus(client, 200, {
      method: "PUT",
      url: `/api/schools/${schoolId}/causes?year=${year}`,
      payload: { causes: codes.map((factorCode) => ({ factorCode })) },
    });
  }

  beforeAll(async () => {
    database = await engine.open();
    w = await buildCausesWorld(database);
    await w.db.update(schools).set({ shortName: HOSTILE }).where(eq(schools.id, w.s1b.id));
    for (const [key, school] of Object.entries({ s1: w.s1, s1b: w.s1b, s2: w.s2 })) {
      const [row] = await w.db
        .select({ name: schools.shortName })
        .from(schools)
        .where(eq(schools.id, school.id));
      names[key] = row?.name ?? "";
    }
    const regionId = w.regionA.id;
    await storeApprovedRun(w.db, {
      regionId,
      year: 2024,
      schools: [
        { ...w.s1, category: "shnro" },
        { ...w.s2, category: "shfnsu" },
      ],
    });
    // 2025: an older approved list, then the newest one; a run never approved does not count
    await storeApprovedRun(w.db, { regionId, year: 2025, schools: [{ ...w.s2, category: "shnro" }] });
    await storeApprovedRun(w.db, {
      regionId,
      year: 2025,
      schools: [
        { ...w.s1, category: "both" },
        { ...w.s1b, category: "shnro" },
        { ...w.s2, category: "none" },
      ],
    });
    await insertRun(w.db, { regionId, year: 2025, ruleSets: [], createdBy: null, createdByName: "Тест" }, [
      {
        schoolId: w.s2.id,
        municipalityId: w.s2.municipalityId,
        schoolCode: w.s2.code,
        schoolName: "x",
        isRural: false,
        category: "shnro",
        riskFlags: [],
        reasons: [],
        details: [],
      },
    ]);
    await confirm(w.clients.mocM1, w.s1.id, 2024, ["teacher_shortage", "undeveloped_vsoko"]);
    await confirm(w.clients.mocM2, w.s2.id, 2024, ["teacher_shortage"]);
    await confirm(w.clients.mocM1, w.s1.id, 2025, ["teacher_shortage", "students_at_risk"]);
    await confirm(w.clients.mocM1, w.s1b.id, 2025, ["teacher_shortage"]);
    // not on the 2025 list, but its МОЦ confirmed a cause: it counts as a school of the registry
    await confirm(w.clients.mocM2, w.s2.id, 2025, ["low_parental_involvement"]);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it("counts schools per cause for the region and each municipality, with last year's counts and the change", async () => {
    const reg = await expectStatus(w.clients.analystA, 200, {
      method: "GET",
      url: "/api/causes/registry?year=2025",
    });
    expect(reg).toMatchObject({ year: 2025, previousYear: 2024, municipalityId: null });
    expect(reg.region).toMatchObject({
      programmeSchools: 3,
      previousProgrammeSchools: 2,
      schoolsWithCauses: 3,
    });
    expect(brief(reg.region)).toEqual([
      ["teacher_shortage", 2, 2, "same"],
      ["students_at_risk", 1, 0, "new"],
      ["low_parental_involvement", 1, 0, "new"],
      ["undeveloped_vsoko", 0, 1, "gone"],
    ]);
    expect(reg.region.rows[0].share).toBeCloseTo(2 / 3, 10);
    expect(reg.region.rows[0].schoolList.map((s: { schoolId: number }) => s.schoolId).sort()).toEqual(
      [w.s1.id, w.s1b.id].sort(),
    );
    const [m1, m2] = [w.m1, w.m2].map((m) =>
      reg.municipalities.find((s: Scope & { municipalityId: number }) => s.municipalityId === m.id),
    );
    expect(brief(m1)).toEqual([
      ["teacher_shortage", 2, 1, "up"],
      ["students_at_risk", 1, 0, "new"],
      ["undeveloped_vsoko", 0, 1, "gone"],
    ]);
    expect(m1.rows[0].change).toBe(1);
    expect(brief(m2)).toEqual([
      ["low_parental_involvement", 1, 0, "new"],
      ["teacher_shortage", 0, 1, "gone"],
    ]);
    expect(reg.municipalityOptions.map((m: { id: number }) => m.id).sort()).toEqual(
      [w.m1.id, w.m2.id].sort(),
    );
  });

  it("gives a МОЦ its municipality only, filters the region's by municipality, refuses schools and mentors", async () => {
    const moc = await expectStatus(w.clients.mocM1, 200, {
      method: "GET",
      url: "/api/causes/registry?year=2025",
    });
    expect(moc.municipalityId).toBe(w.m1.id);
    expect(moc.region.programmeSchools).toBe(2);
    expect(moc.municipalities).toHaveLength(1);
    expect(JSON.stringify(moc)).not.toContain(names.s2);
    await expectStatus(w.clients.mocM1, 404, {
      method: "GET",
      url: `/api/causes/registry?year=2025&municipalityId=${w.m2.id}`,
    });
    const filtered = await expectStatus(w.clients.adminA, 200, {
      method: "GET",
      url: `/api/causes/registry?year=2025&municipalityId=${w.m2.id}`,
    });
    expect(brief(filtered.region)).toEqual([
      ["low_parental_involvement", 1, 0, "new"],
      ["teacher_shortage", 0, 1, "gone"],
    ]);
    for (const key of ["directorS1", "mentorS1", "specialistS1"] as const) {
      await expectStatus(w.clients[key], 403, { method: "GET", url: "/api/causes/registry?year=2025" });
    }
    const other = await expectStatus(w.clients.adminB, 200, {
      method: "GET",
      url: "/api/causes/registry?year=2025",
    });
    expect(other.region).toMatchObject({ programmeSchools: 0, rows: [] });
    await expectStatus(w.clients.adminB, 404, {
      method: "GET",
      url: `/api/causes/registry?year=2025&municipalityId=${w.m1.id}`,
    });
    const federal = await expectStatus(w.clients.federal, 200, {
      method: "GET",
      url: `/api/causes/registry?year=2025&regionId=${w.regionA.id}`,
    });
    expect(federal.region.programmeSchools).toBe(3);
  });

  it("downloads the registry as XLSX read back cell by cell, the hostile name escaped", async () => {
    const res = await w.clients.adminA.request({ method: "GET", url: "/api/causes/registry.xlsx?year=2025" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="causes-registry-2025.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = book.getWorksheet("Реестр причин");
    const rows: unknown[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 4) rows.push([1, 2, 3, 4, 5, 6].map((c) => row.getCell(c).value));
    });
    const region = (
      await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/registry?year=2025" })
    ).territory;
    const titles = await expectStatus(w.clients.adminA, 200, { method: "GET", url: "/api/causes/factors" });
    const title = (code: string) => titles.items.find((f: { code: string }) => f.code === code).title;
    expect(rows.slice(0, 4)).toEqual([
      [region, title("teacher_shortage"), 2, 66.7, 0, 3],
      [region, title("students_at_risk"), 1, 33.3, 1, 3],
      [region, title("low_parental_involvement"), 1, 33.3, 1, 3],
      [region, title("undeveloped_vsoko"), 0, 0, -1, 3],
    ]);
    const schoolsSheet = book.getWorksheet("Школы по причинам");
    const listed: unknown[] = [];
    schoolsSheet?.eachRow((row, n) => {
      if (n > 1) listed.push(row.getCell(3).value);
    });
    expect(listed).toContain(`'${HOSTILE}`);
    expect(listed.every((v) => typeof v === "string")).toBe(true);
  });

  it("downloads the registry as DOCX whose text names the causes, counts and schools, markup escaped", async () => {
    const res = await w.clients.mocM1.request({ method: "GET", url: "/api/causes/registry.docx?year=2025" });
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).not.toContain("<b>Школа");
    expect(xml).toContain("&lt;b&gt;Школа &amp; «Ко»&lt;/b&gt;");
    const text = xml
      .replace(/<[^>]+>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, " ");
    expect(text).toContain("Реестр причин низких образовательных результатов");
    expect(text).toContain("2025 год");
    expect(text).toContain("Школ в программе: 2");
    expect(text).toContain(`1. ${HOSTILE}`);
    expect(text).toContain(names.s1);
    expect(text).not.toContain(names.s2);
    // M1: «Дефицит педагогических кадров» in 2 schools of 2 (100,0 %), one more than in 2024
    expect(text).toContain("Дефицит педагогических кадров 2 100,0 +1");
    expect(text).toContain("Дефицит педагогических кадров (2)");
    await expectStatus(w.clients.directorS1, 403, {
      method: "GET",
      url: "/api/causes/registry.docx?year=2025",
    });
  });
});
