import { describe, expect, it } from "vitest";
import { getIndicatorByCode } from "../indicators/catalogue";
import { isFactorCode } from "./factors.data";
import { PRELOADED_INDICATOR_RULES } from "./indicator-rules.data";
import { thresholdLevel, thresholdSchema } from "./threshold";

describe("indicator evidence rules", () => {
  it("use catalogue indicators and factors, worse in the direction the catalogue says", () => {
    for (const rule of PRELOADED_INDICATOR_RULES) {
      const indicator = getIndicatorByCode(rule.indicatorCode);
      expect(isFactorCode(rule.factorCode), rule.factorCode).toBe(true);
      const expected = indicator.direction === "lower_better" ? "higher" : "lower";
      expect(rule.threshold.worseWhen, rule.indicatorCode).toBe(expected);
      for (const boundary of [rule.threshold.medium, rule.threshold.high]) {
        if (boundary === undefined) continue;
        expect(boundary, rule.indicatorCode).toBeGreaterThanOrEqual(indicator.min);
        expect(boundary, rule.indicatorCode).toBeLessThanOrEqual(indicator.max);
      }
    }
  });

  it("tie the indicators the brief names to their factors", () => {
    const pairs = PRELOADED_INDICATOR_RULES.map((rule) => `${rule.indicatorCode} → ${rule.factorCode}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        "teacher_vacancies → teacher_shortage",
        "prevention_register_share → students_at_risk",
        "ege_math_below_min_share → students_at_risk",
        "ege_rus_below_min_share → students_at_risk",
        "oge_math_below_min_share → students_at_risk",
        "oge_rus_below_min_share → students_at_risk",
        "no_certificate_share → students_at_risk",
        "teachers_trained_share → no_inschool_development",
        "teachers_pension_age_share → young_teachers_needed",
        "has_psychologist → poor_school_climate",
        "has_psychologist → students_at_risk",
        "non_native_russian_share → language_cultural_barriers",
        "disadvantaged_families_share → low_parental_involvement",
        "parents_higher_education_share → low_parental_involvement",
        "methodical_events → weak_subject_methodical_competence",
      ]),
    );
  });
});

describe("threshold scoring", () => {
  it("reaches high and medium on either side, ties included", () => {
    const vacancies = { worseWhen: "higher", medium: 1, high: 2 } as const;
    expect([0, 1, 2, 3].map((value) => thresholdLevel(value, vacancies))).toEqual([
      "low",
      "medium",
      "high",
      "high",
    ]);
    const trained = { worseWhen: "lower", medium: 0.7, high: 0.5 } as const;
    expect([0.9, 0.7, 0.6, 0.5, 0.1 + 0.4].map((value) => thresholdLevel(value, trained))).toEqual([
      "low",
      "medium",
      "medium",
      "high",
      "high",
    ]);
    expect(thresholdLevel(0, { worseWhen: "lower", high: 0 })).toBe("high");
    expect(thresholdLevel(1, { worseWhen: "lower", high: 0 })).toBe("low");
  });

  it("refuses thresholds that are missing or in the wrong order", () => {
    const messages = (input: unknown) =>
      thresholdSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ worseWhen: "higher" })).toEqual(["Укажите хотя бы один порог: средний или высокий"]);
    expect(messages({ worseWhen: "higher", medium: 3, high: 2 })).toEqual([
      "Средний порог должен быть не больше высокого",
    ]);
    expect(messages({ worseWhen: "lower", medium: 0.5, high: 0.7 })).toEqual([
      "Средний порог должен быть не меньше высокого",
    ]);
  });
});
