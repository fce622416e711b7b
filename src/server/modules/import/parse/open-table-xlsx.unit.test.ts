import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildZip,
  createFixtureDir,
  type FixtureDir,
  minimalXlsxEntries,
  sheetXml,
} from "./fixtures.test-support";
import { ImportFileError } from "./import-file-error";
import { openTable } from "./open-table";
import type { ImportLimits, TableRow } from "./table.types";

/**
 * How many times the reader has started to inflate a zip entry (node:zlib's raw inflate, streamed or at once):
 * a zip bomb must be refused from the sizes its directory declares, before any inflating.
 */
const inflation = vi.hoisted(() => ({ starts: 0 }));
vi.mock("node:zlib", async (importOriginal) => {
  const zlib = await importOriginal<typeof import("node:zlib")>();
  return {
    ...zlib,
    createInflateRaw: (...args: Parameters<typeof zlib.createInflateRaw>) => {
      inflation.starts++;
      return zlib.createInflateRaw(...args);
    },
    inflateRawSync: (...args: Parameters<typeof zlib.inflateRawSync>) => {
      inflation.starts++;
      return zlib.inflateRawSync(...args);
    },
  };
});

let dir: FixtureDir;
beforeAll(async () => {
  dir = await createFixtureDir();
});
afterAll(async () => {
  await dir.remove();
});

async function xlsxBuffer(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type ReadOptions = { sheet?: string; limits?: Partial<ImportLimits> };

async function readAll(name: string, content: Buffer, options: ReadOptions = {}) {
  const path = await dir.file(name, content);
  const table = await openTable({ path, fileName: name, ...options });
  const rows: TableRow[] = [];
  for await (const row of table) rows.push(row);
  return { header: table.header, format: table.format, rows };
}

async function failure(name: string, content: Buffer, options: ReadOptions = {}): Promise<ImportFileError> {
  try {
    await readAll(name, content, options);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("expected an ImportFileError");
}

describe("openTable: XLSX cell text", () => {
  it("renders every kind of cell as the text a person sees", async () => {
    const content = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet("Данные");
      sheet.addRow([
        "Код ОО",
        "Число",
        "Дата",
        "Текст",
        "Формула",
        "Логическое",
        "Процент",
        "Ссылка",
        "Ошибка",
      ]);
      const row = sheet.addRow([
        "S1",
        0.1 + 0.2,
        new Date(Date.UTC(2023, 8, 1)),
        { richText: [{ text: "Школа " }, { text: "№1", font: { bold: true } }] },
        { formula: "B2*2", result: 0.6 },
        true,
        0.31,
        { text: "сайт", hyperlink: "https://example.org" },
        { error: "#DIV/0!" },
      ]);
      row.getCell(7).numFmt = "0%";
      sheet.addRow(["S2", 1234.5, new Date(Date.UTC(2024, 0, 15, 10, 30))]);
    });
    const table = await readAll("cells.xlsx", content);
    expect(table.format).toEqual({ format: "xlsx", decimalComma: true, sheet: "Данные" });
    expect(table.rows).toEqual([
      {
        rowNumber: 2,
        cells: ["S1", "0.3", "2023-09-01", "Школа №1", "0.6", "ИСТИНА", "31%", "сайт", "#DIV/0!"],
      },
      { rowNumber: 3, cells: ["S2", "1234.5", "2024-01-15T10:30:00", "", "", "", "", "", ""] },
    ]);
  });

  it("refuses a formula without a cached result, naming the cell", async () => {
    const content = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet("Лист1");
      sheet.addRow(["a", "b"]);
      sheet.addRow([1, { formula: "A2*2" }]);
    });
    const error = await failure("formula.xlsx", content);
    expect(error.reason).toBe("formula_without_result");
    expect(error.message).toContain("B2");
  });

  it("keeps Excel row numbers across empty rows and a header below a blank row", async () => {
    const content = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet("Лист1");
      sheet.getCell("A2").value = "код";
      sheet.getCell("B2").value = "значение";
      sheet.getCell("A5").value = "S1";
      sheet.getCell("B5").value = 7;
    });
    const table = await readAll("gaps.xlsx", content);
    expect(table.header).toEqual(["код", "значение"]);
    expect(table.rows).toEqual([{ rowNumber: 5, cells: ["S1", "7"] }]);
  });
});

describe("openTable: XLSX sheets", () => {
  const twoSheets = () =>
    xlsxBuffer((workbook) => {
      workbook.addWorksheet("Первый").addRow(["код"]);
      workbook.addWorksheet("Второй").addRows([["показатель"], ["x"]]);
    });

  it("reads a sheet by name, case-insensitively", async () => {
    const table = await readAll("two.xlsx", await twoSheets(), { sheet: "второй" });
    expect(table.header).toEqual(["показатель"]);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ["x"] }]);
  });

  it("reads the first sheet in the workbook's tab order, not in file order", async () => {
    const entries = minimalXlsxEntries([
      { name: "Второй файл", file: 2, xml: sheetXml([["первая вкладка"], ["1"]]) },
      { name: "Первый файл", file: 1, xml: sheetXml([["вторая вкладка"], ["2"]]) },
    ]);
    const table = await readAll("order.xlsx", buildZip(entries));
    expect(table.format.sheet).toBe("Второй файл");
    expect(table.header).toEqual(["первая вкладка"]);
  });

  it("names the sheets there are when the wanted one is missing", async () => {
    const error = await failure("missing.xlsx", await twoSheets(), { sheet: "Третий" });
    expect(error.reason).toBe("sheet_not_found");
    expect(error.message).toContain("«Первый», «Второй»");
  });

  it("reports an empty sheet", async () => {
    const content = await xlsxBuffer((workbook) => {
      workbook.addWorksheet("Пустой");
    });
    const error = await failure("empty.xlsx", content);
    expect(error.reason).toBe("empty_file");
    expect(error.message).toContain("Лист «Пустой» пуст");
  });
});

describe("openTable: broken and crafted XLSX", () => {
  it("rejects a file named .xlsx that is not a zip", async () => {
    expect((await failure("text.xlsx", Buffer.from("code;year\n1;2\n"))).reason).toBe("xlsx_malformed");
  });

  it("rejects a truncated XLSX", async () => {
    const content = await xlsxBuffer((workbook) => {
      workbook.addWorksheet("Лист1").addRows([["a"], ["b"]]);
    });
    const error = await failure("cut.xlsx", content.subarray(0, Math.floor(content.length / 2)));
    expect(error.reason).toBe("xlsx_malformed");
    expect(error.message).toMatch(/повреждён или обрезан/);
  });

  it("rejects corrupted compressed data", async () => {
    const entries = minimalXlsxEntries([{ name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]]) }]);
    const zip = buildZip(entries);
    const broken = Buffer.from(zip);
    const at = zip.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 30;
    broken.fill(0xff, at, at + 20);
    const error = await failure("corrupt.xlsx", broken);
    expect(error.reason).toBe("xlsx_malformed");
    expect(error.message).toContain("не удаётся распаковать xl/worksheets/sheet1.xml");
  });

  it("rejects a zip without a workbook", async () => {
    const zip = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w/>" },
    ]);
    const error = await failure("docx.xlsx", zip);
    expect(error.reason).toBe("xlsx_no_workbook");
  });

  it("rejects a zip bomb by its declared compression ratio before inflating anything", async () => {
    const bomb = minimalXlsxEntries([{ name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]], 20_000_000) }]);
    const zip = buildZip(bomb);
    expect(zip.length).toBeLessThan(100_000);
    // The count sees the reader's inflating: an honest workbook of the same shape is inflated entry by entry.
    inflation.starts = 0;
    const honest = buildZip(minimalXlsxEntries([{ name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]]) }]));
    expect((await readAll("honest.xlsx", honest)).rows).toEqual([{ rowNumber: 2, cells: ["1"] }]);
    expect(inflation.starts).toBeGreaterThan(0);

    inflation.starts = 0;
    const error = await failure("bomb.xlsx", zip);
    expect(error.reason).toBe("zip_bomb");
    expect(error.status).toBe(413);
    expect(error.message).toContain("xl/worksheets/sheet1.xml");
    expect(inflation.starts).toBe(0);
  });

  it("rejects an archive whose declared total exceeds the limit", async () => {
    const entries = minimalXlsxEntries([{ name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]], 300_000) }]);
    const limits = { maxUncompressedBytes: 200_000, maxCompressionRatio: 1_000_000 };
    const error = await failure("total.xlsx", buildZip(entries), { limits });
    expect(error.reason).toBe("zip_bomb");
    expect(error.message).toContain("после распаковки");
  });

  it("counts inflated bytes and stops when an entry lies about its size", async () => {
    const entries = minimalXlsxEntries([
      { name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]], 20_000_000) },
    ]);
    const lying = entries.map((entry) =>
      entry.name.startsWith("xl/worksheets/") ? { ...entry, declaredSize: 900 } : entry,
    );
    const error = await failure("liar.xlsx", buildZip(lying));
    expect(error.reason).toBe("zip_bomb");
    expect(error.message).toContain("больший объём");
  });

  it("rejects data hidden between the entries", async () => {
    const entries = minimalXlsxEntries([{ name: "Лист1", file: 1, xml: sheetXml([["a"], ["1"]]) }]);
    const zip = buildZip(entries);
    const hidden = buildZip([{ name: "xl/worksheets/sheet9.xml", data: " ".repeat(1000) }]);
    const localOnly = hidden.subarray(0, hidden.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const directoryAt = zip.readUInt32LE(zip.length - 6);
    const patched = Buffer.concat([zip.subarray(0, directoryAt), localOnly, zip.subarray(directoryAt)]);
    patched.writeUInt32LE(directoryAt + localOnly.length, patched.length - 6);
    const error = await failure("hidden.xlsx", patched);
    expect(error.reason).toBe("xlsx_malformed");
    expect(error.message).toContain("лишние данные");
  });
});
