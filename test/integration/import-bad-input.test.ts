import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formSubmissions } from "../../src/server/db/schema";
import type { ImportSummary } from "../../src/server/modules/import/import-summary";
import {
  buildZip,
  minimalXlsxEntries,
  sheetXml,
} from "../../src/server/modules/import/parse/fixtures.test-support";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import {
  actorIn,
  buildImportRegion,
  countRows,
  dumpImportState,
  importFile,
  tempFolder,
} from "./import-support";

const HEADER = "Код ОО;Год;good_marks_share;teacher_vacancies";

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testEngines())("import of bad input leaves the database as it was ($kind)", (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof buildImportRegion>>;
  let folder: Awaited<ReturnType<typeof tempFolder>>;

  /** Imports the content, expects it refused with errors, and the database exactly as before. */
  async function refused(name: string, content: string | Buffer): Promise<ImportSummary> {
    const db = database.db;
    const before = await dumpImportState(db);
    const file = await folder.write(name, content);
    const summary = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(summary.errorCount).toBeGreaterThan(0);
    expect(summary.errors.length).toBeGreaterThan(0);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    for (const error of summary.errors) expect(error.message.length).toBeGreaterThan(5);
    expect(await dumpImportState(db)).toBe(before);
    expect(await countRows(db, "jobs", `id = ${summary.jobId} and status = 'failed'`)).toBe(1);
    return summary;
  }

  beforeAll(async () => {
    database = await engine.open();
    world = await buildImportRegion(database.db);
    folder = await tempFolder();
    const baseline = await folder.write("baseline.csv", `${HEADER}\nA-1;2023;0,4;1\nB-2;2023;0,3;2\n`);
    const summary = await importFile(database.db, { actor: actorIn(world.region.id), file: baseline });
    expect(summary).toMatchObject({ created: 4, errors: [] });
  });
  afterAll(async () => {
    await folder.remove();
    await database.close();
  });

  it("a truncated XLSX", async () => {
    const content = await xlsx((w) => {
      w.addWorksheet("Лист1").addRows([
        ["Код ОО", "Год", "good_marks_share"],
        ["A-1", 2024, 0.5],
      ]);
    });
    const summary = await refused("cut.xlsx", content.subarray(0, Math.floor(content.length / 2)));
    expect(summary.errors[0]?.message).toMatch(/повреждён или обрезан/);
  });

  it("a zip that is not a workbook, named .xlsx", async () => {
    const summary = await refused("text.xlsx", buildZip([{ name: "word/document.xml", data: "<w/>" }]));
    expect(summary.errors[0]?.message).toMatch(/книг|Excel/i);
  });

  it("a zip bomb", async () => {
    const bomb = buildZip(
      minimalXlsxEntries([{ name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]], 20_000_000) }]),
    );
    const summary = await refused("bomb.xlsx", bomb);
    expect(summary.errors[0]?.message).toContain("xl/worksheets/sheet1.xml");
  });

  it("a CSV in UTF-16", async () => {
    const text = `${HEADER}\nA-1;2024;0,5;1\n`;
    const summary = await refused(
      "u16.csv",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    expect(summary.errors[0]?.message).toContain("UTF-16");
  });

  it("a CSV that turns into cp1251 after 30,000 good rows (already staged)", async () => {
    const good = Array.from({ length: 30_000 }, (_, i) => `A-1;${2000 + (i % 100)};0,5;${i % 7}`).join("\n");
    const content = Buffer.concat([
      Buffer.from(`${HEADER}\n${good}\n`, "utf8"),
      iconv.encode("Б-2;2024;0,5;1\n", "win1251"),
    ]);
    const summary = await refused("mixed.csv", content);
    expect(summary.errors[0]?.message).toMatch(/UTF-8/);
  });

  it("an empty file and a file of blank lines", async () => {
    expect((await refused("empty.csv", "")).errors[0]?.message).toMatch(/пуст/);
    expect((await refused("blank.csv", "\n\n  \n")).errors[0]?.message).toMatch(/пуст/);
  });

  it("a header with no rows, and rows with no value at all", async () => {
    const header = await refused("header.csv", `${HEADER}\n`);
    expect(header.errors).toEqual([
      { row: null, column: null, message: "В файле нет строк с данными — только строка заголовка." },
    ]);
    const blank = await refused("no-values.csv", `${HEADER}\nA-1;2024;;\nB-2;2024;;\n`);
    expect(blank.errors).toEqual([
      { row: null, column: null, message: expect.stringContaining("нет ни одного значения показателя") },
    ]);
  });

  it("a file whose only value column maps to no indicator, naming the column", async () => {
    const summary = await refused("unmapped.csv", "Код ОО;Год;Непонятный столбец\nA-1;2024;5\n");
    expect(summary.errors).toEqual([
      {
        row: null,
        column: null,
        message: expect.stringContaining("«Непонятный столбец» не сопоставлены ни с одним показателем"),
      },
    ]);
    expect(summary.ignoredColumns).toEqual(["Непонятный столбец"]);
    // the same when the mapping comes with the request (the import page sends its form)
    const file = await folder.write("unmapped-given.csv", "Код ОО;Год;Непонятный столбец\nA-1;2024;5\n");
    const mapping = { layout: "wide", columns: { schoolCode: "Код ОО", year: "Год" }, indicators: {} };
    const given = await importFile(database.db, { actor: actorIn(world.region.id), file, mapping });
    expect(given.errors).toEqual([
      { row: null, column: null, message: expect.stringContaining("«Непонятный столбец» не сопоставлены") },
    ]);
  });

  it("a school registry with a header and no rows", async () => {
    const db = database.db;
    const before = await dumpImportState(db);
    const file = await folder.write("reestr.csv", "Код ОО;Наименование;Муниципалитет\n");
    const summary = await importFile(db, { actor: actorIn(world.region.id), kind: "schools", file });
    expect(summary.errors).toEqual([
      { row: null, column: null, message: "В файле нет строк с данными — только строка заголовка." },
    ]);
    expect(await dumpImportState(db)).toBe(before);
  });

  it("duplicate headers, naming the columns", async () => {
    const summary = await refused(
      "dup-head.csv",
      "Код ОО;Год;good_marks_share;Good_Marks_Share\nA-1;2024;0,5;0,6\n",
    );
    expect(summary.errors[0]).toMatchObject({ row: 1 });
    expect(summary.errors[0]?.message).toMatch(/C и D/);
  });

  it("formulas in cells: as text in a CSV and without a result in an XLSX", async () => {
    const csv = await refused("formula.csv", `${HEADER}\nA-1;2024;=1/2;1\n`);
    expect(csv.errors).toEqual([
      { row: 2, column: "good_marks_share", message: expect.stringMatching(/формула/) },
    ]);
    const content = await xlsx((w) => {
      const sheet = w.addWorksheet("Лист1");
      sheet.addRow(["Код ОО", "Год", "good_marks_share"]);
      sheet.addRow(["A-1", 2024, { formula: "1/2" }]);
    });
    const book = await refused("formula.xlsx", content);
    expect(book.errors[0]?.message).toMatch(/C2|формул/);
  });

  it("a value out of range and a value of the wrong type, by row and column", async () => {
    const summary = await refused(
      "range.csv",
      `${HEADER}\nA-1;2024;0,5;1\nB-2;2024;1,4;2\nC-3;2024;0,2;два\n`,
    );
    expect(summary.errors).toEqual([
      { row: 3, column: "good_marks_share", message: "значение 1,4 вне допустимого диапазона 0–1" },
      { row: 4, column: "teacher_vacancies", message: 'не число: "два"' },
    ]);
  });

  it("an unknown school and an ambiguous one", async () => {
    const summary = await refused("school.csv", `${HEADER}\nA-1;2024;0,5;1\nNOPE;2024;0,2;1\n`);
    expect(summary.errors).toEqual([
      { row: 3, column: "Код ОО", message: expect.stringContaining("«NOPE» не найдена") },
    ]);
  });

  it("the same school, indicator and year twice", async () => {
    const summary = await refused("dups.csv", `${HEADER}\nA-1;2024;0,5;1\nB-2;2024;0,5;1\na-1;2024;0,6;\n`);
    expect(summary.errors).toEqual([
      { row: 4, column: "good_marks_share", message: expect.stringContaining("уже есть в строке 2") },
    ]);
  });

  it("a value locked by an approved form, unless it is unchanged", async () => {
    const db = database.db;
    await db.insert(formSubmissions).values({ schoolId: world.schools.a.id, year: 2023, status: "approved" });
    const summary = await refused("locked.csv", `${HEADER}\nA-1;2023;0,45;1\n`);
    expect(summary.errors).toEqual([
      { row: 2, column: "good_marks_share", message: expect.stringContaining("заблокировано") },
    ]);
    const file = await folder.write("same.csv", `${HEADER}\nA-1;2023;0,4;1\n`);
    const same = await importFile(db, { actor: actorIn(world.region.id), file });
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it("a mapping that names a column the file lacks", async () => {
    const db = database.db;
    const before = await dumpImportState(db);
    const file = await folder.write("map.csv", `${HEADER}\nA-1;2024;0,5;1\n`);
    const mapping = {
      layout: "wide",
      columns: { schoolCode: "Код ОО", year: "Год" },
      indicators: { "Нет такого": "good_marks_share" },
    };
    const summary = await importFile(db, { actor: actorIn(world.region.id), file, mapping });
    expect(summary.errors).toEqual([
      { row: null, column: "Нет такого", message: expect.stringContaining("нет столбца") },
    ]);
    expect(await dumpImportState(db)).toBe(before);
  });
});
