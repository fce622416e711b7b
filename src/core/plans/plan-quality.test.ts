import { describe, expect, it } from "vitest";
import { checkPlanQuality, type PlanIssue } from "./plan-quality";
import { activity, programme } from "./test-fixtures";

const MOTIVATION = { code: "low_learning_motivation", title: "Низкая мотивация обучающихся к обучению" };
const BURNOUT = { code: "teacher_burnout", title: "Профессиональное выгорание педагогов" };

function messages(issues: PlanIssue[]): string[] {
  return issues.map((issue) => issue.message);
}

describe("plan quality", () => {
  it("finds nothing in a plan where every cause has an owned, linked activity in the period", () => {
    const plan = programme([activity("1.1")]);
    expect(checkPlanQuality({ plan, confirmedCauses: [MOTIVATION] })).toEqual([]);
  });

  it("names a confirmed cause no activity addresses", () => {
    const plan = programme([activity("1.1")]);
    expect(checkPlanQuality({ plan, confirmedCauses: [MOTIVATION, BURNOUT] })).toEqual([
      {
        code: "cause_without_activity",
        severity: "warning",
        activityId: null,
        causeCode: "teacher_burnout",
        message:
          "Причина «Профессиональное выгорание педагогов» подтверждена, но ни одно мероприятие плана с ней не связано",
      },
    ]);
  });

  it("names an activity tied to no cause, measure or indicator, by number and title", () => {
    const unlinked = activity("2.3", { title: "Проведение педсовета", causeCodes: [] });
    const byMeasure = activity("2.4", { causeCodes: [], measureCodes: ["subject_weeks"] });
    const byIndicator = activity("2.5", {
      causeCodes: [],
      indicator: { text: "", code: "good_marks_share", baseline: null, target: null, year: null },
    });
    const issues = checkPlanQuality({
      plan: programme([unlinked, byMeasure, byIndicator]),
      confirmedCauses: [],
    });
    expect(issues).toEqual([
      {
        code: "activity_unlinked",
        severity: "warning",
        activityId: "2.3",
        causeCode: null,
        message:
          "Мероприятие 2.3. «Проведение педсовета» не связано ни с причиной, ни с мерой, ни с показателем",
      },
    ]);
  });

  it("finds a target not better than its baseline in the indicator's direction", () => {
    const indicator = (code: string, baseline: number, target: number) => ({
      text: "",
      code,
      baseline,
      target,
      year: 2021,
    });
    const plan = programme([
      // lower is better: 0,15 after 0,12 is worse
      activity("1", { indicator: indicator("ege_math_below_min_share", 0.12, 0.15) }),
      // lower is better: equal is not better
      activity("2", { indicator: indicator("no_certificate_share", 0.05, 0.05) }),
      // higher is better: 0,8 after 0,6 is better — no finding
      activity("3", { indicator: indicator("teachers_trained_share", 0.6, 0.8) }),
      // higher is better: 0 after 1 is worse
      activity("4", { indicator: indicator("has_psychologist", 1, 0) }),
      activity("5", { indicator: indicator("no_such_indicator", 1, 2) }),
    ]);
    expect(messages(checkPlanQuality({ plan, confirmedCauses: [] }))).toEqual([
      "Мероприятие 1. «Мероприятие 1»: целевое значение 0,15 не лучше базового 0,12 (показатель «Доля участников ЕГЭ по математике (профильный уровень), не преодолевших минимальный порог»: чем ниже, тем лучше)",
      "Мероприятие 2. «Мероприятие 2»: целевое значение 0,05 не лучше базового 0,05 (показатель «Доля обучающихся 9-х и 11-х классов, не получивших аттестат в отчётном учебном году»: чем ниже, тем лучше)",
      "Мероприятие 4. «Мероприятие 4»: целевое значение «нет» не лучше базового «да» (показатель «Наличие в ОО педагога-психолога»: чем выше, тем лучше)",
      "Мероприятие 5. «Мероприятие 5»: показателя «no_such_indicator» нет в каталоге",
    ]);
  });

  it("finds a deadline outside the plan's period, an activity with no owner, and notes an unreadable deadline", () => {
    const plan = programme([
      activity("1", { deadlineText: "февраль 2022 года" }),
      activity("2", { owners: [] }),
      activity("3", { owners: [" "] }),
      activity("4", { deadlineText: "по согласованию" }),
      activity("5", { deadlineText: "" }),
    ]);
    const issues = checkPlanQuality({ plan, confirmedCauses: [] });
    expect(issues.map((item) => [item.code, item.severity, item.message])).toEqual([
      [
        "deadline_outside_period",
        "warning",
        "Мероприятие 1. «Мероприятие 1»: срок «февраль 2022 года» выходит за период плана (2021 год)",
      ],
      ["no_owner", "warning", "Мероприятие 2. «Мероприятие 2»: не указан ответственный исполнитель"],
      ["no_owner", "warning", "Мероприятие 3. «Мероприятие 3»: не указан ответственный исполнитель"],
      [
        "deadline_unreadable",
        "notice",
        "Мероприятие 4. «Мероприятие 4»: срок «по согласованию» не распознан, просрочку отследить нельзя",
      ],
      [
        "deadline_unreadable",
        "notice",
        "Мероприятие 5. «Мероприятие 5»: срок не указан, просрочку отследить нельзя",
      ],
    ]);
  });

  it("skips cancelled activities: they are not checked and do not cover a cause", () => {
    const plan = programme([activity("1", { status: "cancelled", owners: [], deadlineText: "2030 год" })]);
    expect(messages(checkPlanQuality({ plan, confirmedCauses: [MOTIVATION] }))).toEqual([
      "Причина «Низкая мотивация обучающихся к обучению» подтверждена, но ни одно мероприятие плана с ней не связано",
    ]);
  });

  it("names an activity without a number by its title, cut at a word", () => {
    const long = activity("x", {
      number: "",
      causeCodes: [],
      title:
        "Мониторинг эффективности функционирования школьных систем оценки качества образования, организации внутришкольного контроля.",
    });
    expect(messages(checkPlanQuality({ plan: programme([long]), confirmedCauses: [] }))).toEqual([
      "Мероприятие «Мониторинг эффективности функционирования школьных систем оценки качества образования…» не связано ни с причиной, ни с мерой, ни с показателем",
    ]);
  });
});
