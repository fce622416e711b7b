import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mocs, municipalities, schools } from "../../src/server/db/schema";
import { insertStaff } from "../../src/server/modules/hierarchy/hierarchy.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { putValues, runAndWait, SHNRO_RULES, seedIdentification } from "./identification-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const YEAR = 2025;
/** Text that a spreadsheet would run as a formula, or that hides one behind a tab or a carriage return. */
const HOSTILE = ["=1+2", "+SUM(1;2)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
const FORMULA_START = /^[=+\-@\t\r]/;

type Found = { sheet: string; cell: string; text: string };

/** Every text of every cell of every sheet, read back by exceljs (rich text and hyperlinks as their text). */
async function textCells(payload: Buffer): Promise<Found[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(payload).buffer);
  const found: Found[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(cell.type, `${sheet.name}!${cell.address} is a formula`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "number" || cell.value === null) return;
        found.push({ sheet: sheet.name, cell: cell.address, text: cell.text });
      });
    });
  });
  return found;
}

describe.each(testEngines())("every text cell of every export is escaped ($kind)", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let runId: number;

  async function download(url: string): Promise<Found[]> {
    const res = await c.adminA.request({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return textCells(res.rawPayload);
  }

  /**
   * No cell starts a formula, and the hostile texts are there, escaped (so the check saw them); a
   * carriage return reads back as a line feed (XML line ends), so line ends are compared as one.
   */
  function expectEscaped(cells: Found[], expected: string[]): void {
    expect(cells.filter((c) => FORMULA_START.test(c.text))).toEqual([]);
    const lineEnds = (text: string) => text.replace(/\r\n?/g, "\n");
    const texts = cells.map((c) => lineEnds(c.text));
    for (const text of expected) {
      expect(
        texts.some((t) => t.startsWith(`'${lineEnds(text)}`)),
        JSON.stringify(text),
      ).toBe(true);
    }
  }

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    c = await signInAll(world.app, world);
    const db = database.db;
    await seedIdentification(db, world.regionA.id);
    // A hostile text in every text field an export shows: indicator names (school and municipality
    // level), the municipality's name and code, the school's names and code, a МОЦ's staff.
    await db.execute(sql`update indicator_versions set name = ${HOSTILE[0]} || ' ' || name`);
    await db
      .update(municipalities)
      .set({ name: `${HOSTILE[1]} район`, code: "-M1" })
      .where(eq(municipalities.id, world.m1.id));
    await db
      .update(schools)
      .set({ shortName: `${HOSTILE[2]} школа`, fullName: `${HOSTILE[3]} полное`, code: "-001" })
      .where(eq(schools.id, world.s1.id));
    await db
      .update(schools)
      .set({ shortName: `${HOSTILE[4]} школа` })
      .where(eq(schools.id, world.s1b.id));
    await db
      .update(schools)
      .set({ shortName: `${HOSTILE[5]} школа` })
      .where(eq(schools.id, world.s2.id));
    const [moc] = await db.select({ id: mocs.id }).from(mocs).where(eq(mocs.municipalityId, world.m1.id));
    if (!moc) throw new Error("no МОЦ of M1");
    await insertStaff(db, {
      mocId: moc.id,
      fullName: "=Иванова",
      position: "psychologist",
      email: "",
      phone: "",
    });
    await putValues(db, {
      regionId: world.regionA.id,
      schoolId: world.s1.id,
      code: "ege_math_below_min_share",
      values: { [YEAR]: 0.31 },
    });
    const rules = {
      ...SHNRO_RULES,
      name: "=Набор правил",
      criteria: [{ ...SHNRO_RULES.criteria[0], label: "+Критерий" }],
    };
    const created = await c.adminA.request({
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: { definition: rules },
    });
    expect(created.statusCode, created.body).toBe(200);
    runId = (await runAndWait(c.adminA, { ruleSetIds: [created.json().id], year: YEAR })).run.id;
  });
  afterAll(async () => {
    await world.app.close();
    await database.close();
  });

  it("the values export: both sheets, headers and indicator names included", async () => {
    const cells = await download(`/api/export/values?year=${YEAR}`);
    expect(new Set(cells.map((c) => c.sheet))).toEqual(new Set(["Значения", "Муниципальные показатели"]));
    expectEscaped(cells, ["=1+2", "-2+3", "+SUM(1;2)", "\t=1", "\r=1", "-001", "-M1"]);
  });

  it("the template: data sheet and instructions", async () => {
    const cells = await download(`/api/export/template?municipalityId=${world.m1.id}&year=${YEAR}`);
    expect(new Set(cells.map((c) => c.sheet))).toEqual(new Set(["Значения", "Инструкция"]));
    expectEscaped(cells, ["=1+2", "-2+3", "+SUM(1;2)", "-001"]);
    expect(cells.some((c) => c.sheet === "Инструкция" && c.text.startsWith("'=1+2"))).toBe(true);
  });

  it("the identification run: schools, summary and parameters", async () => {
    const cells = await download(`/api/identification/runs/${runId}/export.xlsx`);
    expect(new Set(cells.map((c) => c.sheet))).toEqual(new Set(["Школы", "Сводка", "Параметры"]));
    expectEscaped(cells, ["=Набор правил: +Критерий", "+SUM(1;2)", "-001", "=Набор правил (версия"]);
  });
});
