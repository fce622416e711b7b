import { describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "../indicators";
import { evaluateRuleSet, previewCounts, ruleSetYears, unknownIndicatorCodes } from "./evaluate";
import { PRELOADED_RULE_SETS } from "./preloaded";
import { ruleSet, school, TEST_INDICATORS } from "./test-fixtures";

const Y = 2023;

describe("multi_threshold criterion (Rosobrnadzor risk indicator)", () => {
  const rules = ruleSet({
    category: "risk",
    criteria: [
      {
        id: "risk",
        kind: "multi_threshold",
        indicatorCodes: ["math_fail", "rus_fail", "oge_fail"],
        op: ">=",
        value: 0.3,
        minCount: 2,
        orSameTwoYears: true,
      },
    ],
  });
  const evaluate = (...schools: Parameters<typeof school>[1][]) =>
    evaluateRuleSet(
      rules,
      Y,
      schools.map((values, i) => school(i + 1, values)),
      TEST_INDICATORS,
    ).schools;

  it("meets two procedures at ≥ 30% in the year (ties included) and lists them", () => {
    const [s] = evaluate({ math_fail: { [Y]: 0.31 }, rus_fail: { [Y]: 0.1 }, oge_fail: { [Y]: 0.3 } });
    expect(s?.status).toBe("flagged");
    expect(s?.criteria[0]).toMatchObject({
      verdict: "met",
      indicatorCode: "math_fail",
      value: 0.31,
      threshold: 0.3,
    });
    expect(s?.criteria[0]?.sentence).toBe(
      "по 2 показателям из 3 значение не ниже порога 0,30: доля выпускников, не преодолевших минимальный порог ЕГЭ по математике, — 0,31; доля участников ОГЭ ниже порога — 0,30",
    );
  });

  it("meets the same procedure two years running", () => {
    const [s] = evaluate({ rus_fail: { [Y - 1]: 0.3, [Y]: 0.4 } });
    expect(s?.criteria[0]).toMatchObject({
      verdict: "met",
      indicatorCode: "rus_fail",
      yearsUsed: [Y - 1, Y],
    });
    expect(s?.criteria[0]?.sentence).toBe(
      "доля участников ЕГЭ по русскому языку ниже порога — 0,40 при пороге 0,30, второй год подряд",
    );
  });

  it("does not meet one procedure in one year, or two different procedures in two years", () => {
    const results = evaluate(
      { math_fail: { [Y]: 0.5 }, rus_fail: { [Y]: 0.29 } },
      { math_fail: { [Y - 1]: 0.5, [Y]: 0.1 }, rus_fail: { [Y]: 0.5 } },
      { math_fail: { [Y - 1]: 0.299, [Y]: 0.5 } },
      { math_fail: { [Y]: 0.5 } },
    );
    expect(results.map((s) => s.status)).toEqual([
      "not_flagged",
      "not_flagged",
      "not_flagged",
      "not_flagged",
    ]);
  });

  it("gives no_data when the school has none of the procedures in the year", () => {
    const [s] = evaluate({ math_fail: { [Y - 1]: 0.9 } });
    expect(s).toMatchObject({ status: "insufficient_data", reason: "no_data" });
  });

  it("needs the year before as well: ruleSetYears covers it", () => {
    expect(ruleSetYears(rules, Y)).toEqual([Y - 1, Y]);
  });
});

describe("minimum group size", () => {
  const rules = ruleSet({
    minStudents: 10,
    criteria: [{ id: "c", kind: "bottom_percent", indicatorCode: "math_mean", percent: 50 }],
  });

  it("never flags a school below the minimum or of unknown size, and leaves it out of the distribution", () => {
    const schools = [
      school(1, { math_mean: { [Y]: 10 } }, { students: 9 }),
      school(2, { math_mean: { [Y]: 10 } }, { students: null }),
      school(3, { math_mean: { [Y]: 40 } }, { students: 10 }),
      school(4, { math_mean: { [Y]: 60 } }, { students: 500 }),
    ];
    const results = evaluateRuleSet(rules, Y, schools, TEST_INDICATORS).schools;
    expect(results.map((s) => [s.status, s.reason])).toEqual([
      ["insufficient_data", "small_school"],
      ["insufficient_data", "small_school"],
      ["flagged", null],
      ["not_flagged", null],
    ]);
    expect(results[0]?.criteria).toEqual([]);
    // Distribution of 2 eligible schools (40, 60): boundary 40, not 10.
    expect(results[2]?.criteria[0]?.threshold).toBe(40);
  });
});

describe("combination of criteria", () => {
  const criteria = [
    { id: "a", kind: "threshold" as const, indicatorCode: "math_fail", op: ">=" as const, value: 0.2 },
    { id: "b", kind: "threshold" as const, indicatorCode: "rus_fail", op: ">=" as const, value: 0.2 },
    { id: "c", kind: "threshold" as const, indicatorCode: "oge_fail", op: ">=" as const, value: 0.2 },
  ];
  const schools = [
    school(1, { math_fail: { [Y]: 0.5 }, rus_fail: { [Y]: 0.5 }, oge_fail: { [Y]: 0.5 } }),
    school(2, { math_fail: { [Y]: 0.5 }, rus_fail: { [Y]: 0.5 }, oge_fail: { [Y]: 0.1 } }),
    school(3, { math_fail: { [Y]: 0.5 }, rus_fail: { [Y]: 0.1 }, oge_fail: { [Y]: 0.1 } }),
    school(4, { math_fail: { [Y]: 0.1 }, rus_fail: { [Y]: 0.1 }, oge_fail: { [Y]: 0.1 } }),
    school(5, { math_fail: { [Y]: 0.5 }, rus_fail: { [Y]: 0.5 } }),
  ];
  const statuses = (combine: Parameters<typeof ruleSet>[0]["combine"]) =>
    evaluateRuleSet(ruleSet({ combine, criteria }), Y, schools, TEST_INDICATORS).schools.map((s) =>
      s.status === "flagged" ? s.code : "-",
    );

  it("all: every criterion met; a missing criterion is not met", () => {
    expect(statuses({ kind: "all" })).toEqual(["S1", "-", "-", "-", "-"]);
  });
  it("any: one criterion is enough", () => {
    expect(statuses({ kind: "any" })).toEqual(["S1", "S2", "S3", "-", "S5"]);
  });
  it("at_least 2", () => {
    expect(statuses({ kind: "at_least", k: 2 })).toEqual(["S1", "S2", "-", "-", "S5"]);
  });

  it("preview counts what each criterion catches", () => {
    const rules = ruleSet({ combine: { kind: "at_least", k: 2 }, criteria });
    const preview = previewCounts(
      evaluateRuleSet(rules, Y, schools, TEST_INDICATORS, { withSentences: false }),
      ["a", "b", "c"],
    );
    expect(preview).toEqual({
      year: Y,
      schools: 5,
      flagged: 3,
      notFlagged: 2,
      insufficientData: 0,
      criteria: [
        { criterionId: "a", met: 4, notMet: 1, noData: 0 },
        { criterionId: "b", met: 3, notMet: 2, noData: 0 },
        { criterionId: "c", met: 1, notMet: 3, noData: 1 },
      ],
    });
  });

  it("rejects a rule set that names an unknown indicator", () => {
    const bad = ruleSet({
      criteria: [{ id: "x", kind: "threshold", indicatorCode: "nope", op: ">=", value: 0.2 }],
    });
    expect(() => evaluateRuleSet(bad, Y, schools, TEST_INDICATORS)).toThrow(/nope/);
  });
});

describe("preloaded rule sets", () => {
  it("use only catalogue indicators", () => {
    for (const { ruleSet: rules } of PRELOADED_RULE_SETS) {
      expect(unknownIndicatorCodes(rules, INDICATOR_CATALOGUE)).toEqual([]);
    }
  });

  it("Rosobrnadzor flags ОГЭ math at 30% two years running, and not at 29%", () => {
    const risk = PRELOADED_RULE_SETS.find((p) => p.key === "rosobrnadzor_risk")?.ruleSet;
    if (!risk) throw new Error("missing");
    const schools = [
      school(1, { oge_math_below_min_share: { [Y - 1]: 0.3, [Y]: 0.35 } }),
      school(2, { oge_math_below_min_share: { [Y - 1]: 0.29, [Y]: 0.35 } }),
      school(3, { ege_math_below_min_share: { [Y]: 0.3 }, oge_rus_below_min_share: { [Y]: 0.3 } }),
    ];
    const evaluation = evaluateRuleSet(risk, Y, schools, INDICATOR_CATALOGUE);
    expect(evaluation.riskFlag).toBe("Риск низких результатов (Рособрнадзор)");
    expect(evaluation.schools.map((s) => s.status)).toEqual(["flagged", "not_flagged", "flagged"]);
  });

  it("Smolensk ШНРО needs two criteria: ЕГЭ maths failures 2 of 3 years plus no certificates", () => {
    const shnro = PRELOADED_RULE_SETS.find((p) => p.key === "smolensk_shnro")?.ruleSet;
    if (!shnro) throw new Error("missing");
    const bad = {
      ege_math_below_min_share: { 2021: 0.25, 2022: 0.1, 2023: 0.22 },
      no_certificate_share: { 2023: 0.06 },
    };
    const onlyOne = {
      ege_math_below_min_share: { 2021: 0.25, 2022: 0.1, 2023: 0.22 },
      no_certificate_share: { 2023: 0.01 },
    };
    const evaluation = evaluateRuleSet(
      shnro,
      Y,
      [school(1, bad), school(2, onlyOne), school(3, bad, { students: 8 })],
      INDICATOR_CATALOGUE,
    );
    expect(evaluation.schools.map((s) => s.status)).toEqual(["flagged", "not_flagged", "insufficient_data"]);
    expect(evaluation.schools[0]?.criteria.filter((c) => c.sentence).map((c) => c.sentence)).toEqual([
      "доля участников ЕГЭ по математике (профильный уровень), не преодолевших минимальный порог, — 0,22 при пороге 0,20, в 2 из 3 последних лет",
      expect.stringContaining("— 0,06 при пороге 0,05"),
    ]);
  });
});
