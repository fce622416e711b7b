import { describe, expect, it } from "vitest";
import { guessMapping } from "./guess-mapping";
import { compileLayout } from "./layout-plan";
import { openTable } from "./open-table";
import { validateValueRecord } from "./validate-value";
import { rowToValueRecords, type ValueRecord } from "./value-records";

const POLAND = "/work/shared/data/real/poland_e8/e8-schools-2023.csv";
const MOLDOVA = "/work/shared/data/real/moldova_bac/bac_lyceums_2015_2019_tidy.csv";

describe("openTable on real files", () => {
  it("reads the Polish E8 results: semicolons, BOM, decimal comma, CRLF, 12,593 rows", async () => {
    const table = await openTable({ path: POLAND, fileName: "e8-schools-2023.csv" });
    expect(table.format).toEqual({
      format: "csv",
      encoding: "utf-8-bom",
      delimiter: ";",
      decimalComma: true,
    });
    expect(table.header).toEqual([
      "region",
      "public",
      "school",
      "city",
      "polish_candidates",
      "polish_average",
      "math_candidates",
      "math_average",
      "english_candidates",
      "english_average",
    ]);
    let count = 0;
    let last = 0;
    for await (const row of table) {
      count++;
      last = row.rowNumber;
      expect(row.cells).toHaveLength(10);
      if (count === 1)
        expect(row.cells.slice(2, 6)).toEqual([
          "SZKOŁA PODSTAWOWA NR 3",
          "Aleksandrów Kujawski",
          "58",
          "59,01724138",
        ]);
    }
    expect(count).toBe(12_593);
    expect(last).toBe(12_594);
  });

  it("maps the Polish file as a wide table with a fixed year and parses every decimal-comma value", async () => {
    const known = [
      { code: "e8_math", name: "math_average" },
      { code: "e8_polish", name: "polish_average" },
    ];
    const table = await openTable({ path: POLAND, fileName: "e8-schools-2023.csv" });
    const guess = guessMapping(table.header, known);
    expect(guess.mapping.columns).toEqual({ schoolName: "school", municipality: "city" });
    expect(guess.issues.map((issue) => issue.message)).toEqual([
      "Укажите столбец года или год для всего файла",
    ]);
    const plan = compileLayout({ ...guess.mapping, year: 2023 }, table.header, known);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const records: ValueRecord[] = [];
    let filledCells = 0;
    for await (const row of table) {
      const result = rowToValueRecords(row, plan.plan);
      expect(result.issues).toEqual([]);
      records.push(...result.records);
      filledCells += [row.cells[5], row.cells[7]].filter((cell) => cell !== "").length;
    }
    const values = records.map((record) =>
      validateValueRecord(
        record,
        { code: record.indicatorCode, unit: "number", min: 0, max: 100 },
        { decimalComma: true },
      ),
    );
    expect(values.filter((value) => !value.ok)).toEqual([]);
    expect(records).toHaveLength(filledCells);
    expect(filledCells).toBeGreaterThan(24_000);
    expect(values[0]).toEqual({ ok: true, value: 59.01724138 });
  });

  it("reads the Moldovan baccalaureate file: commas and quoted names with doubled quotes", async () => {
    const table = await openTable({ path: MOLDOVA, fileName: "bac.csv" });
    expect(table.format).toEqual({ format: "csv", encoding: "utf-8", delimiter: ",", decimalComma: false });
    const rows = [];
    for await (const row of table) rows.push(row);
    expect(rows).toHaveLength(2037);
    expect(rows[1]?.cells[4]).toBe('LICEUL DE CREATIVITATE ŞI INVENTICĂ "PROMETEU-PRIM"');
    const guess = guessMapping(table.header, [{ code: "bac_pass", name: "pass_pct" }]);
    expect(guess.mapping).toEqual({
      layout: "wide",
      columns: { municipality: "district", schoolName: "school_name", year: "list_year" },
      indicators: { pass_pct: "bac_pass" },
    });
    expect(guess.issues).toEqual([]);
  });
});
