import { describe, expect, it } from "vitest";
import { RISK_FACTORS } from "./factors.data";
import { PRELOADED_INDICATOR_RULES } from "./indicator-rules.data";
import { combineContributions } from "./risk-combine";
import { computeRiskProfile, type FactorRisk, type RiskProfileInput } from "./risk-profile";
import { PRELOADED_WORKBOOK } from "./workbook.data";

function profile(partial: Partial<RiskProfileInput>) {
  return computeRiskProfile({
    factors: RISK_FACTORS,
    workbook: PRELOADED_WORKBOOK,
    answers: {},
    indicatorRules: PRELOADED_INDICATOR_RULES,
    values: [],
    ...partial,
  });
}

function factor(result: ReturnType<typeof profile>, code: string): FactorRisk {
  const found = result.factors.find((item) => item.factorCode === code);
  if (!found) throw new Error(code);
  return found;
}

describe("combination rule", () => {
  it.each([
    // contributions → level, score (hand-checked means)
    [[1], "high", 1, false],
    [[1, 0.5], "high", 0.75, false],
    [[0.6], "high", 0.6, false],
    [[0.5, 0.5], "medium", 0.5, false],
    [[1, 0, 0], "medium", 1 / 3, false],
    [[0.2, 0.4], "medium", 0.3, false],
    [[1, 0, 0, 0], "medium", 0.25, true],
    [[0.5, 0, 0], "low", 1 / 6, false],
    [[0.25, 0], "low", 0.125, false],
  ] as const)("%j → %s", (contributions, level, score, isRaised) => {
    const combined = combineContributions(contributions);
    expect(combined.level).toBe(level);
    expect(combined.score).toBeCloseTo(score, 12);
    expect(combined.isRaised).toBe(isRaised);
  });

  it("gives no_data, not low, without evidence", () => {
    expect(combineContributions([])).toEqual({ level: "no_data", score: null, isRaised: false });
  });
});

describe("risk profile", () => {
  it("has every factor in catalogue order, all without data when nothing is known", () => {
    const result = profile({});
    expect(result.factors.map((item) => item.factorCode)).toEqual(RISK_FACTORS.map((item) => item.code));
    expect(result.counts).toEqual({ high: 0, medium: 0, low: 0, no_data: 16 });
    expect(factor(result, "teacher_burnout")).toMatchObject({
      level: "no_data",
      score: null,
      evidence: [],
      summary: "Нет данных: ни ответов, ни значений показателей",
    });
  });

  it("explains an answer in a sentence naming the question", () => {
    const development = factor(
      profile({ answers: { courses_three_years: "none" } }),
      "no_inschool_development",
    );
    expect(development.level).toBe("high");
    expect(development.evidence).toEqual([
      {
        kind: "answer",
        questionCode: "courses_three_years",
        questionNumber: "2.4",
        answerText: "никто",
        contribution: 1,
        level: "high",
        sentence: "Учителя не проходили курсы за три года (ответ на вопрос 2.4) — высокий риск",
      },
    ]);
    expect(development.summary).toBe("Высокий риск: оценка 1,00 по 1 признаку");
  });

  it("explains a value in a sentence with the indicator's name and year, using the latest year", () => {
    const shortage = factor(
      profile({
        values: [
          { indicatorCode: "teacher_vacancies", year: 2024, value: 0 },
          { indicatorCode: "teacher_vacancies", year: 2025, value: 3 },
        ],
      }),
      "teacher_shortage",
    );
    expect(shortage.evidence).toHaveLength(1);
    expect(shortage.evidence[0]).toMatchObject({ kind: "indicator", year: 2025, value: 3, contribution: 1 });
    expect(shortage.evidence[0]?.sentence).toBe(
      "Вакансий учителей — 3 (показатель «Количество вакансий учителей и педагогических работников», 2025) — высокий риск",
    );
  });

  it("does not count missing answers as zeros", () => {
    // Teacher burnout has three questions; only one is answered, with 5 of 5.
    const burnout = factor(profile({ answers: { fatigue: 5 } }), "teacher_burnout");
    expect(burnout).toMatchObject({ level: "high", score: 1 });
    expect(burnout.evidence).toHaveLength(1);
  });

  it("combines answers and values: mean, then a single high item keeps the level at medium", () => {
    // students_at_risk: individual routes yes (0), truancy rarely (0), psychologist yes (0),
    // ЕГЭ mathematics below minimum 0,31 (high, 1) → mean 0,25, raised to medium.
    const risk = factor(
      profile({
        answers: { individual_routes: true, truancy: "rarely", psychologist: true },
        values: [{ indicatorCode: "ege_math_below_min_share", year: 2025, value: 0.31 }],
      }),
      "students_at_risk",
    );
    expect(risk.evidence.map((item) => item.contribution)).toEqual([0, 0, 0, 1]);
    expect(risk).toMatchObject({ level: "medium", score: 0.25, isRaised: true });
    expect(risk.evidence[3]?.sentence).toBe(
      "Доля не преодолевших порог ЕГЭ по математике — 0,31 (показатель «Доля участников ЕГЭ по математике (профильный уровень), не преодолевших минимальный порог», 2025) — высокий риск",
    );
    expect(risk.summary).toBe(
      "Средний риск: оценка 0,25 по 4 признакам; уровень поднят до среднего: один из признаков — высокого риска",
    );
  });

  it("counts one answer for each factor its question is tied to", () => {
    const result = profile({ answers: { common_criteria: false } });
    expect(factor(result, "weak_assessment_competence").level).toBe("high");
    expect(factor(result, "internal_external_mismatch").evidence[0]?.sentence).toBe(
      "У учителей нет единых критериев оценивания письменных работ (ответ на вопрос 1.6) — высокий риск",
    );
  });

  it("words a low-risk answer with no finding from the question", () => {
    const workload = factor(profile({ answers: { weekly_hours: 20 } }), "high_teacher_workload");
    expect(workload.evidence[0]?.sentence).toBe(
      "Какова средняя недельная нагрузка учителя, часов (ставка — 18 часов): 20 ч (ответ на вопрос 2.7) — низкий риск",
    );
    expect(workload.level).toBe("low");
  });

  it("shows a yes/no indicator in words and text answers as unscored notes", () => {
    const result = profile({
      answers: { parent_work: "Собрания в форме круглого стола" },
      values: [{ indicatorCode: "has_psychologist", year: 2025, value: 0 }],
    });
    const climate = factor(result, "poor_school_climate");
    expect(climate.evidence[0]?.sentence).toBe(
      "Педагог-психолог в школе — нет (показатель «Наличие в ОО педагога-психолога», 2025) — высокий риск",
    );
    const parents = factor(result, "low_parental_involvement");
    expect(parents.level).toBe("no_data");
    expect(parents.notes).toEqual([
      {
        questionCode: "parent_work",
        questionNumber: "6.6",
        question: "Какие формы работы с родителями дали результат, а какие нет?",
        text: "Собрания в форме круглого стола",
      },
    ]);
  });

  it("ignores answers that do not fit their question and works without a workbook", () => {
    expect(factor(profile({ answers: { fatigue: 9 } }), "teacher_burnout").level).toBe("no_data");
    const noWorkbook = profile({
      workbook: null,
      answers: { fatigue: 5 },
      values: [{ indicatorCode: "teachers_trained_share", year: 2025, value: 0.6 }],
    });
    expect(factor(noWorkbook, "teacher_burnout").level).toBe("no_data");
    expect(factor(noWorkbook, "no_inschool_development")).toMatchObject({ level: "medium", score: 0.5 });
  });
});
