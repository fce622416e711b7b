import { describe, expect, it } from "vitest";
import { fitOls, predictionHalfWidth } from "./ols";
import { AnalyticsInputError } from "./types";

describe("fitOls", () => {
  /*
   * Five schools, one predictor, worked out by hand:
   *   x = 1 2 3 4 5, y = 2 4 5 4 5; x̄ = 3, ȳ = 4
   *   Sxx = 4+1+0+1+4 = 10, Sxy = (−2)(−2)+(−1)(0)+0(1)+1(0)+2(1) = 6
   *   slope = 6/10 = 0.6, intercept = 4 − 0.6·3 = 2.2
   *   ŷ = 2.8 3.4 4.0 4.6 5.2, e = −0.8 0.6 1.0 −0.6 −0.2
   *   SSE = 0.64+0.36+1+0.36+0.04 = 2.4, SST = 4+0+1+0+1 = 6, R² = 1 − 2.4/6 = 0.6
   *   σ̂² = 2.4/3 = 0.8, SE(slope) = √(0.8/10) = 0.282843, SE(intercept) = √(0.8·(1/5 + 9/10)) = 0.938083
   *   at x = 1: h = 1/5 + 4/10 = 0.6; PI half-width = t(0.975; 3)·√0.8·√1.6 = 3.182446·1.131371 = 3.600551
   */
  const fit = fitOls([[1], [2], [3], [4], [5]], [2, 4, 5, 4, 5], ["x"]);

  it("matches the hand computation", () => {
    expect(fit.n).toBe(5);
    expect(fit.df).toBe(3);
    expect(fit.coefficients[0]!.estimate).toBeCloseTo(2.2, 10);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(0.6, 10);
    expect(fit.coefficients[0]!.standardError).toBeCloseTo(0.938083, 6);
    expect(fit.coefficients[1]!.standardError).toBeCloseTo(0.282843, 6);
    expect(fit.coefficients[1]!.tValue).toBeCloseTo(0.6 / 0.282843, 4);
    expect(fit.r2).toBeCloseTo(0.6, 10);
    expect(fit.adjustedR2).toBeCloseTo(1 - (0.4 * 4) / 3, 10);
    expect(fit.residualSd).toBeCloseTo(Math.sqrt(0.8), 10);
    fit.fitted.forEach((v, i) => {
      expect(v).toBeCloseTo([2.8, 3.4, 4, 4.6, 5.2][i]!, 10);
    });
    fit.residuals.forEach((v, i) => {
      expect(v).toBeCloseTo([-0.8, 0.6, 1, -0.6, -0.2][i]!, 10);
    });
    expect(fit.leverages[0]).toBeCloseTo(0.6, 10);
    expect(predictionHalfWidth(fit, fit.leverages[0]!)).toBeCloseTo(3.600551, 4);
  });

  it("recovers an exact two-predictor plane", () => {
    const rows = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [2, 3],
      [3, 1],
    ];
    const y = rows.map(([a, b]) => 1 + 2 * a! - 3 * b!);
    const plane = fitOls(rows, y, ["a", "b"]);
    expect(plane.coefficients.map((c) => c.estimate)).toEqual([
      expect.closeTo(1, 9),
      expect.closeTo(2, 9),
      expect.closeTo(-3, 9),
    ]);
    expect(plane.r2).toBeCloseTo(1, 10);
  });

  it("refuses too few schools, constant and collinear predictors", () => {
    expect(() => fitOls([[1], [2]], [1, 2], ["x"])).toThrow(AnalyticsInputError);
    expect(() => fitOls([[1], [1], [1], [1]], [1, 2, 3, 4], ["x"])).toThrow(/одинаков/);
    const collinear = [1, 2, 3, 4, 5].map((v) => [v, 2 * v + 1]);
    expect(() => fitOls(collinear, [1, 3, 2, 5, 4], ["a", "b"])).toThrow(/линейно зависимы/);
  });
});
