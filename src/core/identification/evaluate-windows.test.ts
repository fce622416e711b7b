import { describe, expect, it } from "vitest";
import { evaluateRuleSet } from "./evaluate";
import { ruleSet, school, TEST_INDICATORS } from "./test-fixtures";
import type { SchoolFacts } from "./types";

const Y = 2023;

function first(rules: ReturnType<typeof ruleSet>, schools: SchoolFacts[]) {
  return evaluateRuleSet(rules, Y, schools, TEST_INDICATORS).schools.map((s) => s.criteria[0]);
}

describe("k_of_n window (2 of the last 3 years, share ≥ 0,20)", () => {
  const rules = ruleSet({
    criteria: [
      {
        id: "c",
        kind: "threshold",
        indicatorCode: "math_fail",
        op: ">=",
        value: 0.2,
        window: { kind: "k_of_n", k: 2, n: 3 },
      },
    ],
  });

  it("says «третий год подряд» when all three years hold", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2021: 0.25, 2022: 0.2, 2023: 0.31 } })]);
    expect(r?.verdict).toBe("met");
    expect(r?.yearsUsed).toEqual([2021, 2022, 2023]);
    expect(r?.sentence).toBe(
      "доля выпускников, не преодолевших минимальный порог ЕГЭ по математике, — 0,31 при пороге 0,20, третий год подряд",
    );
  });

  it("says «в 2 из 3 последних лет» when the years are not consecutive, and reports the latest met year", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2021: 0.25, 2022: 0.3, 2023: 0.1 } })]);
    expect(r).toMatchObject({ verdict: "met", value: 0.3 });
    expect(r?.sentence).toBe(
      "доля выпускников, не преодолевших минимальный порог ЕГЭ по математике, — 0,30 в 2022 г. при пороге 0,20, в 2 из 3 последних лет",
    );
  });

  it("counts a missing middle year as not met but still decides on the other two", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2021: 0.25, 2023: 0.3 } })]);
    expect(r).toMatchObject({ verdict: "met", yearsUsed: [2021, 2023] });
    expect(r?.sentence).toContain("в 2 из 3 последних лет");
  });

  it("is not met with two years of data and one hit", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2022: 0.1, 2023: 0.3 } })]);
    expect(r?.verdict).toBe("not_met");
  });

  it("gives no_data with fewer than k years of data, however bad the one year is", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2023: 0.9 } })]);
    expect(r?.verdict).toBe("no_data");
  });

  it("ignores years outside the window", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2019: 0.9, 2020: 0.9, 2023: 0.1, 2022: 0.1 } })]);
    expect(r?.verdict).toBe("not_met");
  });
});

describe("mean_of_n window (mean of 3 years ≥ 0,20)", () => {
  const rules = ruleSet({
    criteria: [
      {
        id: "c",
        kind: "threshold",
        indicatorCode: "math_fail",
        op: ">=",
        value: 0.2,
        window: { kind: "mean_of_n", n: 3 },
      },
    ],
  });

  it("meets a mean exactly at the threshold", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2021: 0.1, 2022: 0.2, 2023: 0.3 } })]);
    expect(r?.verdict).toBe("met");
    expect(r?.value).toBeCloseTo(0.2, 12);
    expect(r?.sentence).toBe(
      "доля выпускников, не преодолевших минимальный порог ЕГЭ по математике: среднее за 3 года — 0,20 при пороге 0,20",
    );
  });

  it("averages the years present when at least ⌈n/2⌉ = 2 of them have data", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2021: 0.1, 2023: 0.4 } })]);
    expect(r).toMatchObject({ verdict: "met", yearsUsed: [2021, 2023] });
    expect(r?.value).toBeCloseTo(0.25, 12);
  });

  it("gives no_data with one year of three", () => {
    const [r] = first(rules, [school(1, { math_fail: { 2023: 0.9 } })]);
    expect(r?.verdict).toBe("no_data");
  });

  it("ranks schools by their means for a position criterion", () => {
    const position = ruleSet({
      criteria: [
        {
          id: "c",
          kind: "bottom_percent",
          indicatorCode: "math_mean",
          percent: 50,
          window: { kind: "mean_of_n", n: 2 },
        },
      ],
    });
    // Means: 55, 45 (50+40), 60 → bottom 50% of 3 is ⌈1,5⌉ = 2 schools: 45 and 55.
    const results = first(position, [
      school(1, { math_mean: { 2022: 50, 2023: 60 } }),
      school(2, { math_mean: { 2022: 50, 2023: 40 } }),
      school(3, { math_mean: { 2022: 60, 2023: 60 } }),
    ]);
    expect(results.map((r) => r?.verdict)).toEqual(["met", "met", "not_met"]);
    expect(results[1]?.threshold).toBe(55);
  });
});

describe("trend window (mean ЕГЭ score < 50 and falling over 3 years)", () => {
  const criterion = {
    id: "c",
    kind: "threshold" as const,
    indicatorCode: "math_mean",
    op: "<" as const,
    value: 50,
  };
  const rules = ruleSet({ criteria: [{ ...criterion, window: { kind: "trend", n: 3 } }] });

  it("meets a low and falling result, slope −7,5 a year", () => {
    const [r] = first(rules, [school(1, { math_mean: { 2021: 60, 2022: 55, 2023: 45 } })]);
    expect(r?.verdict).toBe("met");
    expect(r?.sentence).toBe(
      "средний балл ЕГЭ по математике — 45,0 при пороге 50,0, ухудшение второй год подряд",
    );
  });

  it("does not meet a low but rising result", () => {
    const [r] = first(rules, [school(1, { math_mean: { 2021: 40, 2022: 42, 2023: 45 } })]);
    expect(r?.verdict).toBe("not_met");
  });

  it("does not meet a falling result that is not below the threshold", () => {
    const [r] = first(rules, [school(1, { math_mean: { 2021: 80, 2022: 70, 2023: 60 } })]);
    expect(r?.verdict).toBe("not_met");
  });

  it("requires at least minSlope of worsening a year (7,5 < 10)", () => {
    const steep = ruleSet({ criteria: [{ ...criterion, window: { kind: "trend", n: 3, minSlope: 10 } }] });
    const [r] = first(steep, [school(1, { math_mean: { 2021: 60, 2022: 55, 2023: 45 } })]);
    expect(r?.verdict).toBe("not_met");
  });

  it("treats a flat series as no worsening", () => {
    const [r] = first(rules, [school(1, { math_mean: { 2021: 45, 2022: 45, 2023: 45 } })]);
    expect(r?.verdict).toBe("not_met");
  });

  it("gives no_data with a missing year (needs min(n, 3) years) or without the run year", () => {
    const results = first(rules, [
      school(1, { math_mean: { 2021: 60, 2023: 45 } }),
      school(2, { math_mean: { 2020: 70, 2021: 60, 2022: 55 } }),
    ]);
    expect(results.map((r) => r?.verdict)).toEqual(["no_data", "no_data"]);
  });
});
