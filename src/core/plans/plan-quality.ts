import { formatIndicatorValue } from "../identification/ru-format";
import type { IndicatorMeta } from "../identification/types";
import { INDICATOR_CATALOGUE } from "../indicators/catalogue";
import { INDICATOR_DIRECTION_LABELS } from "../indicators/indicator.schema";
import { isDeadlineWithinPeriod } from "./deadline";
import { type Activity, listActivities, type Plan } from "./plan.schema";
import { formatPeriodRu } from "./plan-period";
import { activityLabelCapital, deadlineTextInline } from "./plan-text";

/** Kinds of plan-quality findings. */
export type PlanIssueCode =
  | "cause_without_activity"
  | "activity_unlinked"
  | "target_not_better"
  | "unknown_indicator"
  | "deadline_outside_period"
  | "no_owner"
  | "deadline_unreadable";

/** A plan-quality finding: a warning, or a mild notice (an unreadable deadline). */
export type PlanIssue = {
  code: PlanIssueCode;
  severity: "warning" | "notice";
  /** The activity concerned; null for a finding about the whole plan. */
  activityId: string | null;
  /** The cause concerned, for cause_without_activity. */
  causeCode: string | null;
  /** A Russian sentence naming the activity by number and title. */
  message: string;
};

/** What the quality checks need besides the plan. */
export type PlanQualityInput = {
  plan: Plan;
  /** The causes confirmed for the school (or chosen for a road map), each with its title. */
  confirmedCauses: readonly { code: string; title: string }[];
  /** Names, units and directions of indicators; the preloaded catalogue by default. */
  indicators?: readonly IndicatorMeta[];
};

function issue(
  code: PlanIssueCode,
  activity: Activity | null,
  message: string,
  severity: PlanIssue["severity"] = "warning",
): PlanIssue {
  return { code, severity, activityId: activity?.id ?? null, causeCode: null, message };
}

function targetIssue(activity: Activity, indicators: readonly IndicatorMeta[]): PlanIssue | null {
  const { code, baseline, target } = activity.indicator;
  if (code === null) return null;
  const meta = indicators.find((indicator) => indicator.code === code);
  const name = activityLabelCapital(activity);
  if (!meta) return issue("unknown_indicator", activity, `${name}: показателя «${code}» нет в каталоге`);
  if (baseline === null || target === null) return null;
  const isBetter = meta.direction === "higher_better" ? target > baseline : target < baseline;
  if (isBetter) return null;
  // «да» / «нет» read as words, so they are quoted
  const show = (value: number) =>
    meta.unit === "bool"
      ? `«${formatIndicatorValue(value, meta.unit)}»`
      : formatIndicatorValue(value, meta.unit);
  const values = `целевое значение ${show(target)} не лучше базового ${show(baseline)}`;
  const direction = INDICATOR_DIRECTION_LABELS[meta.direction];
  return issue("target_not_better", activity, `${name}: ${values} (показатель «${meta.name}»: ${direction})`);
}

function activityIssues(activity: Activity, plan: Plan, indicators: readonly IndicatorMeta[]): PlanIssue[] {
  const found: PlanIssue[] = [];
  const name = activityLabelCapital(activity);
  const hasLink =
    activity.causeCodes.length > 0 || activity.measureCodes.length > 0 || activity.indicator.code !== null;
  if (!hasLink) {
    found.push(
      issue("activity_unlinked", activity, `${name} не связано ни с причиной, ни с мерой, ни с показателем`),
    );
  }
  const target = targetIssue(activity, indicators);
  if (target) found.push(target);
  const deadline = activity.deadline;
  if (deadline.kind === "unreadable") {
    const text = deadlineTextInline(deadline.text);
    const message =
      text === ""
        ? `${name}: срок не указан, просрочку отследить нельзя`
        : `${name}: срок «${text}» не распознан, просрочку отследить нельзя`;
    found.push(issue("deadline_unreadable", activity, message, "notice"));
  } else if (!isDeadlineWithinPeriod(deadline, plan.period)) {
    const message = `${name}: срок «${deadlineTextInline(deadline.text)}» выходит за период плана (${formatPeriodRu(plan.period)})`;
    found.push(issue("deadline_outside_period", activity, message));
  }
  if (activity.owners.every((owner) => owner.trim() === "")) {
    found.push(issue("no_owner", activity, `${name}: не указан ответственный исполнитель`));
  }
  return found;
}

/**
 * Checks a plan before submission and for the reviewer (the seeds' failure: «рекомендации … не
 * связаны с показателями»): a confirmed cause no activity addresses; an activity tied to no cause,
 * measure or catalogue indicator; a target not better than its baseline in the indicator's
 * direction (or an indicator not in the catalogue); a deadline outside the plan's period; an
 * activity with no owner; and, as a mild notice, a deadline that cannot be read. Cancelled
 * activities are not checked and do not cover a cause. Findings come cause by cause, then activity
 * by activity in plan order.
 */
export function checkPlanQuality(input: PlanQualityInput): PlanIssue[] {
  const { plan } = input;
  const indicators = input.indicators ?? INDICATOR_CATALOGUE;
  const active = listActivities(plan)
    .map(({ activity }) => activity)
    .filter((activity) => activity.status !== "cancelled");
  const covered = new Set(active.flatMap((activity) => activity.causeCodes));
  const causeIssues = input.confirmedCauses
    .filter((cause) => !covered.has(cause.code))
    .map(
      (cause): PlanIssue => ({
        code: "cause_without_activity",
        severity: "warning",
        activityId: null,
        causeCode: cause.code,
        message: `Причина «${cause.title}» подтверждена, но ни одно мероприятие плана с ней не связано`,
      }),
    );
  return [...causeIssues, ...active.flatMap((activity) => activityIssues(activity, plan, indicators))];
}
