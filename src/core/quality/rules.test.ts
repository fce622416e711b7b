import { describe, expect, it } from "vitest";
import { checkPreviousYearComparison, sentencesOf } from "./comparison";
import { findMissingIndicators, findRepeatedDeficiencies } from "./monitoring-records";
import { findUnlinkedRecommendations } from "./recommendations";
import { duplicateSentence, noComparisonSentence, unlinkedRecommendationSentence } from "./sentences";

describe("rule (e): results with no comparison to the previous year", () => {
  it("flags result figures with no comparison and quotes the sentence", () => {
    const text = "1. Итоги года.\nСредний балл ЕГЭ по русскому языку составил 61,2. Проведено 12 семинаров.";
    const check = checkPreviousYearComparison(text, 2019);
    expect(check.resultSentences).toEqual(["Средний балл ЕГЭ по русскому языку составил 61,2."]);
    expect(check.isFlagged).toBe(true);
  });

  it.each([
    "Средний балл ЕГЭ составил 61,2, по сравнению с прошлым годом выше.",
    "Средний балл ЕГЭ составил 61,2 (в 2018 году — 58,0).",
    "Доля успевающих выросла с 85 до 91 %.",
    "Качество знаний 43 %, в прошлом году было 40 %.",
    "Успеваемость 97 %; положительная динамика.",
  ])("does not flag a comparison: %s", (text) => {
    expect(checkPreviousYearComparison(text, 2019).isFlagged).toBe(false);
  });

  it("does not count years and list numbers as result figures", () => {
    expect(
      checkPreviousYearComparison("2. Результаты ЕГЭ 2019 года обсуждены на совещании.", 2019).isFlagged,
    ).toBe(false);
    expect(checkPreviousYearComparison("Проведено 12 семинаров и 3 вебинара.", 2019).isFlagged).toBe(false);
  });

  it("splits sentences at stops and line breaks", () => {
    expect(sentencesOf("Раз. Два!\nТри; четыре")).toEqual(["Раз.", "Два!", "Три;", "четыре"]);
  });
});

describe("rule (c): recommendations tied to nothing", () => {
  it("finds the recommendations with no indicator and no cause, numbered from 1", () => {
    const found = findUnlinkedRecommendations([
      { text: "Повысить долю учителей с курсами", indicatorCodes: ["teachers_trained"], causeIds: [] },
      { text: "Усилить работу", indicatorCodes: [], causeIds: [] },
      { text: "Снизить нагрузку", indicatorCodes: [], causeIds: [7] },
    ]);
    expect(found).toEqual([{ number: 2, text: "Усилить работу" }]);
    expect(unlinkedRecommendationSentence({ report: "МОЦ г. Смоленска, 2019", ...found[0]! })).toBe(
      "Рекомендация № 2 «Усилить работу» в отчёте «МОЦ г. Смоленска, 2019» не связана ни с одним показателем и ни с одной подтверждённой причиной.",
    );
  });
});

describe("rule (b): template indicators missing from a report", () => {
  it("lists per report the indicators with no record or no value", () => {
    const template = [
      { code: "i1", label: "Наличие программы" },
      { code: "i2", label: "Партнёрство" },
      { code: "i3", label: "Проектная деятельность" },
    ];
    const found = findMissingIndicators({
      template,
      reports: [
        { schoolId: 1, year: 2019 },
        { schoolId: 2, year: 2019 },
      ],
      records: [
        { schoolId: 1, year: 2019, indicatorCode: "i1", value: true },
        { schoolId: 1, year: 2019, indicatorCode: "i2", value: null },
        { schoolId: 1, year: 2018, indicatorCode: "i3", value: 1 },
        { schoolId: 2, year: 2019, indicatorCode: "i1", value: 1 },
        { schoolId: 2, year: 2019, indicatorCode: "i2", value: "есть" },
        { schoolId: 2, year: 2019, indicatorCode: "i3", value: 0 },
      ],
    });
    expect(found).toEqual([{ schoolId: 1, year: 2019, missing: [template[1], template[2]] }]);
  });
});

describe("rule (d): a gross deficiency repeated with no decision", () => {
  const noProjects = {
    indicatorCode: "projects",
    label: "нет проектной деятельности",
    isDeficient: (v: unknown) => v === 0,
  };
  const records = [
    { schoolId: 1, year: 2018, indicatorCode: "projects", value: 0 },
    { schoolId: 1, year: 2019, indicatorCode: "projects", value: 0 },
    { schoolId: 2, year: 2018, indicatorCode: "projects", value: 0 },
    { schoolId: 2, year: 2019, indicatorCode: "projects", value: 2 },
    { schoolId: 3, year: 2018, indicatorCode: "projects", value: 0 },
    { schoolId: 3, year: 2019, indicatorCode: "projects", value: 0 },
    { schoolId: 4, year: 2019, indicatorCode: "projects", value: 0 },
  ];

  it("flags the second deficient year unless a decision is recorded for either year", () => {
    const found = findRepeatedDeficiencies({
      year: 2019,
      deficiencies: [noProjects],
      records,
      decisions: [
        { schoolId: 3, year: 2018, decision: "Продолжить работу по программе, назначить куратора проектов" },
        { schoolId: 1, year: 2017, decision: "Старое решение" },
      ],
    });
    expect(found).toEqual([
      { schoolId: 1, year: 2019, indicatorCode: "projects", label: "нет проектной деятельности" },
    ]);
  });
});

describe("sentences", () => {
  it("says the pair, the score and the passages", () => {
    expect(duplicateSentence({ a: "МОЦ А, 2019", b: "МОЦ Б, 2019", score: 0.874, passages: 3 })).toBe(
      "Текст «МОЦ А, 2019» совпадает с текстом «МОЦ Б, 2019» на 87\u00a0% (оценка MinHash по фрагментам из 5 слов); общих фрагментов: 3. Возможно копирование сведений из одного отчёта в другой.",
    );
    expect(noComparisonSentence({ report: "R", year: 2019, example: "Балл 60." })).toContain("с 2018 годом");
  });
});
