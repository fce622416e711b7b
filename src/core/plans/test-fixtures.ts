import { readDeadline } from "./deadline";
import type { Activity, Plan } from "./plan.schema";
import { calendarYearPeriod } from "./plan-period";

/** The period of the test plans: the calendar year 2021, as seed 004's road map. */
export const PERIOD_2021 = calendarYearPeriod(2021);

/** An activity for tests: planned, owned, linked to a cause, deadline read in 2021. */
export function activity(
  id: string,
  changes: Partial<Omit<Activity, "deadline">> & { deadlineText?: string } = {},
): Activity {
  const { deadlineText = "Март 2021 года", ...rest } = changes;
  return {
    id,
    number: `${id}.`,
    title: `Мероприятие ${id}`,
    owners: ["Отдел образования"],
    deadline: readDeadline(deadlineText, PERIOD_2021),
    status: "planned",
    indicator: { text: "", code: null, baseline: null, target: null, year: null },
    causeCodes: ["low_learning_motivation"],
    measureCodes: [],
    ...rest,
  };
}

/** A school programme of one section with the given activities. */
export function programme(activities: Activity[]): Plan {
  return {
    level: "school",
    kind: "transition_programme",
    title: "Программа перехода в эффективный режим функционирования",
    period: PERIOD_2021,
    riskFactorCode: null,
    sections: [{ id: "s1", number: "1.", title: "Мотивация", activities }],
  };
}
