import { describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "../../../../core/indicators/catalogue";
import { findOverdueActivities, type Plan, readDeadline } from "../../../../core/plans";
import { executionAnalysis } from "./execution-analysis";

const PERIOD = { from: "2025-01-01", to: "2025-12-31" };

function activity(
  id: string,
  status: "planned" | "in_progress" | "done" | "cancelled",
  deadlineText: string,
) {
  return {
    id,
    number: `${id}.`,
    title: `Мероприятие ${id}`,
    owners: ["МОЦ"],
    deadline: readDeadline(deadlineText, PERIOD),
    status,
    indicator: { text: "", code: null, baseline: null, target: null, year: null },
    causeCodes: [],
    measureCodes: [],
  };
}

/** Two sections: 1.1 done, 1.2 overdue (March), 1.3 cancelled; 2.1 in progress till December with a target. */
function plan(): Plan {
  const withTarget = {
    ...activity("2.1", "in_progress", "Декабрь"),
    indicator: { text: "", code: "good_marks_share", baseline: 0.3, target: 0.4, year: 2025 },
  };
  return {
    level: "municipal",
    kind: "municipal_road_map",
    title: "Дорожная карта",
    period: PERIOD,
    riskFactorCode: null,
    sections: [
      {
        id: "s1",
        number: "I.",
        title: "Анализ",
        activities: [
          activity("1.1", "done", "Январь"),
          activity("1.2", "planned", "Март"),
          activity("1.3", "cancelled", "Май"),
        ],
      },
      { id: "s2", number: "II.", title: "Работа с учителями", activities: [withTarget] },
    ],
  };
}

const NAME = INDICATOR_CATALOGUE.find((item) => item.code === "good_marks_share")?.name;

describe("executionAnalysis", () => {
  it("counts completion, sections, overdue activities, check-ins, targets and what is left, hand-checked", () => {
    const subject = plan();
    const today = "2025-06-01";
    const values = new Map([
      [
        "good_marks_share",
        new Map([
          [2024, 0.31],
          [2025, 0.36],
        ]),
      ],
    ]);
    expect(
      executionAnalysis({
        plan: subject,
        checkIns: [{ activityId: "1.1" }, { activityId: "1.1" }, { activityId: "2.1" }],
        overdue: findOverdueActivities(subject, today),
        today,
        indicators: INDICATOR_CATALOGUE,
        values,
      }),
    ).toEqual([
      "По состоянию на 01.06.2025 в плане 4 мероприятия: выполнено 1, выполняется 1, не начато 1, отменено 1. Доля выполненных мероприятий (без отменённых) — 33,3 %.",
      "По разделам: «I. Анализ» — выполнено 1 из 2; «II. Работа с учителями» — выполнено 0 из 1.",
      "Просрочено 1 мероприятие (33,3 % мероприятий плана):\nМероприятие 1.2. «Мероприятие 1.2»: срок «Март» истёк 31.03.2025.",
      "Отметки о выполнении внесены по 2 мероприятиям из 4 (всего 3 отметки); по 2 мероприятиям сведений о выполнении нет.",
      `Показатель «${NAME}» (мероприятие 2.1. «Мероприятие 2.1»): базовое значение 0,30, целевое 0,40 к 2025 г., достигнутое 0,36 (2025 г.) — цель не достигнута.`,
      "Для следующего цикла: пересмотреть сроки или содержание просроченных мероприятий (1.2.); завершить 1 мероприятие, срок которого не истёк.",
    ]);
  });

  it("says the plan is done when every activity left is done, and that nothing is overdue", () => {
    const subject = plan();
    for (const section of subject.sections)
      for (const item of section.activities) if (item.status !== "cancelled") item.status = "done";
    const lines = executionAnalysis({
      plan: subject,
      checkIns: [],
      overdue: [],
      today: "2025-12-31",
      indicators: [],
      values: new Map(),
    });
    expect(lines).toContain("Просроченных мероприятий нет.");
    expect(lines.at(-1)).toBe("Все мероприятия плана выполнены.");
    expect(lines[0]).toContain("Доля выполненных мероприятий (без отменённых) — 100,0 %.");
  });

  it("speaks of an empty plan without dividing by zero", () => {
    const empty = { ...plan(), sections: [] };
    const lines = executionAnalysis({
      plan: empty,
      checkIns: [],
      overdue: [],
      today: "2025-03-01",
      indicators: [],
      values: new Map(),
    });
    expect(lines[0]).toBe("По состоянию на 01.03.2025 в плане нет мероприятий.");
    expect(lines.at(-1)).toBe("Мероприятий к выполнению нет.");
  });
});
