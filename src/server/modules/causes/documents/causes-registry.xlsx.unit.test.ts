import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  buildCausesRegistryXlsx,
  REGISTRY_SCHOOLS_COLUMNS,
  REGISTRY_SCHOOLS_SHEET_NAME,
  REGISTRY_SHEET_COLUMNS,
  REGISTRY_SHEET_NAME,
} from "./causes-registry.xlsx";
import { SMOLENSK_REGISTRY } from "./registry.test-support";

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

function values(sheet: ExcelJS.Worksheet | undefined, from: number, width: number): unknown[][] {
  const rows: unknown[][] = [];
  if (!sheet) return rows;
  for (let r = from; r <= sheet.rowCount; r++) {
    rows.push(Array.from({ length: width }, (_, index) => sheet.getRow(r).getCell(index + 1).value ?? null));
  }
  return rows;
}

describe("buildCausesRegistryXlsx", () => {
  it("writes a row per municipality and cause with numeric counts, shares and changes", async () => {
    const workbook = await load(await buildCausesRegistryXlsx(SMOLENSK_REGISTRY));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      REGISTRY_SHEET_NAME,
      REGISTRY_SCHOOLS_SHEET_NAME,
    ]);
    const sheet = workbook.getWorksheet(REGISTRY_SHEET_NAME);
    expect(sheet?.getCell("A1").value).toBe("Реестр причин низких образовательных результатов");
    expect(sheet?.getCell("A2").value).toBe("Смоленская область, 2025 год");
    expect(sheet?.model.merges).toEqual(expect.arrayContaining(["A1:G1", "A2:G2"]));
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(values(sheet, 4, 7)).toEqual([
      REGISTRY_SHEET_COLUMNS.map((column) => column.header),
      [
        "Дорогобужский район",
        "Низкая мотивация обучающихся к обучению",
        2,
        66.7,
        1,
        3,
        "МБОУ Верхнеднепровская СОШ № 1\nМБОУ Дорогобужская СОШ № 1",
      ],
      [
        "Дорогобужский район",
        "Недостаточная компетентность учителей по оцениванию образовательных результатов",
        1,
        33.3,
        -1,
        3,
        "МБОУ Дорогобужская СОШ № 1",
      ],
      [
        "Ельнинский район",
        "Недостаточное развитие ВСОКО и системы внутришкольного мониторинга",
        1,
        100,
        0,
        1,
        "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина",
      ],
      [
        "Ельнинский район",
        "Профессиональное выгорание педагогов",
        1,
        100,
        "нет данных",
        1,
        "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина",
      ],
    ]);
    expect(sheet?.getCell("D5").numFmt).toBe("0.0");
    expect(sheet?.getCell("E5").numFmt).toBe("+0;-0;0");
    expect(sheet?.getColumn(2).width).toBe(48);
    expect(sheet?.getCell("G5").alignment).toMatchObject({ wrapText: true });
  });

  it("lists every school under every cause on the second sheet", async () => {
    const workbook = await load(await buildCausesRegistryXlsx(SMOLENSK_REGISTRY));
    const sheet = workbook.getWorksheet(REGISTRY_SCHOOLS_SHEET_NAME);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(values(sheet, 1, 3)).toEqual([
      REGISTRY_SCHOOLS_COLUMNS.map((column) => column.header),
      ["Дорогобужский район", "Низкая мотивация обучающихся к обучению", "МБОУ Верхнеднепровская СОШ № 1"],
      ["Дорогобужский район", "Низкая мотивация обучающихся к обучению", "МБОУ Дорогобужская СОШ № 1"],
      [
        "Дорогобужский район",
        "Недостаточная компетентность учителей по оцениванию образовательных результатов",
        "МБОУ Дорогобужская СОШ № 1",
      ],
      [
        "Ельнинский район",
        "Недостаточное развитие ВСОКО и системы внутришкольного мониторинга",
        "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина",
      ],
      [
        "Ельнинский район",
        "Профессиональное выгорание педагогов",
        "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина",
      ],
    ]);
  });

  it("escapes text that could start a formula on both sheets and labels a whole-territory group", async () => {
    const workbook = await load(
      await buildCausesRegistryXlsx({
        territory: "=1+2",
        year: 2024,
        groups: [
          {
            municipality: null,
            programmeSchools: 0,
            causes: [
              {
                cause: "@SUM(A1)",
                schools: [{ name: "+СОШ", municipality: "-район" }],
                previousYearSchools: 3,
              },
            ],
          },
        ],
      }),
    );
    const causes = workbook.getWorksheet(REGISTRY_SHEET_NAME);
    expect(causes?.getCell("A2").value).toBe("'=1+2, 2024 год");
    expect(values(causes, 5, 7)).toEqual([["'=1+2", "'@SUM(A1)", 1, "—", -2, 0, "'+СОШ (-район)"]]);
    expect(values(workbook.getWorksheet(REGISTRY_SCHOOLS_SHEET_NAME), 2, 3)).toEqual([
      ["'-район", "'@SUM(A1)", "'+СОШ"],
    ]);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      });
    }
  });
});
