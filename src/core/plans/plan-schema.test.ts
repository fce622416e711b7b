import { describe, expect, it } from "vitest";
import { shortenText } from "../causes/ru-text";
import { addDays, daysInMonth, formatDateRu, parseIsoDate } from "./iso-date";
import { planFromInput, planInputSchema, planSchema, rereadDeadlines } from "./plan.schema";
import { academicYearPeriod, calendarYearPeriod, formatPeriodRu, isAcademicYear } from "./plan-period";
import { activity, programme } from "./test-fixtures";

const INPUT = {
  level: "municipal",
  kind: "municipal_road_map",
  title: "Дорожная карта методической поддержки школ",
  period: { from: "2021-01-01", to: "2021-12-31" },
  sections: [
    {
      id: "s1",
      number: "I.",
      title: "Информационное, аналитическое обеспечение",
      activities: [
        {
          id: "a1",
          number: "1.1.",
          title: "Изучение нормативного сопровождения",
          deadlineText: "Март, июль 2021 года",
        },
      ],
    },
  ],
};

describe("plan model", () => {
  it("reads an editor's plan: defaults filled, deadlines read against the period", () => {
    const parsed = planInputSchema.parse(INPUT);
    const plan = planFromInput(parsed);
    expect(plan.riskFactorCode).toBeNull();
    expect(plan.sections[0]?.activities[0]).toEqual({
      id: "a1",
      number: "1.1.",
      title: "Изучение нормативного сопровождения",
      owners: [],
      status: "planned",
      indicator: { text: "", code: null, baseline: null, target: null, year: null },
      causeCodes: [],
      measureCodes: [],
      deadline: {
        text: "Март, июль 2021 года",
        kind: "dates",
        ranges: [
          { from: "2021-03-01", to: "2021-03-31" },
          { from: "2021-07-01", to: "2021-07-31" },
        ],
        end: "2021-07-31",
      },
    });
    // plain JSON: a round trip keeps it, and the stored form passes the plan schema
    expect(planSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it("refuses a kind of another level, an anti-risk programme without its risk, and repeated ids", () => {
    const messages = (input: unknown) =>
      planInputSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ ...INPUT, level: "school" })).toEqual([
      "«Муниципальная дорожная карта» — не план этого уровня",
    ]);
    expect(messages({ ...INPUT, level: "school", kind: "anti_risk_programme" })).toEqual([
      "Укажите риск антирисковой программы",
    ]);
    expect(messages({ ...INPUT, riskFactorCode: "low_equipment" })).toEqual([
      "Риск указывают только у антирисковой программы",
    ]);
    const twice = { ...INPUT, sections: [INPUT.sections[0], { ...INPUT.sections[0], id: "s2" }] };
    expect(messages(twice)).toEqual(["Идентификатор «a1» повторяется"]);
    expect(messages({ ...INPUT, period: { from: "2021-12-31", to: "2021-01-01" } })).toEqual([
      "Начало периода плана не может быть позже его конца",
    ]);
  });

  it("reads the deadlines again for a new period", () => {
    const plan = programme([activity("1", { deadlineText: "Март-май" })]);
    const moved = rereadDeadlines(plan, academicYearPeriod(2021));
    expect(moved.period).toEqual({ from: "2021-09-01", to: "2022-08-31" });
    expect(moved.sections[0]?.activities[0]?.deadline.ranges).toEqual([
      { from: "2022-03-01", to: "2022-05-31" },
    ]);
  });
});

describe("dates and periods", () => {
  it("counts days, leap years included, and shifts dates across months and years", () => {
    expect([daysInMonth(2021, 2), daysInMonth(2020, 2), daysInMonth(2021, 12)]).toEqual([28, 29, 31]);
    expect(addDays("2021-09-01", -1)).toBe("2021-08-31");
    expect(addDays("2020-12-31", 1)).toBe("2021-01-01");
    expect(parseIsoDate("2021-02-29")).toBeNull();
    expect(formatDateRu("2021-03-05")).toBe("05.03.2021");
  });

  it("names periods as people do", () => {
    expect(academicYearPeriod(2020)).toEqual({ from: "2020-09-01", to: "2021-08-31" });
    expect(formatPeriodRu(academicYearPeriod(2020))).toBe("2020/21 учебный год");
    expect(formatPeriodRu(calendarYearPeriod(2021))).toBe("2021 год");
    expect(formatPeriodRu({ from: "2021-02-01", to: "2021-06-30" })).toBe("01.02.2021–30.06.2021");
    expect([isAcademicYear(academicYearPeriod(2020)), isAcademicYear(calendarYearPeriod(2021))]).toEqual([
      true,
      false,
    ]);
  });

  it("shortens a long text at a word, without a trailing comma", () => {
    expect(shortenText("Короткий текст", 90)).toBe("Короткий текст");
    expect(shortenText("Анализ результатов, всероссийских проверочных работ", 25)).toBe(
      "Анализ результатов…",
    );
  });
});
