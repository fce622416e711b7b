import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldIssue } from "../../../platform/errors";
import { createFixtureDir, type FixtureDir } from "../../import/parse/fixtures.test-support";
import { guessMapping } from "../../import/parse/guess-mapping";
import { compileLayout } from "../../import/parse/layout-plan";
import { openTable } from "../../import/parse/open-table";
import { validateValueRecord } from "../../import/parse/validate-value";
import { rowToValueRecords, type SchoolKey } from "../../import/parse/value-records";
import type { TemplateIndicator } from "./template-validation";
import { buildTemplateWorkbook } from "./template-workbook";
import { buildValuesWorkbook, type ValuesExportRow } from "./values-workbook";

const indicators: TemplateIndicator[] = [
  { code: "share_45", name: "Доля обучающихся на «4» и «5»", unit: "share", min: 0, max: 1 },
  { code: "has_psychologist", name: "Педагог-психолог в штате", unit: "boolean", min: null, max: null },
  { code: "vacancies", name: "Вакансии", unit: "count", min: 0, max: 50 },
  { code: "trained_pct", name: "Обученные педагоги, %", unit: "percent", min: null, max: null },
  { code: "mean_score", name: "Средний балл ЕГЭ", unit: "number", min: null, max: null },
];

const rows: ValuesExportRow[] = [
  {
    schoolCode: "67-001",
    schoolName: '=HYPERLINK("http://evil","Школа")',
    municipality: "-Ельнинский район",
    values: { share_45: 0.379, has_psychologist: 1, vacancies: 3, trained_pct: 73.5, mean_score: 61.25 },
  },
  {
    schoolCode: "67-002",
    schoolName: "СОШ №2",
    municipality: "г. Смоленск",
    values: { share_45: 0.1 + 0.2, has_psychologist: 0, vacancies: 0, trained_pct: null, mean_score: -0.5 },
  },
];

let dir: FixtureDir;
beforeAll(async () => {
  dir = await createFixtureDir();
});
afterAll(async () => {
  await dir.remove();
});

type Imported = { values: Map<string, Record<string, number>>; schools: SchoolKey[]; issues: FieldIssue[] };

/** Imports a wide file the way the import service will: openTable → guessMapping → layout → validate. */
async function importWide(path: string): Promise<Imported> {
  const table = await openTable({ path, fileName: "export.xlsx" });
  const guess = guessMapping(table.header, indicators);
  expect(guess.issues).toEqual([]);
  expect(guess.unmappedColumns).toEqual([]);
  const plan = compileLayout(guess.mapping, table.header, indicators);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  const imported: Imported = { values: new Map(), schools: [], issues: [] };
  for await (const row of table) {
    const { records, issues } = rowToValueRecords(row, plan.plan);
    imported.issues.push(...issues);
    for (const record of records) {
      const rule = indicators.find((indicator) => indicator.code === record.indicatorCode);
      const checked = validateValueRecord(record, rule, { decimalComma: table.format.decimalComma ?? true });
      if (!checked.ok) imported.issues.push(checked.issue);
      else
        imported.values.set(record.schoolKey.code ?? "", {
          ...imported.values.get(record.schoolKey.code ?? ""),
          [record.indicatorCode]: checked.value,
        });
    }
    if (records[0]) imported.schools.push(records[0].schoolKey);
  }
  return imported;
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // A copy in a plain ArrayBuffer: exceljs types its own Buffer as one.
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

describe("buildValuesWorkbook", () => {
  it("round-trips through openTable, guessMapping and the wide layout with the same values", async () => {
    const buffer = await buildValuesWorkbook({ year: 2023, indicators, rows });
    const imported = await importWide(await dir.file("values.xlsx", buffer));
    expect(imported.issues).toEqual([]);
    expect(Object.fromEntries(imported.values)).toEqual({
      "67-001": { share_45: 0.379, has_psychologist: 1, vacancies: 3, trained_pct: 73.5, mean_score: 61.25 },
      "67-002": { share_45: 0.3, has_psychologist: 0, vacancies: 0, mean_score: -0.5 },
    });
    expect(imported.schools[0]).toEqual({
      code: "67-001",
      name: '=HYPERLINK("http://evil","Школа")',
      municipality: "-Ельнинский район",
    });
  });

  it("escapes text that could start a formula and keeps numbers numeric", async () => {
    const workbook = await loadWorkbook(await buildValuesWorkbook({ year: 2023, indicators, rows }));
    const sheet = workbook.getWorksheet("Значения");
    expect(sheet?.getCell("B2").value).toBe(`'=HYPERLINK("http://evil","Школа")`);
    expect(sheet?.getCell("C2").value).toBe("'-Ельнинский район");
    expect(sheet?.getCell("E2").value).toBe(0.379);
    expect(sheet?.getCell("F2").value).toBe("да");
    expect(sheet?.getCell("I3").value).toBe(-0.5);
    sheet?.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
  });

  it("freezes the header, sizes columns and notes the code and unit of each indicator", async () => {
    const workbook = await loadWorkbook(await buildValuesWorkbook({ year: 2023, indicators, rows }));
    const sheet = workbook.getWorksheet("Значения");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 2 });
    expect(sheet?.getColumn(2).width).toBe(50);
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Код ОО",
      "Наименование",
      "Муниципалитет",
      "Год",
      "Доля обучающихся на «4» и «5» [share_45]",
      "Педагог-психолог в штате [has_psychologist]",
      "Вакансии [vacancies]",
      "Обученные педагоги, % [trained_pct]",
      "Средний балл ЕГЭ [mean_score]",
    ]);
    expect(JSON.stringify(sheet?.getCell("E1").note)).toContain("доля (от 0 до 1)");
  });
});

describe("buildTemplateWorkbook", () => {
  const schools = [
    { code: "67-001", name: "СОШ №1", municipality: "Ельнинский район" },
    { code: "67-002", name: "+Гимназия", municipality: "г. Смоленск" },
  ];

  it("imports back with no values and no errors", async () => {
    const buffer = await buildTemplateWorkbook({ year: 2024, indicators, schools });
    const imported = await importWide(await dir.file("template.xlsx", buffer));
    expect(imported).toEqual({ values: new Map(), schools: [], issues: [] });
  });

  it("validates every value cell in Excel and explains itself on a second sheet", async () => {
    const workbook = await loadWorkbook(await buildTemplateWorkbook({ year: 2024, indicators, schools }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Значения", "Инструкция"]);
    const sheet = workbook.getWorksheet("Значения");
    expect(sheet?.getCell("B3").value).toBe("'+Гимназия");
    expect(sheet?.getCell("E3").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 1],
    });
    expect(sheet?.getCell("F2").dataValidation).toMatchObject({ type: "list", formulae: ['"да,нет"'] });
    expect(sheet?.getCell("G2").dataValidation).toMatchObject({ type: "whole", formulae: [0, 50] });
    expect(sheet?.getCell("H2").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100] });
    const instructions: string[] = [];
    workbook.getWorksheet("Инструкция")?.eachRow((row) => {
      instructions.push(row.values.toString());
    });
    expect(instructions[0]).toContain("за 2024 год");
    expect(instructions.join("\n")).toContain(
      "share_45,Доля обучающихся на «4» и «5»,доля (от 0 до 1),от 0 до 1",
    );
  });

  it("imports what a person typed into the template", async () => {
    const workbook = await loadWorkbook(await buildTemplateWorkbook({ year: 2024, indicators, schools }));
    const sheet = workbook.getWorksheet("Значения");
    if (!sheet) throw new Error("no sheet");
    sheet.getCell("E2").value = "0,31";
    sheet.getCell("E3").value = 0.45;
    sheet.getCell("E3").numFmt = "0%";
    sheet.getCell("F2").value = "да";
    sheet.getCell("G2").value = 4;
    const path = await dir.file("filled.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    const imported = await importWide(path);
    expect(imported.issues).toEqual([]);
    expect(Object.fromEntries(imported.values)).toEqual({
      "67-001": { share_45: 0.31, has_psychologist: 1, vacancies: 4 },
      "67-002": { share_45: 0.45 },
    });
    expect(imported.schools[1]?.name).toBe("+Гимназия");
  });
});
