/**
 * From a plan (src/core/plans) and what lies beside it (check-ins, names of causes, measures and
 * indicators) to the documents' models. Pure: the plans service feeds it, the builders print it.
 */
import type { IndicatorMeta } from "../../../../core/identification/types";
import {
  ACTIVITY_STATUS_LABELS,
  type Activity,
  type IsoDate,
  isActivityOverdue,
  type Plan,
  type PlanSection,
} from "../../../../core/plans";
import type { ReportActivity } from "./execution-report.model";
import type {
  DocumentCheckIn,
  DocumentSection,
  PlanDocumentActivity,
  RoadMapActivity,
} from "./plan-document.model";

/** A stored check-in as the documents take it. */
export type CheckInSource = {
  activityId: string;
  date: string;
  text: string;
  evidenceText: string;
  evidenceUrl: string;
};

/** A check-in as documents print it: the evidence text and link joined. */
export function documentCheckIn(checkIn: CheckInSource): DocumentCheckIn {
  const evidence = [checkIn.evidenceText.trim(), checkIn.evidenceUrl.trim()].filter((part) => part !== "");
  return {
    date: checkIn.date,
    text: checkIn.text,
    evidence: evidence.length > 0 ? evidence.join(", ") : null,
  };
}

function sectionOf<A>(section: PlanSection, activities: A[]): DocumentSection<A> {
  return { number: section.number.trim() === "" ? null : section.number, title: section.title, activities };
}

function roadMapActivity(activity: Activity): RoadMapActivity {
  return {
    number: activity.number,
    title: activity.title,
    deadlineText: activity.deadline.text,
    owners: activity.owners,
    indicatorText: activity.indicator.text,
  };
}

/** The road map's sections as the order's appendix prints them (seed 004's five columns). */
export function roadMapSections(plan: Plan): DocumentSection<RoadMapActivity>[] {
  return plan.sections.map((section) => sectionOf(section, section.activities.map(roadMapActivity)));
}

function checkInsByActivity(checkIns: readonly CheckInSource[]): Map<string, DocumentCheckIn[]> {
  const out = new Map<string, DocumentCheckIn[]>();
  for (const checkIn of checkIns) {
    const list = out.get(checkIn.activityId) ?? [];
    list.push(documentCheckIn(checkIn));
    out.set(checkIn.activityId, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** The execution report's sections: each activity with its check-ins for the «Информация» column. */
export function reportSections(
  plan: Plan,
  checkIns: readonly CheckInSource[],
): DocumentSection<ReportActivity>[] {
  const grouped = checkInsByActivity(checkIns);
  return plan.sections.map((section) =>
    sectionOf(
      section,
      section.activities.map((activity) => ({
        number: activity.number,
        title: activity.title,
        deadlineText: activity.deadline.text,
        checkIns: grouped.get(activity.id) ?? [],
      })),
    ),
  );
}

/** What the full sheet of a plan names besides the plan itself. */
export type PlanSheetNames = {
  causes: ReadonlyMap<string, string>;
  measures: ReadonlyMap<string, string>;
  indicators: readonly IndicatorMeta[];
  /** The day an activity's overdue state is judged on; null when the plan is not being carried out. */
  overdueOn: IsoDate | null;
};

/** «выполнено», «просрочено»: an activity's state as the plan page shows it, lower case. */
export function activityStatusLabel(activity: Activity, overdueOn: IsoDate | null): string {
  if (overdueOn !== null && isActivityOverdue(activity, overdueOn)) return "просрочено";
  return ACTIVITY_STATUS_LABELS[activity.status].toLowerCase();
}

/** Every section with every field of its activities, for the plan's XLSX. */
export function sheetSections(
  plan: Plan,
  checkIns: readonly CheckInSource[],
  names: PlanSheetNames,
): DocumentSection<PlanDocumentActivity>[] {
  const grouped = checkInsByActivity(checkIns);
  return plan.sections.map((section) =>
    sectionOf(
      section,
      section.activities.map((activity): PlanDocumentActivity => {
        const { code, baseline, target, year } = activity.indicator;
        const meta = code === null ? undefined : names.indicators.find((item) => item.code === code);
        return {
          ...roadMapActivity(activity),
          indicator: code === null ? null : { code, name: meta?.name ?? code, baseline, target, year },
          statusLabel: activityStatusLabel(activity, names.overdueOn),
          causes: activity.causeCodes.map((item) => names.causes.get(item) ?? item),
          measures: activity.measureCodes.map((item) => names.measures.get(item) ?? item),
          checkIns: grouped.get(activity.id) ?? [],
        };
      }),
    ),
  );
}
