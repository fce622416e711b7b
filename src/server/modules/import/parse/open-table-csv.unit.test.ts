import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureDir, type FixtureDir } from "./fixtures.test-support";
import { ImportFileError, type ImportFileErrorReason } from "./import-file-error";
import { openTable } from "./open-table";
import type { ImportLimits, TableRow } from "./table.types";

let dir: FixtureDir;
beforeAll(async () => {
  dir = await createFixtureDir();
});
afterAll(async () => {
  await dir.remove();
});

async function readAll(name: string, content: Buffer | string, limits?: Partial<ImportLimits>) {
  const path = await dir.file(name, content);
  const table = await openTable({ path, fileName: name, limits });
  const rows: TableRow[] = [];
  for await (const row of table) rows.push(row);
  return { header: table.header, format: table.format, rows };
}

async function failure(name: string, content: Buffer | string, limits?: Partial<ImportLimits>) {
  try {
    await readAll(name, content, limits);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("expected an ImportFileError");
}

async function expectReason(name: string, content: Buffer | string, reason: ImportFileErrorReason) {
  const error = await failure(name, content);
  expect(error.reason).toBe(reason);
  return error.message;
}

describe("openTable: CSV encodings and delimiters", () => {
  it("reads UTF-8 without BOM, semicolons, LF", async () => {
    const table = await readAll("a.csv", "Код ОО;Год;Значение\nS1;2023;0,5\n");
    expect(table.format).toEqual({ format: "csv", encoding: "utf-8", delimiter: ";", decimalComma: true });
    expect(table.header).toEqual(["Код ОО", "Год", "Значение"]);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ["S1", "2023", "0,5"] }]);
  });

  it("reads UTF-8 with BOM and CRLF, without leaking the BOM into the first header", async () => {
    const table = await readAll("b.csv", "\uFEFFкод,год,значение\r\nS1,2023,0.5\r\nS2,2023,0.7\r\n");
    expect(table.format).toEqual({
      format: "csv",
      encoding: "utf-8-bom",
      delimiter: ",",
      decimalComma: false,
    });
    expect(table.header[0]).toBe("код");
    expect(table.rows.map((row) => row.cells[2])).toEqual(["0.5", "0.7"]);
  });

  it("detects Windows-1251 and decodes Cyrillic", async () => {
    const bytes = iconv.encode(
      "Наименование;Муниципалитет\r\nСредняя школа №1;Ельнинский район\r\n",
      "win1251",
    );
    const table = await readAll("c.csv", bytes);
    expect(table.format.encoding).toBe("windows-1251");
    expect(table.header).toEqual(["Наименование", "Муниципалитет"]);
    expect(table.rows[0]?.cells).toEqual(["Средняя школа №1", "Ельнинский район"]);
  });

  it("detects a tab delimiter", async () => {
    const table = await readAll("d.tsv", "code\tyear\tvalue\nS1\t2023\t1\n");
    expect(table.format.delimiter).toBe("\t");
    expect(table.rows[0]?.cells).toEqual(["S1", "2023", "1"]);
  });

  it("handles quotes, doubled quotes, delimiters and line breaks inside quotes, and trims cells", async () => {
    const csv = 'name;note;value\n"Школа ""Успех""";"a;b";  7  \n"две\nстроки";x;8\n';
    const table = await readAll("e.csv", csv);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Школа "Успех"', "a;b", "7"] },
      { rowNumber: 3, cells: ["две\nстроки", "x", "8"] },
    ]);
  });

  it("skips empty rows but keeps counting, and pads short rows", async () => {
    const table = await readAll("f.csv", "a;b;c\n\n1;2;3\n ; ; \n4\n");
    expect(table.rows).toEqual([
      { rowNumber: 3, cells: ["1", "2", "3"] },
      { rowNumber: 5, cells: ["4", "", ""] },
    ]);
  });

  it("accepts trailing empty cells beyond the header (Excel writes them)", async () => {
    const table = await readAll("g.csv", "a;b\n1;2;;\n");
    expect(table.rows[0]?.cells).toEqual(["1", "2"]);
  });
});

describe("openTable: CSV errors", () => {
  it("rejects an empty file and a file with only blank lines", async () => {
    expect(await expectReason("empty.csv", "", "empty_file")).toMatch(/пуст/);
    expect(await expectReason("blank.csv", "\uFEFF\r\n;;\r\n", "empty_file")).toMatch(/пуст/);
  });

  it("rejects a file without a header row", async () => {
    expect(await expectReason("nohead.csv", "2023;0,5;12\n2024;0,6;13\n", "no_header")).toMatch(/заголовка/);
  });

  it("names duplicate headers and their columns", async () => {
    const message = await expectReason("dup.csv", "Код;Год;год ;Значение\n1;2;3;4\n", "duplicate_headers");
    expect(message).toContain("«год» (столбцы B и C)");
  });

  it("rejects data under a header cell left empty, but not an empty unnamed column", async () => {
    const message = await expectReason("unnamed.csv", "a;;c\n1;;3\n4;5;6\n", "unnamed_column");
    expect(message).toContain("Строка 3");
    expect(message).toContain("столбце B");
  });

  it("rejects a row longer than the header, naming the row and column", async () => {
    const message = await expectReason("long.csv", "a;b\n1;2\n3;4;5\n", "row_too_long");
    expect(message).toContain("Строка 3");
    expect(message).toContain("столбце C");
  });

  it("rejects UTF-16 with and without a BOM, saying so", async () => {
    const text = "code;year\nS1;2023\n";
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(await expectReason("u16.csv", withBom, "unexpected_encoding")).toContain("UTF-16");
    expect(await expectReason("u16b.csv", Buffer.from(text, "utf16le"), "unexpected_encoding")).toContain(
      "UTF-16",
    );
  });

  it("rejects a file that turns from UTF-8 into another encoding after the sniffed part", async () => {
    const head = `code;name\n${"S1;школа\n".repeat(10_000)}`;
    const content = Buffer.concat([Buffer.from(head, "utf8"), iconv.encode("S2;школа\n", "win1251")]);
    expect(await expectReason("mixed.csv", content, "unexpected_encoding")).toMatch(/UTF-8/);
  });

  it("rejects an unclosed quote", async () => {
    expect(await expectReason("quote.csv", 'a;b\n1;"unclosed\n2;3\n', "csv_malformed")).toMatch(/кавычк/);
  });

  it("rejects binary content and old XLS files", async () => {
    await expectReason(
      "bin.csv",
      Buffer.from([0x41, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]),
      "unsupported_format",
    );
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(100),
    ]);
    expect(await expectReason("old.xls", xls, "unsupported_format")).toContain("XLS");
  });

  it("enforces the file size and row limits", async () => {
    const tooBig = await failure("big.csv", "a;b\n1;2\n", { maxFileBytes: 4 });
    expect(tooBig.reason).toBe("file_too_large");
    expect(tooBig.status).toBe(413);
    const tooMany = await failure("many.csv", "a\n1\n2\n3\n", { maxRows: 2 });
    expect(tooMany.reason).toBe("too_many_rows");
    expect(tooMany.message).toContain("2 строк");
  });
});
