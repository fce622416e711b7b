import { type ActivityStatus, addDays, type IsoDate, listActivities, type Plan } from "../../plans";

import type { Rng } from "../random";

/** A check-in the demo records on an activity: the date and what was done. */
export type DemoCheckIn = { activityId: string; date: IsoDate; text: string; evidenceText: string };

/** How a plan was carried out by the end of its period: each activity's state and its check-ins. */
export type DemoExecution = {
  states: { activityId: string; status: ActivityStatus }[];
  checkIns: DemoCheckIn[];
};

const DONE_TEXTS = [
  "Проведено; участвовали педагоги школы, материалы размещены на сайте",
  "Выполнено в срок, итоги обсуждены на педагогическом совете",
  "Проведено совместно с МОЦ, составлена справка по итогам",
  "Выполнено; результаты учтены в плане внутришкольного контроля",
  "Проведено для обучающихся 9 и 11 классов, составлен протокол",
];
const STARTED_TEXTS = [
  "Начата работа: составлен план, проведено первое занятие",
  "Выполняется по графику; проведено два из четырёх запланированных мероприятий",
  "Работа ведётся, промежуточные итоги — на совещании при директоре",
];
const EVIDENCE = [
  "Приказ по школе",
  "Протокол педагогического совета",
  "Справка по итогам",
  "Отчёт на сайте школы",
];

function dateWithin(from: IsoDate, to: IsoDate, rng: Rng): IsoDate {
  const days = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, rng.int(0, days));
}

/**
 * The execution of an approved plan over its period, drawn with the share of activities done: done
 * ones get one or two check-ins dated inside their deadline, activities under way one, the rest none
 * (they end the period overdue). An activity whose deadline cannot be read is dated inside the period.
 */
export function drawExecution(plan: Plan, rng: Rng, doneShare: number): DemoExecution {
  const states: DemoExecution["states"] = [];
  const checkIns: DemoCheckIn[] = [];
  for (const { activity } of listActivities(plan)) {
    const roll = rng.next();
    const status: ActivityStatus =
      roll < doneShare ? "done" : roll < doneShare + (1 - doneShare) / 2 ? "in_progress" : "planned";
    states.push({ activityId: activity.id, status });
    if (status === "planned") continue;
    const range = activity.deadline.ranges[0] ?? { from: plan.period.from, to: plan.period.to };
    const count = status === "done" ? rng.int(1, 2) : 1;
    for (let index = 0; index < count; index++) {
      checkIns.push({
        activityId: activity.id,
        date: dateWithin(range.from, range.to, rng),
        text: rng.pick(status === "done" ? DONE_TEXTS : STARTED_TEXTS),
        evidenceText: status === "done" ? rng.pick(EVIDENCE) : "",
      });
    }
  }
  return { states, checkIns };
}
