import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile, twoSidedPValue } from "./student-t";

describe("Student's t distribution", () => {
  it("gives the textbook critical values", () => {
    // Values from any t table (two-sided 95%: the 0.975 quantile).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.18245, 4);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.22814, 4);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.96234, 4);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.03214, 4);
  });

  it("is symmetric and inverts the distribution function", () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
    expect(studentTCdf(0, 4)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(studentTQuantile(0.9, 12), 12)).toBeCloseTo(0.9, 9);
  });

  it("gives two-sided p-values", () => {
    expect(twoSidedPValue(2.228139, 10)).toBeCloseTo(0.05, 5);
    expect(twoSidedPValue(0, 10)).toBeCloseTo(1, 10);
  });
});
