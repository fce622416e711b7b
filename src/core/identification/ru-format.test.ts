import { describe, expect, it } from "vitest";
import { distinguishingDigits, formatIndicatorValue } from "./ru-format";

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
