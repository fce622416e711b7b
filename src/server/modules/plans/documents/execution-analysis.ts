/**
 * The effectiveness analysis of an execution report (seed 002's «Анализ эффективности …»), computed
 * from the plan: completion, the sections, overdue activities, check-ins and the implementation
 * indicators against their targets — numbers, not boilerplate. Pure.
 */
import { formatIndicatorValue, formatNumberRu, pluralRu } from "../../../../core/identification/ru-format";
import type { IndicatorMeta } from "../../../../core/identification/types";
import {
  activityLabel,
  formatDateRu,
  type IsoDate,
  listActivities,
  type OverdueActivity,
  type Plan,
  type PlanCompletion,
  planCompletion,
} from "../../../../core/plans";
import { sectionHeading } from "./plan-document.model";

/** A school's values of an indicator by year, to judge the targets of a programme. */
export type IndicatorValues = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** What the analysis is computed from. */
export type AnalysisInput = {
  /** The plan with execution merged in (activity states). */
  plan: Plan;
  checkIns: readonly { activityId: string }[];
  overdue: readonly OverdueActivity[];
  today: IsoDate;
  indicators: readonly IndicatorMeta[];
  /** The values of the plan's school (none for a road map). */
  values: IndicatorValues;
};

const activitiesWord = (n: number) => pluralRu(n, "мероприятие", "мероприятия", "мероприятий");

function percent(share: number): string {
  return `${formatNumberRu(share * 100, 1)} %`;
}

function completionParagraph(completion: PlanCompletion, today: IsoDate): string {
  if (completion.total === 0) return `По состоянию на ${formatDateRu(today)} в плане нет мероприятий.`;
  const counts = `выполнено ${completion.done}, выполняется ${completion.inProgress}, не начато ${completion.planned}, отменено ${completion.cancelled}`;
  const head = `По состоянию на ${formatDateRu(today)} в плане ${completion.total} ${activitiesWord(completion.total)}: ${counts}.`;
  return completion.share === null
    ? head
    : `${head} Доля выполненных мероприятий (без отменённых) — ${percent(completion.share)}.`;
}

function sectionsParagraph(plan: Plan): string | null {
  if (plan.sections.length < 2) return null;
  const parts = plan.sections.map((section) => {
    const completion = planCompletion({ ...plan, sections: [section] });
    const heading = sectionHeading({ number: section.number, title: section.title });
    return `«${heading}» — выполнено ${completion.done} из ${completion.total - completion.cancelled}`;
  });
  return `По разделам: ${parts.join("; ")}.`;
}

function overdueParagraph(overdue: readonly OverdueActivity[], completion: PlanCompletion): string {
  if (overdue.length === 0) return "Просроченных мероприятий нет.";
  const active = completion.total - completion.cancelled;
  const share = active > 0 ? ` (${percent(overdue.length / active)} мероприятий плана)` : "";
  const lines = overdue.map((item) => `${item.sentence}.`);
  return [`Просрочено ${overdue.length} ${activitiesWord(overdue.length)}${share}:`, ...lines].join("\n");
}

function checkInParagraph(plan: Plan, checkIns: readonly { activityId: string }[]): string {
  const total = listActivities(plan).length;
  const covered = new Set(checkIns.map((item) => item.activityId));
  const reported = listActivities(plan).filter(({ activity }) => covered.has(activity.id)).length;
  const marks = `${checkIns.length} ${pluralRu(checkIns.length, "отметка", "отметки", "отметок")}`;
  const by = pluralRu(reported, "мероприятию", "мероприятиям", "мероприятиям");
  return `Отметки о выполнении внесены по ${reported} ${by} из ${total} (всего ${marks}); по ${total - reported} ${pluralRu(total - reported, "мероприятию", "мероприятиям", "мероприятиям")} сведений о выполнении нет.`;
}

function indicatorLines(input: AnalysisInput): string[] {
  return listActivities(input.plan).flatMap(({ activity }) => {
    const { code, baseline, target, year } = activity.indicator;
    if (code === null || target === null) return [];
    const meta = input.indicators.find((item) => item.code === code);
    if (!meta) return [];
    const show = (value: number) => formatIndicatorValue(value, meta.unit);
    const years = [...(input.values.get(code)?.entries() ?? [])]
      .filter(([valueYear]) => year === null || valueYear <= year)
      .sort(([a], [b]) => b - a);
    const latest = years[0];
    const base = baseline === null ? "" : `базовое значение ${show(baseline)}, `;
    const head = `Показатель «${meta.name}» (${activityLabel(activity)}): ${base}целевое ${show(target)}${year === null ? "" : ` к ${year} г.`}`;
    if (!latest) return [`${head}; достигнутое значение не внесено.`];
    const [latestYear, value] = latest;
    const isReached = meta.direction === "higher_better" ? value >= target : value <= target;
    return [
      `${head}, достигнутое ${show(value)} (${latestYear} г.) — цель ${isReached ? "достигнута" : "не достигнута"}.`,
    ];
  });
}

function nextCycleParagraph(overdue: readonly OverdueActivity[], completion: PlanCompletion): string {
  const active = completion.total - completion.cancelled;
  if (active > 0 && completion.done === active) return "Все мероприятия плана выполнены.";
  const parts: string[] = [];
  if (overdue.length > 0) {
    const numbers = overdue.map((item) => item.number.trim() || `«${item.title}»`).join(", ");
    parts.push(`пересмотреть сроки или содержание просроченных мероприятий (${numbers})`);
  }
  const open = active - completion.done - overdue.length;
  if (open > 0) {
    const which = pluralRu(open, "срок которого", "срок которых", "срок которых");
    parts.push(`завершить ${open} ${activitiesWord(open)}, ${which} не истёк`);
  }
  return parts.length === 0 ? "Мероприятий к выполнению нет." : `Для следующего цикла: ${parts.join("; ")}.`;
}

/**
 * The analysis paragraphs: completion on `today` with the counts and the share done; completion by
 * section; the overdue activities, each with its sentence; how many activities have check-ins; each
 * implementation indicator's baseline, target and latest value with whether the target is reached;
 * what is left for the next cycle.
 */
export function executionAnalysis(input: AnalysisInput): string[] {
  const completion = planCompletion(input.plan);
  const indicators = indicatorLines(input);
  return [
    completionParagraph(completion, input.today),
    sectionsParagraph(input.plan),
    overdueParagraph(input.overdue, completion),
    checkInParagraph(input.plan, input.checkIns),
    indicators.length > 0 ? indicators.join("\n") : null,
    nextCycleParagraph(input.overdue, completion),
  ].filter((paragraph): paragraph is string => paragraph !== null);
}
