import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorValues, municipalities } from "../../src/server/db/schema";
import { SYSTEM_ACTOR } from "../../src/server/modules/access/actor";
import { updateSchoolRow } from "../../src/server/modules/hierarchy/school.repo";
import { runImport } from "../../src/server/modules/import/import-run.service";
import { loadIndicatorCatalogue } from "../../src/server/modules/import/indicator-rules";
import { guessMapping } from "../../src/server/modules/import/parse/guess-mapping";
import { compileLayout } from "../../src/server/modules/import/parse/layout-plan";
import { openTable } from "../../src/server/modules/import/parse/open-table";
import { validateValueRecord } from "../../src/server/modules/import/parse/validate-value";
import { rowToValueRecords } from "../../src/server/modules/import/parse/value-records";
import { findIndicators, type IndicatorRow } from "../../src/server/modules/indicators/indicator.repo";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import { upsertSchoolValues } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;
const FILL_YEAR = 2026;

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook;
}

/** Every cell of every sheet: none is a formula, no text starts like one. */
function expectNoFormulas(workbook: ExcelJS.Workbook) {
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") expect(cell.value).not.toMatch(/^[=+\-@]/);
      }),
    );
  }
  expect(cells).toBeGreaterThan(0);
}

/** A plausible value for an indicator, as a person would type it in the template. */
function sampleValue(i: IndicatorRow, n: number): { cell: string | number; value: number } {
  if (i.unit === "bool") return n % 2 ? { cell: "да", value: 1 } : { cell: "нет", value: 0 };
  const fraction = 0.1 + 0.1 * (n % 8);
  if (i.unit === "count") {
    const whole = Math.min(i.max, Math.round(i.min + (n % 5)));
    return { cell: whole, value: whole };
  }
  const v = Math.round((i.min + (i.max - i.min) * fraction) * 1000) / 1000;
  return { cell: v, value: v };
}

describe.each(testEngines())("XLSX export on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let schoolIndicators: IndicatorRow[];
  let municipalityIndicator: IndicatorRow;
  let dir: string;

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    dir = await mkdtemp(path.join(tmpdir(), "opora-export-"));
    await seedCatalogue(world.db, world.regionA.id);
    await seedCatalogue(world.db, world.regionB.id);
    schoolIndicators = (await findIndicators(world.db, world.regionA.id)).filter((i) => i.level === "school");
    await updateSchoolRow(world.db, world.s2.id, { shortName: '=HYPERLINK("http://evil","СШ")' });
    const writes = [world.s1, world.s1b, world.s2].flatMap((s, n) =>
      schoolIndicators.slice(0, 6).map((i) => ({
        indicatorId: i.id,
        versionId: i.versionId,
        schoolId: s.id,
        year: YEAR,
        value: sampleValue(i, n).value,
      })),
    );
    await upsertSchoolValues(world.db, writes, { source: "api", userId: null });
    const [own] = (await findIndicators(world.db, world.regionA.id)).filter(
      (i) => i.level === "municipality",
    );
    if (!own) throw new Error("catalogue lacks a municipality-level indicator");
    municipalityIndicator = own;
    await world.db
      .update(municipalities)
      .set({ name: "-Вредный район" })
      .where(eq(municipalities.id, world.m2.id));
    await world.db.insert(indicatorValues).values([
      {
        indicatorId: own.id,
        versionId: own.versionId,
        municipalityId: world.m1.id,
        year: YEAR,
        value: 42,
        source: "api",
      },
      {
        indicatorId: own.id,
        versionId: own.versionId,
        municipalityId: world.m2.id,
        year: YEAR,
        value: 7,
        source: "api",
      },
      {
        indicatorId: own.id,
        versionId: own.versionId,
        municipalityId: world.m1.id,
        year: YEAR - 1,
        value: 40,
        source: "api",
      },
    ]);
    c = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("exports the year's values in the actor's scope only", async () => {
    const url = `/api/export/values?year=${YEAR}`;
    expect((await world.app.inject({ method: "GET", url })).statusCode).toBe(401);
    for (const who of ["directorS1", "mentorS1"] as const) {
      expect((await c[who].request({ method: "GET", url })).statusCode).toBe(403);
    }
    const codesIn = async (who: keyof Clients, u = url) => {
      const res = await c[who].request({ method: "GET", url: u });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml");
      const sheet = (await readWorkbook(res.rawPayload)).getWorksheet("Значения");
      const codes: string[] = [];
      sheet?.eachRow((row, n) => {
        if (n > 1) codes.push(String(row.getCell(1).value));
      });
      return codes.sort();
    };
    expect(await codesIn("mocM1")).toEqual([world.s1.code, world.s1b.code].sort());
    expect(await codesIn("analystA")).toEqual([world.s1.code, world.s1b.code, world.s2.code].sort());
    expect(await codesIn("adminB")).toEqual([world.s3.code]);
    expect((await c.federal.request({ method: "GET", url })).statusCode).toBe(400);
    expect(await codesIn("federal", `${url}&regionId=${world.regionB.id}`)).toEqual([world.s3.code]);
  });

  it("exports municipality-level values in their own sheet, for the municipalities in scope", async () => {
    const sheetOf = async (who: keyof Clients, u = `/api/export/values?year=${YEAR}`) => {
      const res = await c[who].request({ method: "GET", url: u });
      expect(res.statusCode).toBe(200);
      const workbook = await readWorkbook(res.rawPayload);
      expectNoFormulas(workbook);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(["Значения", "Муниципальные показатели"]);
      const sheet = workbook.getWorksheet("Муниципальные показатели");
      if (!sheet) throw new Error("no municipality sheet");
      const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ""));
      const column = header.findIndex((h) => h.endsWith(`[${municipalityIndicator.code}]`));
      expect(header.slice(1, 4)).toEqual(["Код муниципалитета", "Муниципалитет", "Год"]);
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 1)
          rows.push([
            row.getCell(1).value,
            row.getCell(2).value,
            row.getCell(3).value,
            row.getCell(column).value,
          ]);
      });
      return rows;
    };
    const m1 = await world.db.select().from(municipalities).where(eq(municipalities.id, world.m1.id));
    const m2 = await world.db.select().from(municipalities).where(eq(municipalities.id, world.m2.id));
    const m3 = await world.db.select().from(municipalities).where(eq(municipalities.id, world.m3.id));
    const rowOf = (m: { code: string; name: string } | undefined, value: number | null) => [
      m?.code,
      m?.name,
      YEAR,
      value,
    ];
    const analyst = await sheetOf("analystA");
    expect(analyst).toHaveLength(2);
    expect(analyst).toContainEqual(rowOf(m1[0], 42));
    // the name that would start a formula is escaped, as on the school sheet
    expect(analyst).toContainEqual([m2[0]?.code, "'-Вредный район", YEAR, 7]);
    expect(await sheetOf("mocM1")).toEqual([rowOf(m1[0], 42)]);
    expect(await sheetOf("adminB")).toEqual([rowOf(m3[0], null)]);
    expect(await sheetOf("mocM1", `/api/export/values?year=${YEAR - 1}`)).toEqual([
      [m1[0]?.code, m1[0]?.name, YEAR - 1, 40],
    ]);
  });

  it("writes numbers as numbers and escapes text that would start a formula", async () => {
    const res = await c.adminA.request({ method: "GET", url: `/api/export/values?year=${YEAR}` });
    const workbook = await readWorkbook(res.rawPayload);
    expectNoFormulas(workbook);
    const sheet = workbook.getWorksheet("Значения");
    const header = sheet?.getRow(1).values;
    expect(JSON.stringify(header)).toContain(`[${schoolIndicators[0]?.code}]`);
    let evil: unknown;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === world.s2.code) evil = row.getCell(2).value;
    });
    expect(evil).toBe(`'=HYPERLINK("http://evil","СШ")`);
  });

  it("exports back through the import unchanged", async () => {
    const res = await c.adminA.request({ method: "GET", url: `/api/export/values?year=${YEAR}` });
    const file = path.join(dir, "values.xlsx");
    await writeFile(file, res.rawPayload);
    const summary = await runImport({
      db: world.db,
      actor: { ...SYSTEM_ACTOR, role: "region_admin", regionId: world.regionA.id },
      regionId: world.regionA.id,
      kind: "values",
      file: { path: file, fileName: "values.xlsx" },
      dryRun: true,
    });
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 18 });
  });

  it("gives a template to those who enter or export data, for schools in scope", async () => {
    const tpl = (q: string) => `/api/export/template?${q}&year=${FILL_YEAR}`;
    expect((await world.app.inject({ method: "GET", url: tpl(`schoolId=${world.s1.id}`) })).statusCode).toBe(
      401,
    );
    expect(
      (await c.directorS1.request({ method: "GET", url: tpl(`schoolId=${world.s1.id}`) })).statusCode,
    ).toBe(200);
    expect(
      (await c.directorS1.request({ method: "GET", url: tpl(`schoolId=${world.s2.id}`) })).statusCode,
    ).toBe(404);
    expect(
      (await c.mentorS1.request({ method: "GET", url: tpl(`schoolId=${world.s1.id}`) })).statusCode,
    ).toBe(403);
    expect(
      (await c.mocM1.request({ method: "GET", url: tpl(`municipalityId=${world.m1.id}`) })).statusCode,
    ).toBe(200);
    expect(
      (await c.mocM2.request({ method: "GET", url: tpl(`municipalityId=${world.m1.id}`) })).statusCode,
    ).toBe(404);
    expect(
      (await c.adminB.request({ method: "GET", url: tpl(`municipalityId=${world.m1.id}`) })).statusCode,
    ).toBe(404);
    expect((await c.adminA.request({ method: "GET", url: tpl("x=1") })).statusCode).toBe(400);
    const both = tpl(`schoolId=${world.s1.id}&municipalityId=${world.m1.id}`);
    expect((await c.adminA.request({ method: "GET", url: both })).statusCode).toBe(400);
  });

  it("fills a template, reads it back with the import parser and imports it with the same values", async () => {
    const res = await c.mocM1.request({
      method: "GET",
      url: `/api/export/template?municipalityId=${world.m1.id}&year=${FILL_YEAR}`,
    });
    const workbook = await readWorkbook(res.rawPayload);
    expectNoFormulas(workbook);
    const sheet = workbook.getWorksheet("Значения");
    if (!sheet) throw new Error("no values sheet");
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ""));
    const columnOf = (code: string) => header.findIndex((h) => h.endsWith(`[${code}]`));
    expect(sheet.getCell(2, columnOf(schoolIndicators[0]?.code ?? "")).dataValidation?.type).toBeDefined();
    const expected = new Map<string, Record<string, number>>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const code = String(row.getCell(1).value);
      const values: Record<string, number> = {};
      for (const [k, i] of schoolIndicators.entries()) {
        const sample = sampleValue(i, n + k);
        row.getCell(columnOf(i.code)).value = sample.cell;
        values[i.code] = sample.value;
      }
      expected.set(code, values);
    });
    expect([...expected.keys()].sort()).toEqual([world.s1.code, world.s1b.code].sort());
    const file = path.join(dir, "filled.xlsx");
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    // 1. the parser alone
    const catalogue = await loadIndicatorCatalogue(world.db, world.regionA.id);
    const table = await openTable({ path: file, fileName: "filled.xlsx" });
    const guess = guessMapping(table.header, catalogue.known);
    expect(guess.issues).toEqual([]);
    const plan = compileLayout(guess.mapping, table.header, catalogue.known);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const parsed = new Map<string, Record<string, number>>();
    for await (const row of table) {
      const { records, issues } = rowToValueRecords(row, plan.plan);
      expect(issues).toEqual([]);
      for (const record of records) {
        const checked = validateValueRecord(record, catalogue.byCode(record.indicatorCode)?.rule, {
          decimalComma: table.format.decimalComma ?? true,
        });
        if (!checked.ok) throw new Error(checked.issue.message);
        const code = record.schoolKey.code ?? "";
        parsed.set(code, { ...parsed.get(code), [record.indicatorCode]: checked.value });
      }
    }
    expect(parsed).toEqual(expected);

    // 2. the whole import, then the values API
    const summary = await runImport({
      db: world.db,
      actor: { ...SYSTEM_ACTOR, role: "region_admin", regionId: world.regionA.id },
      regionId: world.regionA.id,
      kind: "values",
      file: { path: file, fileName: "filled.xlsx" },
      dryRun: false,
    });
    expect(summary.errors).toEqual([]);
    expect(summary.created).toBe(2 * schoolIndicators.length);
    for (const s of [world.s1, world.s1b]) {
      const got = (
        await c.mocM1.request({ method: "GET", url: `/api/schools/${s.id}/values?year=${FILL_YEAR}` })
      ).json();
      const byCode = Object.fromEntries(
        got.values.map((v: { code: string; value: number }) => [v.code, v.value]),
      );
      expect(byCode).toEqual(expected.get(s.code));
    }
  });
});
