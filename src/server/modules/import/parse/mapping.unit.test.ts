import { describe, expect, it } from "vitest";
import { type ColumnMapping, parseColumnMapping } from "./column-mapping";
import { guessMapping, layoutSignature } from "./guess-mapping";
import { compileLayout, type LayoutPlan } from "./layout-plan";
import { rowToValueRecords } from "./value-records";

const known = [
  { code: "share_45", name: "Доля обучающихся на 4 и 5" },
  { code: "has_psychologist", name: "Педагог-психолог в штате" },
];

function plan(mapping: ColumnMapping, header: string[]): LayoutPlan {
  const result = compileLayout(mapping, header, known);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe("guessMapping", () => {
  it("proposes a long layout from Russian headers", () => {
    const guess = guessMapping(["Код ОО", "Год", "Показатель", "Значение", "Комментарий"], known);
    expect(guess.mapping).toEqual({
      layout: "long",
      columns: { schoolCode: "Код ОО", year: "Год", indicator: "Показатель", value: "Значение" },
    });
    expect(guess.unmappedColumns).toEqual(["Комментарий"]);
    expect(guess.issues).toEqual([]);
  });

  it("proposes a wide layout from English headers, matching indicators by code or name", () => {
    const header = ["school_code", "YEAR", "SHARE_45", "педагог-психолог  в штате", "notes"];
    const guess = guessMapping(header, known);
    expect(guess.mapping).toEqual({
      layout: "wide",
      columns: { schoolCode: "school_code", year: "YEAR" },
      indicators: { SHARE_45: "share_45", "педагог-психолог  в штате": "has_psychologist" },
    });
    expect(guess.unmappedColumns).toEqual(["notes"]);
  });

  it("reads the code in brackets after a renamed indicator", () => {
    const guess = guessMapping(["Наименование", "Муниципалитет", "Год", "Успеваемость [share_45]"], known);
    expect(guess.mapping.indicators).toEqual({ "Успеваемость [share_45]": "share_45" });
    expect(guess.mapping.columns).toEqual({
      schoolName: "Наименование",
      municipality: "Муниципалитет",
      year: "Год",
    });
  });

  it("says what is missing", () => {
    const guess = guessMapping(["Наименование", "share_45"], known);
    expect(guess.issues.map((issue) => issue.message)).toEqual([
      "Укажите столбец с кодом школы, или наименование школы и муниципалитет, или (для показателей муниципалитета) столбец муниципалитета",
      "Укажите столбец года или год для всего файла",
    ]);
  });
});

describe("layoutSignature", () => {
  it("ignores case, spacing and column order but not the set of columns", () => {
    const base = layoutSignature(["Код ОО", "Год", "Значение"]);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(layoutSignature(["значение", "код  оо", "ГОД", ""])).toBe(base);
    expect(layoutSignature(["Код ОО", "Год", "Значение", "Примечание"])).not.toBe(base);
  });
});

describe("parseColumnMapping", () => {
  it("accepts the documented example and refuses unknown keys with Russian messages", () => {
    const example = {
      layout: "wide",
      columns: { schoolCode: "Код ОО", schoolName: "Наименование", municipality: "Муниципалитет" },
      indicators: { "Доля обучающихся на «4» и «5»": "share_good_marks" },
      year: 2023,
      sheet: "Данные",
      decimalComma: true,
    };
    expect(parseColumnMapping(example).ok).toBe(true);
    const bad = parseColumnMapping({
      layout: "long",
      columns: { schoolCode: "код", colour: "x" },
      year: 1990,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((issue) => issue.message)).toContain("Год не раньше 2000");
  });
});

describe("compileLayout and rowToValueRecords", () => {
  const longHeader = ["код", "год", "показатель", "значение"];
  const longMapping: ColumnMapping = {
    layout: "long",
    columns: { schoolCode: "Код", year: "Год", indicator: "Показатель", value: "Значение" },
  };

  it("names a mapped column the file does not have", () => {
    const result = compileLayout(
      { ...longMapping, columns: { ...longMapping.columns, value: "Итог" } },
      longHeader,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { column: "Итог", message: "в файле нет столбца «Итог» (он указан в сопоставлении как «значение»)" },
      ],
    });
  });

  it("turns a long row into one record, resolving an indicator given by name", () => {
    const row = { rowNumber: 7, cells: ["S1", "2023", "доля обучающихся на 4 и 5", "0,4"] };
    expect(rowToValueRecords(row, plan(longMapping, longHeader))).toEqual({
      records: [
        {
          rowNumber: 7,
          schoolKey: { code: "S1" },
          year: 2023,
          indicatorCode: "share_45",
          rawValue: "0,4",
          column: "значение",
        },
      ],
      issues: [],
    });
  });

  it("reports a bad year and a missing school with row and column", () => {
    const longPlan = plan(longMapping, longHeader);
    expect(rowToValueRecords({ rowNumber: 3, cells: ["", "23", "share_45", "1"] }, longPlan).issues).toEqual([
      { row: 3, column: "код", message: "не указан код школы" },
      { row: 3, column: "год", message: 'год должен быть числом от 2000 до 2100, например 2023: "23"' },
    ]);
  });

  it("turns a wide row into a record per filled cell, with a fixed year and unescaped names", () => {
    const header = ["Наименование", "Муниципалитет", "Доля [share_45]", "Психолог"];
    const mapping: ColumnMapping = {
      layout: "wide",
      columns: { schoolName: "Наименование", municipality: "Муниципалитет" },
      indicators: { "Доля [share_45]": "share_45", Психолог: "has_psychologist" },
      year: 2024,
    };
    const wide = plan(mapping, header);
    const result = rowToValueRecords({ rowNumber: 2, cells: ["'=Школа", "Район", "", "да"] }, wide);
    expect(result).toEqual({
      records: [
        {
          rowNumber: 2,
          schoolKey: { name: "=Школа", municipality: "Район" },
          year: 2024,
          indicatorCode: "has_psychologist",
          rawValue: "да",
          column: "Психолог",
        },
      ],
      issues: [],
    });
    expect(rowToValueRecords({ rowNumber: 3, cells: ["Школа", "", "", ""] }, wide)).toEqual({
      records: [],
      issues: [],
    });
  });
});
