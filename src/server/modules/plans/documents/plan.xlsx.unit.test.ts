import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildPlanXlsx, PLAN_COLUMNS, PLAN_SHEET_NAME, type PlanWorkbookInput } from "./plan.xlsx";
import type { PlanDocumentActivity } from "./plan-document.model";
import { SEED_004_SECTIONS } from "./seed-004.test-support";

/** Seed 004's road map as a plan in work: a few activities carry indicators, causes, measures and check-ins. */
function seedPlan(): PlanWorkbookInput {
  const sections = SEED_004_SECTIONS.map((section) => ({
    ...section,
    activities: section.activities.map(
      (activity): PlanDocumentActivity => ({
        ...activity,
        indicator: null,
        statusLabel: "запланировано",
        causes: [],
        measures: [],
        checkIns: [],
      }),
    ),
  }));
  const first = sections[2]?.activities[5];
  if (!first) throw new Error("seed 004 has no activity 3.6");
  Object.assign(first, {
    indicator: {
      code: "ege_math_below_min",
      name: "Доля выпускников, не преодолевших минимальный порог ЕГЭ по математике",
      baseline: 0.31,
      target: 0.2,
      year: 2021,
    },
    statusLabel: "выполняется",
    causes: ["Низкая мотивация обучающихся к обучению", "Высокая нагрузка педагогов"],
    measures: ["Консультации психолога по подготовке к ГИА"],
    checkIns: [
      { date: "2021-02-10", text: "Проведено 12 консультаций", evidence: "Журнал консультаций" },
      { date: "2021-04-20", text: "Проведено родительское собрание", evidence: null },
    ],
  });
  return {
    title: "«Дорожная карта» методической поддержки общеобразовательных организаций Дмитровского района",
    subtitleLines: ["Отдел образования Дмитровского района", "2021 год · утверждена 23.03.2021, версия 1"],
    sections,
  };
}

const HOSTILE: PlanDocumentActivity = {
  number: "-1",
  title: "=1+2",
  deadlineText: "@SUM(A1)",
  owners: ["+7 900 000-00-00", "Отдел"],
  indicatorText: '=HYPERLINK("http://evil")',
  indicator: { code: "x", name: "=cmd", baseline: -0.5, target: 3, year: null },
  statusLabel: "-",
  causes: ["@причина"],
  measures: ["=мера"],
  checkIns: [{ date: "2021-05-05", text: "сделано", evidence: "=ссылка" }],
};

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([PLAN_SHEET_NAME]);
  const sheet = workbook.getWorksheet(PLAN_SHEET_NAME);
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

function rowTexts(sheet: ExcelJS.Worksheet, from: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (let r = from; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(
      PLAN_COLUMNS.map((_, index) => {
        const cell = row.getCell(index + 1);
        // A merged cell reads as its master; only the master holds the text.
        if (cell.isMerged && cell.master.address !== cell.address) return null;
        const value = cell.value;
        return typeof value === "string" || typeof value === "number" ? value : null;
      }),
    );
  }
  return rows;
}

describe("buildPlanXlsx", () => {
  it("lays out the title, the frozen header, merged bold section rows and every activity", async () => {
    const sheet = await load(await buildPlanXlsx(seedPlan()));
    expect(sheet.getCell("A1").value).toBe(seedPlan().title);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A3").value).toBe("2021 год · утверждена 23.03.2021, версия 1");
    expect(sheet.getRow(5).values).toEqual([undefined, ...PLAN_COLUMNS.map((column) => column.header)]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(PLAN_COLUMNS.map((_, index) => sheet.getColumn(index + 1).width)).toEqual(
      PLAN_COLUMNS.map((column) => column.width),
    );
    const expected: (string | number | null)[][] = [];
    const merges: string[] = ["A1:L1", "A2:L2", "A3:L3"];
    for (const section of seedPlan().sections) {
      merges.push(`A${5 + expected.length + 1}:L${5 + expected.length + 1}`);
      expected.push([`${section.number}. ${section.title}`, ...Array<null>(11).fill(null)]);
      for (const a of section.activities) {
        expected.push([
          a.number === "" ? null : a.number,
          a.title,
          a.deadlineText,
          a.owners.join(", "),
          a.indicatorText,
          a.indicator ? `${a.indicator.name} (${a.indicator.code}), 2021 г.` : null,
          a.indicator?.baseline ?? null,
          a.indicator?.target ?? null,
          a.statusLabel,
          a.causes.length ? a.causes.join("\n") : null,
          a.measures.length ? a.measures.join("\n") : null,
          a.checkIns.length
            ? "10.02.2021 — Проведено 12 консультаций\nПодтверждение: Журнал консультаций\n20.04.2021 — Проведено родительское собрание"
            : null,
        ]);
      }
    }
    expect(rowTexts(sheet, 6)).toEqual(expected);
    expect(expected).toHaveLength(5 + 45);
    expect([...sheet.model.merges].sort()).toEqual([...merges].sort());
    expect(sheet.getCell("A6").font?.bold).toBe(true);
    expect(sheet.getCell("B7").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getCell("L7").alignment).toMatchObject({ wrapText: true });
  });

  it("escapes every text cell that could start a formula and keeps numbers numeric", async () => {
    const input: PlanWorkbookInput = {
      title: "=План",
      subtitleLines: ["@школа"],
      sections: [{ number: null, title: "+Раздел", activities: [HOSTILE] }],
    };
    const sheet = await load(await buildPlanXlsx(input));
    expect(sheet.getCell("A1").value).toBe("'=План");
    expect(sheet.getCell("A2").value).toBe("'@школа");
    expect(sheet.getCell("A5").value).toBe("'+Раздел");
    expect(rowTexts(sheet, 6)).toEqual([
      [
        "'-1",
        "'=1+2",
        "'@SUM(A1)",
        "'+7 900 000-00-00, Отдел",
        '\'=HYPERLINK("http://evil")',
        "'=cmd (x)",
        -0.5,
        3,
        "'-",
        "'@причина",
        "'=мера",
        "05.05.2021 — сделано\nПодтверждение: =ссылка",
      ],
    ]);
    sheet.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
  });

  it("writes the header alone for a plan with no sections", async () => {
    const sheet = await load(await buildPlanXlsx({ title: "План", subtitleLines: [], sections: [] }));
    expect(sheet.getRow(3).values).toEqual([undefined, ...PLAN_COLUMNS.map((column) => column.header)]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.rowCount).toBe(3);
  });
});
