/**
 * Pure assembly of what a plan's readers see: the content with execution merged in, the quality
 * findings with the causes that matter for the plan, overdue activities and completion.
 */
import type { IndicatorMeta } from "../../../core/identification/types";
import {
  type ActivityStatus,
  checkPlanQuality,
  findOverdueActivities,
  type IsoDate,
  type OverdueActivity,
  type Plan,
  type PlanCompletion,
  type PlanIssue,
  type PlanStatus,
  planCompletion,
} from "../../../core/plans";
import type { PlanPlace } from "../../../shared/plans-api";
import type { PlanRow } from "./plans.repo";

/** The plan's content with each activity's execution status taken from its state row, where there is one. */
export function mergeActivityStates(
  plan: Plan,
  states: ReadonlyMap<string, ActivityStatus> | undefined,
): Plan {
  if (!states || states.size === 0) return plan;
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) => ({
        ...activity,
        status: states.get(activity.id) ?? activity.status,
      })),
    })),
  };
}

/** A plan row's place, as the API shows it. */
export function placeOf(row: PlanRow): PlanPlace {
  return {
    regionId: row.regionId,
    regionName: row.regionName,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    schoolCode: row.schoolCode,
  };
}

/** The place's name for titles and documents: the school, the municipality or the region. */
export function placeName(place: PlanPlace): string {
  return place.schoolName ?? place.municipalityName ?? place.regionName;
}

/**
 * The confirmed causes a plan answers for: a school's programme all of the school's causes of the
 * year, an anti-risk programme only its own risk (when confirmed), a road map none.
 */
export function causesForQuality(
  plan: Plan,
  confirmed: readonly { code: string; title: string }[],
): { code: string; title: string }[] {
  if (plan.level !== "school") return [];
  if (plan.kind === "anti_risk_programme")
    return confirmed.filter((cause) => cause.code === plan.riskFactorCode);
  return [...confirmed];
}

/** Quality, overdue activities and completion of a plan's current version. */
export type PlanFigures = { quality: PlanIssue[]; overdue: OverdueActivity[]; completion: PlanCompletion };

/**
 * Computes a plan's figures: the quality findings (against the causes it answers for and the
 * region's indicators), the overdue activities on `today` — only while the plan is approved, i.e.
 * being carried out — and the completion.
 */
export function planFigures(input: {
  plan: Plan;
  status: PlanStatus;
  confirmed: readonly { code: string; title: string }[];
  indicators: readonly IndicatorMeta[] | undefined;
  today: IsoDate;
}): PlanFigures {
  const quality = checkPlanQuality({
    plan: input.plan,
    confirmedCauses: causesForQuality(input.plan, input.confirmed),
    indicators: input.indicators,
  });
  const overdue = input.status === "approved" ? findOverdueActivities(input.plan, input.today) : [];
  return { quality, overdue, completion: planCompletion(input.plan) };
}

/** Today's date as «YYYY-MM-DD» in the server's time zone: the default day overdue is counted on. */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The year a plan is filed under: the year its period ends (2025 for 2024/25). */
export function planYear(plan: Pick<Plan, "period">): number {
  return Number(plan.period.to.slice(0, 4));
}

/** The school year a day falls in, by the year it ends: 2025-10-01 → 2026, 2026-05-20 → 2026. */
export function schoolYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year + 1 : year;
}

/**
 * The year of the causes a school plan answers: a plan of the school year ending in Y acts on the
 * causes confirmed after the results of the school year before, that is of the identification year
 * Y − 1 (results of 2018/19 → identification 2019 → causes 2019 → programme 2019/20, plan year 2020).
 */
export function causesYearOf(planYear: number): number {
  return planYear - 1;
}
