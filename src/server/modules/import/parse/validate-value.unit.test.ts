import { describe, expect, it } from "vitest";
import { findDuplicateRecords } from "./duplicate-records";
import { formatIssue } from "./import-file-error";
import { type IndicatorRule, validateValueRecord } from "./validate-value";
import type { ValueRecord } from "./value-records";

function record(rawValue: string, overrides: Partial<ValueRecord> = {}): ValueRecord {
  return {
    rowNumber: 5,
    schoolKey: { code: "S1" },
    year: 2023,
    indicatorCode: "share_45",
    rawValue,
    column: "Доля",
    ...overrides,
  };
}

const share: IndicatorRule = { code: "share_45", unit: "share", min: 0, max: 1 };
const count: IndicatorRule = { code: "vacancies", unit: "count", min: null, max: null };
const comma = { decimalComma: true };

describe("validateValueRecord", () => {
  it("returns the parsed value", () => {
    expect(validateValueRecord(record("0,31"), share, comma)).toEqual({ ok: true, value: 0.31 });
    expect(validateValueRecord(record("31%"), share, comma)).toEqual({ ok: true, value: 0.31 });
    expect(validateValueRecord(record("12"), count, comma)).toEqual({ ok: true, value: 12 });
  });

  it("reports a value out of range with the row, column and a Russian message", () => {
    const result = validateValueRecord(record("1,4"), share, comma);
    expect(result).toEqual({
      ok: false,
      issue: { row: 5, column: "Доля", message: "значение 1,4 вне допустимого диапазона 0–1" },
    });
    if (!result.ok)
      expect(formatIssue(result.issue)).toBe(
        "Строка 5, столбец «Доля»: значение 1,4 вне допустимого диапазона 0–1",
      );
  });

  it("hints at percent when a share looks like one", () => {
    const result = validateValueRecord(record("31"), share, comma);
    expect(result.ok ? "" : result.issue.message).toBe(
      "значение 31 вне допустимого диапазона 0–1 (долю записывают как 0,31 или 31%)",
    );
  });

  it("applies the unit's bounds when the indicator has none, and wants whole counts", () => {
    expect(validateValueRecord(record("-1"), count, comma)).toMatchObject({
      ok: false,
      issue: { message: "значение -1 меньше допустимого минимума 0" },
    });
    expect(validateValueRecord(record("2,5"), count, comma)).toMatchObject({
      ok: false,
      issue: { message: 'ожидается целое число: "2,5"' },
    });
  });

  it("reports wrong types, formulas and unknown indicators", () => {
    expect(validateValueRecord(record("abc"), share, comma)).toMatchObject({
      issue: { message: 'не число: "abc"' },
    });
    expect(validateValueRecord(record("=1/0"), share, comma)).toMatchObject({
      issue: { message: 'формула в ячейке не допускается: "=1/0"' },
    });
    expect(validateValueRecord(record("1", { indicatorCode: "nope" }), undefined, comma)).toEqual({
      ok: false,
      issue: { row: 5, column: "Доля", message: "неизвестный показатель «nope»" },
    });
  });
});

describe("findDuplicateRecords", () => {
  it("names both rows of a repeated school × indicator × year", () => {
    const issues = findDuplicateRecords([
      record("0,1", { rowNumber: 2 }),
      record("0,2", { rowNumber: 3, year: 2024 }),
      record("0,3", { rowNumber: 9, schoolKey: { code: "s1" } }),
    ]);
    expect(issues).toEqual([
      {
        row: 9,
        column: "Доля",
        message:
          "повтор: значение показателя «share_45» школы «s1» за 2023 год уже есть в строке 2 (строки 2 и 9)",
      },
    ]);
  });

  it("compares schools without a code by name and municipality", () => {
    const key = { name: "Школа №1", municipality: "Район" };
    const issues = findDuplicateRecords([
      record("1", { rowNumber: 2, schoolKey: key, column: "A" }),
      record("1", { rowNumber: 4, schoolKey: { name: "школа  №1", municipality: "район" }, column: "B" }),
      record("1", { rowNumber: 5, schoolKey: { name: "Школа №1", municipality: "Город" } }),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain("уже есть в строке 2, столбце «A» (строки 2 и 4)");
  });
});
