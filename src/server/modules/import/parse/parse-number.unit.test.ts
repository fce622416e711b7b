import { describe, expect, it } from "vitest";
import { type ParseNumberOptions, parseNumber } from "./parse-number";

const comma: ParseNumberOptions = { decimalComma: true };
const point: ParseNumberOptions = { decimalComma: false };

function value(text: string, options: ParseNumberOptions): number | string {
  const result = parseNumber(text, options);
  return result.ok ? result.value : result.message;
}

describe("parseNumber", () => {
  it("reads decimal commas and points in comma mode", () => {
    expect(value("0,31", comma)).toBe(0.31);
    expect(value("0.31", comma)).toBe(0.31);
    expect(value(",5", comma)).toBe(0.5);
    expect(value("-0,5", comma)).toBe(-0.5);
    expect(value("+2", comma)).toBe(2);
  });

  it("reads spaces and NBSP between digit groups", () => {
    expect(value(" 1 234,5 ", comma)).toBe(1234.5);
    expect(value("1\u00a0234\u00a0567", comma)).toBe(1234567);
    expect(value("12 34", comma)).toBe('не число: "12 34"');
  });

  it("refuses a comma when the file writes fractions with a point", () => {
    expect(value("0.31", point)).toBe(0.31);
    expect(value("1e-7", point)).toBe(1e-7);
    expect(value("0,31", point)).toBe('не число: "0,31" — в этом файле дробную часть отделяют точкой');
  });

  it("refuses both marks in one number", () => {
    expect(value("1.234,5", comma)).toMatch(/непонятно, какой знак/);
  });

  it("reads percents by the unit", () => {
    expect(value("31%", { ...comma, unit: "share" })).toBe(0.31);
    expect(value("12,5 %", { ...comma, unit: "share" })).toBe(0.125);
    expect(value("31%", { ...comma, unit: "percent" })).toBe(31);
    expect(value("31%", { ...comma, unit: "count" })).toBe(
      'знак % допустим только для долей и процентов: "31%"',
    );
  });

  it("reads booleans for a boolean unit", () => {
    const unit: ParseNumberOptions = { ...comma, unit: "boolean" };
    expect(["да", "Нет", "YES", "no", "1", "0", "ИСТИНА", "ложь"].map((text) => value(text, unit))).toEqual([
      1, 0, 1, 0, 1, 0, 1, 0,
    ]);
    expect(value("может быть", unit)).toBe('ожидается «да» или «нет»: "может быть"');
  });

  it("refuses formulas but not negative numbers", () => {
    expect(value("=SUM(A1)", comma)).toBe('формула в ячейке не допускается: "=SUM(A1)"');
    expect(value("@cmd", comma)).toMatch(/^формула/);
    expect(value("+A1", comma)).toMatch(/^формула/);
    expect(value("-", comma)).toMatch(/^формула/);
    expect(value("-0,5", comma)).toBe(-0.5);
  });

  it("says what is wrong with other text", () => {
    expect(value("abc", comma)).toBe('не число: "abc"');
    expect(value("   ", comma)).toBe("пустое значение");
    expect(value("#DIV/0!", comma)).toBe('не число: "#DIV/0!"');
    expect(value("1e400", point)).toBe('не число: "1e400"');
  });
});
