import { describe, expect, it } from "vitest";
import { fitContextModel } from "./contextual-model";
import type { AnalyticsIndicator, AnalyticsSchool } from "./types";

const result: AnalyticsIndicator = { code: "score", name: "Средний балл", direction: "higher_better" };
const parents: AnalyticsIndicator = { code: "parents", name: "Родители с ВО", direction: "higher_better" };

function school(id: number, values: Record<string, number | undefined>, isRural = false): AnalyticsSchool {
  return { schoolId: id, code: `S${id}`, name: `Школа ${id}`, municipalityId: 1, isRural, values };
}

/** The five schools of the hand-checked OLS case (ols.test.ts): x = 1..5, y = 2 4 5 4 5. */
const five = [2, 4, 5, 4, 5].map((y, i) => school(i + 1, { score: y, parents: i + 1 }));

describe("fitContextModel", () => {
  it("places the five hand-checked schools", () => {
    // ŷ = 2.8 3.4 4.0 4.6 5.2, e = −0.8 0.6 1.0 −0.6 −0.2, σ̂ = √0.8 = 0.894; k = 0.5 → limit 0.447.
    // Quantiles interpolate linearly (position (n − 1)·p): worst third of ŷ at 1.33 → 3.4 + 0.33·0.6 = 3.6,
    // so ŷ ≤ 3.6 → schools 1, 2. Sorted y = 2 4 4 5 5: worst third at 1.33 → 4, so y ≤ 4 → schools 1, 2, 4;
    // best third from position 2.67 → 4 + 0.67·1 = 4.667, so y ≥ 4.667 → schools 3, 5.
    const { model, schools, excluded } = fitContextModel({
      schools: five,
      outcome: result,
      context: [parents],
      options: { residualSdMultiplier: 0.5 },
    });
    expect(excluded).toEqual([]);
    expect(model.coefficients.map((c) => c.estimate)).toEqual([
      expect.closeTo(2.2, 9),
      expect.closeTo(0.6, 9),
    ]);
    expect(model.coefficients[1]).toMatchObject({ code: "parents", expectedSign: 1, isSignAsExpected: true });
    expect(model.r2).toBeCloseTo(0.6, 10);
    expect(model.boundaries).toEqual({
      hardContext: expect.closeTo(3.6, 9),
      lowResult: expect.closeTo(4, 9),
      highResult: expect.closeTo(14 / 3, 9),
    });
    expect(schools[0]).toMatchObject({ expected: expect.closeTo(2.8, 9), residual: expect.closeTo(-0.8, 9) });
    expect(schools[0]!.low).toBeCloseTo(2.8 - 3.600551, 4);
    expect(schools[0]!.high).toBeCloseTo(2.8 + 3.600551, 4);
    expect(schools[0]!.standardizedResidual).toBeCloseTo(-0.8 / Math.sqrt(0.8), 9);
    expect(schools.map((s) => s.quadrant)).toEqual([
      "low_result_hard_context",
      "low_result_hard_context",
      "other",
      "underperforming",
      "other",
    ]);
    expect(model.quadrantCounts).toEqual({
      low_result_hard_context: 2,
      underperforming: 1,
      resilient: 0,
      other: 2,
    });
  });

  it("gives the same groups when the result is «lower is better» and its values are turned over", () => {
    const flipped = five.map((s) =>
      school(s.schoolId, { score: 10 - s.values.score!, parents: s.values.parents }),
    );
    const lowerBetter: AnalyticsIndicator = { ...result, direction: "lower_better" };
    const a = fitContextModel({
      schools: five,
      outcome: result,
      context: [parents],
      options: { residualSdMultiplier: 0.5 },
    });
    const b = fitContextModel({
      schools: flipped,
      outcome: lowerBetter,
      context: [parents],
      options: { residualSdMultiplier: 0.5 },
    });
    expect(b.schools.map((s) => s.quadrant)).toEqual(a.schools.map((s) => s.quadrant));
    expect(b.model.coefficients[1]).toMatchObject({
      estimate: expect.closeTo(-0.6, 9),
      expectedSign: -1,
      isSignAsExpected: true,
    });
    expect(b.model.boundaries.lowResult).toBeCloseTo(6, 9);
    b.schools.forEach((s, i) => {
      expect(s.standardizedResidual).toBeCloseTo(a.schools[i]!.standardizedResidual, 9);
    });
  });

  it("finds a resilient and an underperforming school among ordinary ones", () => {
    // 30 ordinary schools on the line y = 40 + 30·x with a small alternating wobble.
    const ordinary = Array.from({ length: 30 }, (_, i) => {
      const x = i / 29;
      return school(i + 1, { score: 40 + 30 * x + (i % 2 === 0 ? 1 : -1), parents: x });
    });
    const resilient = school(101, { score: 75, parents: 0.05 });
    const underperforming = school(102, { score: 50, parents: 0.95 });
    const { schools } = fitContextModel({
      schools: [...ordinary, resilient, underperforming],
      outcome: result,
      context: [parents],
    });
    const byId = new Map(schools.map((s) => [s.schoolId, s]));
    expect(byId.get(101)?.quadrant).toBe("resilient");
    expect(byId.get(102)?.quadrant).toBe("underperforming");
    expect(byId.get(1)?.quadrant).toBe("low_result_hard_context");
    expect(byId.get(30)?.quadrant).toBe("other");
  });

  it("lists schools with missing values as excluded, naming what is missing", () => {
    const withGaps = [...five, school(9, { score: 3 }), school(10, { parents: 2 })];
    const { model, excluded } = fitContextModel({ schools: withGaps, outcome: result, context: [parents] });
    expect(model.n).toBe(5);
    expect(excluded).toEqual([
      { schoolId: 9, code: "S9", name: "Школа 9", municipalityId: 1, missing: ["parents"] },
      { schoolId: 10, code: "S10", name: "Школа 10", municipalityId: 1, missing: ["score"] },
    ]);
  });

  it("flags a coefficient against the catalogue's direction", () => {
    const poverty: AnalyticsIndicator = { code: "poverty", name: "Малоимущие", direction: "lower_better" };
    const schools = five.map((s) => school(s.schoolId, { score: s.values.score, poverty: s.values.parents }));
    const { model } = fitContextModel({ schools, outcome: result, context: [poverty] });
    expect(model.coefficients[1]).toMatchObject({ expectedSign: -1, isSignAsExpected: false });
  });

  it("refuses an empty context and the result among the context", () => {
    expect(() => fitContextModel({ schools: five, outcome: result, context: [] })).toThrow(/хотя бы один/);
    expect(() => fitContextModel({ schools: five, outcome: result, context: [result] })).toThrow(
      /не может быть/,
    );
  });
});
