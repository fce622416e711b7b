import { describe, expect, it } from "vitest";
import { evaluateRuleSet } from "./evaluate";
import { ruleSet, school, TEST_INDICATORS } from "./test-fixtures";
import type { SchoolFacts } from "./types";

const YEAR = 2023;

function run(rules: ReturnType<typeof ruleSet>, schools: SchoolFacts[]) {
  return evaluateRuleSet(rules, YEAR, schools, TEST_INDICATORS);
}

function only(rules: ReturnType<typeof ruleSet>, schools: SchoolFacts[]) {
  return run(rules, schools).schools.map((s) => s.criteria[0]);
}

describe("threshold criterion, run year", () => {
  const rules = ruleSet({
    criteria: [{ id: "c", kind: "threshold", indicatorCode: "math_fail", op: ">=", value: 0.2 }],
  });

  it("meets a value above the threshold and explains it in Russian", () => {
    const [result] = only(rules, [school(1, { math_fail: { [YEAR]: 0.31 } })]);
    expect(result).toEqual({
      criterionId: "c",
      indicatorCode: "math_fail",
      value: 0.31,
      threshold: 0.2,
      yearsUsed: [YEAR],
      verdict: "met",
      sentence:
        "доля выпускников, не преодолевших минимальный порог ЕГЭ по математике, — 0,31 при пороге 0,20",
    });
  });

  it("counts a tie at the threshold as met for >= (also after float rounding) and not met for >", () => {
    const tied = school(1, { math_fail: { [YEAR]: 0.1 + 0.1 } });
    const rounded = school(2, { math_fail: { [YEAR]: 0.19999999999999998 } });
    expect(only(rules, [tied, rounded]).map((r) => r?.verdict)).toEqual(["met", "met"]);
    const strict = ruleSet({
      criteria: [{ id: "c", kind: "threshold", indicatorCode: "math_fail", op: ">", value: 0.2 }],
    });
    expect(only(strict, [tied]).map((r) => r?.verdict)).toEqual(["not_met"]);
  });

  it("does not meet a value below and says nothing", () => {
    const [result] = only(rules, [school(1, { math_fail: { [YEAR]: 0.19 } })]);
    expect(result?.verdict).toBe("not_met");
    expect(result?.sentence).toBeNull();
  });

  it("gives no_data when the run year is missing, even with other years present", () => {
    const evaluation = run(rules, [school(1, { math_fail: { [YEAR - 1]: 0.9 } })]);
    expect(evaluation.schools[0]).toMatchObject({ status: "insufficient_data", reason: "no_data" });
    expect(evaluation.schools[0]?.criteria[0]?.verdict).toBe("no_data");
  });
});

describe("bottom_percent criterion", () => {
  it("takes the worst ⌈n·p/100⌉ schools of a higher-is-better indicator, ties with the boundary included", () => {
    // 10 schools with means 41..50; bottom 20% is ⌈2⌉ = 2 schools: 41 and 42; a second 42 ties in.
    const schools = Array.from({ length: 10 }, (_, i) => school(i + 1, { math_mean: { [YEAR]: 41 + i } }));
    const rules = ruleSet({
      criteria: [{ id: "c", kind: "bottom_percent", indicatorCode: "math_mean", percent: 20 }],
    });
    const verdicts = only(rules, schools).map((r) => r?.verdict);
    expect(verdicts.filter((v) => v === "met")).toHaveLength(2);
    expect(verdicts.slice(0, 3)).toEqual(["met", "met", "not_met"]);
    const tie = [...schools, school(11, { math_mean: { [YEAR]: 42 } })];
    // 11 schools: ⌈2,2⌉ = 3; boundary is the 3rd worst = 42 → 41, 42, 42 met.
    const results = only(rules, tie);
    expect(results.filter((r) => r?.verdict === "met").map((r) => r?.value)).toEqual([41, 42, 42]);
    expect(results[0]?.threshold).toBe(42);
    expect(results[0]?.sentence).toBe(
      "средний балл ЕГЭ по математике — в нижних 20% региона: 41,0 при границе 42,0",
    );
  });

  it("takes the highest values of a lower-is-better indicator", () => {
    const values = [0.05, 0.1, 0.4, 0.2];
    const schools = values.map((v, i) => school(i + 1, { math_fail: { [YEAR]: v } }));
    const rules = ruleSet({
      criteria: [{ id: "c", kind: "bottom_percent", indicatorCode: "math_fail", percent: 25 }],
    });
    expect(only(rules, schools).map((r) => r?.verdict)).toEqual(["not_met", "not_met", "met", "not_met"]);
  });

  it("leaves schools without a value out of the distribution", () => {
    const schools = [
      school(1, { math_mean: { [YEAR]: 30 } }),
      school(2, { math_mean: { [YEAR]: 60 } }),
      school(3, {}),
      school(4, {}),
    ];
    const rules = ruleSet({
      criteria: [{ id: "c", kind: "bottom_percent", indicatorCode: "math_mean", percent: 50 }],
    });
    // n = 2 with values, so ⌈1⌉ = 1 school.
    expect(only(rules, schools).map((r) => r?.verdict)).toEqual(["met", "not_met", "no_data", "no_data"]);
  });
});

describe("below_mean_sd criterion", () => {
  // Values 2,4,4,4,5,5,7,9: mean 5, population SD 2.
  const values = [2, 4, 4, 4, 5, 5, 7, 9];
  const schools = values.map((v, i) => school(i + 1, { math_mean: { [YEAR]: v } }));

  it("meets values worse than mean − k·SD (boundary 3 for k = 1)", () => {
    const rules = ruleSet({
      criteria: [{ id: "c", kind: "below_mean_sd", indicatorCode: "math_mean", sd: 1 }],
    });
    const results = only(rules, schools);
    expect(results.map((r) => r?.verdict === "met")).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(results[0]?.threshold).toBe(3);
    expect(results[0]?.sentence).toBe(
      "средний балл ЕГЭ по математике — 2,0, ниже среднего по региону на 1,5 стандартного отклонения",
    );
  });

  it("includes a value exactly at the boundary (k = 0.5 → boundary 4)", () => {
    const rules = ruleSet({
      criteria: [{ id: "c", kind: "below_mean_sd", indicatorCode: "math_mean", sd: 0.5 }],
    });
    expect(
      only(rules, schools)
        .filter((r) => r?.verdict === "met")
        .map((r) => r?.value),
    ).toEqual([2, 4, 4, 4]);
  });

  it("flags nobody when every school has the same value", () => {
    const flat = [1, 2, 3].map((id) => school(id, { math_mean: { [YEAR]: 50 } }));
    const rules = ruleSet({
      criteria: [{ id: "c", kind: "below_mean_sd", indicatorCode: "math_mean", sd: 0.1 }],
    });
    expect(only(rules, flat).every((r) => r?.verdict === "not_met")).toBe(true);
  });
});
