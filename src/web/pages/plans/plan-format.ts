import type { TFunction } from "i18next";
import {
  type Activity,
  checkPlanQuality,
  type Deadline,
  formatDateRu,
  type Plan,
  type PlanIssue,
} from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";

/** How a deadline was read, for the line under it: the ranges, «весь период», «по графику» or «не распознан». */
export function deadlineReading(deadline: Deadline, t: TFunction): string {
  if (deadline.kind === "unreadable") return t("plans.deadline.unreadable");
  const ranges = deadline.ranges.map((range) =>
    range.from === range.to
      ? formatDateRu(range.from)
      : `${formatDateRu(range.from)}–${formatDateRu(range.to)}`,
  );
  const head = deadline.kind === "recurring" ? t("plans.deadline.recurring") : t("plans.deadline.dates");
  const unique = [...new Set(ranges)];
  // The end is worth saying only when there are several ranges to take it from.
  const end =
    deadline.end && unique.length > 1 ? t("plans.deadline.end", { date: formatDateRu(deadline.end) }) : "";
  return `${head}: ${unique.join("; ")}${end}`;
}

/** Every activity of a plan with its section's position, in order. */
export function activitiesOf(plan: Plan): Activity[] {
  return plan.sections.flatMap((section) => section.activities);
}

/** «1.3. Разработка …» — an activity as lists name it. */
export function activityName(activity: Pick<Activity, "number" | "title">): string {
  const number = activity.number.trim();
  const title = activity.title.split("\n")[0] ?? activity.title;
  return number === "" ? title : `${number} ${title}`;
}

/**
 * The plan's quality as the server computes it, for a plan being edited: the confirmed causes it
 * answers for (a programme all of the school's, an anti-risk programme its risk, a road map none)
 * and the region's indicators.
 */
export function liveQuality(plan: Plan, detail: PlanDetail): PlanIssue[] {
  const confirmed =
    plan.level !== "school"
      ? []
      : plan.kind === "anti_risk_programme"
        ? detail.confirmedCauses.filter((cause) => cause.code === plan.riskFactorCode)
        : detail.confirmedCauses;
  const indicators = detail.linkOptions.indicators.length > 0 ? detail.linkOptions.indicators : undefined;
  return checkPlanQuality({ plan, confirmedCauses: confirmed, indicators });
}

/** The ids of the activities overdue today. */
export function overdueIds(detail: PlanDetail): Set<string> {
  return new Set(detail.overdue.map((item) => item.activityId));
}
