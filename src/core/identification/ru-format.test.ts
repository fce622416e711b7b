import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/random";
import { distinguishingDigits, formatIndicatorValue, formatNumberRu } from "./ru-format";

describe("a value and its boundary never print alike", () => {
  it("adds a decimal when both round to the same figure", () => {
    expect(distinguishingDigits(58.567, 58.633, "score")).toBe(1);
    expect(formatIndicatorValue(58.567, "score", 1)).toBe("58,57");
    expect(formatIndicatorValue(58.633, "score", 1)).toBe("58,63");
  });
  it("keeps the usual decimals when they already differ, or are equal", () => {
    expect(distinguishingDigits(0.31, 0.2, "share")).toBe(0);
    expect(distinguishingDigits(0.2, 0.2, "share")).toBe(0);
    expect(distinguishingDigits(null, 0.2, "share")).toBe(0);
  });
  it("stops at three more decimals", () => {
    expect(distinguishingDigits(0.2000001, 0.2000002, "share")).toBe(3);
  });
});

describe("formatNumberRu prints what Intl.NumberFormat('ru-RU') prints", () => {
  const intl = (value: number, digits: number) =>
    new Intl.NumberFormat("ru-RU", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value,
    );

  it("on ties, carries, grouping, zeros, negatives and exponents", () => {
    const cases = [
      1.005,
      1.015,
      0.125,
      2.5,
      0.5,
      9.995,
      99.95,
      999.96,
      999.999,
      1234.5,
      12345.5,
      1e15,
      123456789.123,
      0,
      -0,
      -0.5,
      -0.004,
      -1234.56,
      1e-7,
      0.000001,
      1e21,
      0.30000000000000004,
      0.1 + 0.2,
      58.567,
    ];
    for (const value of cases) {
      for (let digits = 0; digits <= 5; digits++)
        expect(formatNumberRu(value, digits)).toBe(intl(value, digits));
    }
  });

  // 20 000 Intl calls: seconds on a busy machine, so a timeout that does not depend on its speed
  it("on many generated values", { timeout: 120_000 }, () => {
    const next = mulberry32(7);
    for (let i = 0; i < 20_000; i++) {
      const scale = 10 ** Math.floor(next() * 8 - 3);
      const raw = next() * scale;
      // Half the values on a decimal grid (ties at the rounding digit), half arbitrary doubles.
      const value = i % 2 === 0 ? Math.round(raw * 1000) / 1000 + 0.0005 * (i % 4 === 0 ? 1 : 0) : raw;
      const digits = i % 6;
      expect(formatNumberRu(value, digits)).toBe(intl(value, digits));
    }
  });
});
