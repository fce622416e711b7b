import { z } from "zod";
import { isDeadlinePassed } from "./deadline";
import { formatDateRu, type IsoDate, isoDateSchema } from "./iso-date";
import { type Activity, listActivities, type Plan } from "./plan.schema";
import { activityLabelCapital, deadlineTextInline } from "./plan-text";

/**
 * A check-in on an activity (отметка о выполнении): the date, what was done, and the evidence as
 * text (a document, an order) or a link. It feeds the «Информация» column of the execution report.
 */
export const checkInSchema = z.strictObject({
  activityId: z.string().min(1),
  date: isoDateSchema,
  text: z.string().trim().min(3, "Опишите, что сделано").max(4000, "Не длиннее 4000 символов"),
  evidenceText: z.string().trim().max(1000).default(""),
  evidenceUrl: z
    .string()
    .trim()
    .max(2000)
    .refine(
      (url) => url === "" || /^https?:\/\/\S+$/.test(url),
      "Ссылка должна начинаться с http:// или https://",
    )
    .default(""),
});
/** A check-in on an activity. */
export type CheckIn = z.infer<typeof checkInSchema>;

/** How far a plan's execution has come. */
export type PlanCompletion = {
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  cancelled: number;
  /** done / (total − cancelled); null when nothing is left to do. */
  share: number | null;
};

/** Counts the activities of a plan by state; cancelled activities are left out of the share. */
export function planCompletion(plan: Plan): PlanCompletion {
  const counts = { total: 0, planned: 0, inProgress: 0, done: 0, cancelled: 0 };
  for (const { activity } of listActivities(plan)) {
    counts.total += 1;
    if (activity.status === "planned") counts.planned += 1;
    else if (activity.status === "in_progress") counts.inProgress += 1;
    else if (activity.status === "done") counts.done += 1;
    else counts.cancelled += 1;
  }
  const active = counts.total - counts.cancelled;
  return { ...counts, share: active > 0 ? counts.done / active : null };
}

/** True when an activity is overdue on `today`: its deadline's last day has passed and it is neither done nor cancelled. */
export function isActivityOverdue(activity: Activity, today: IsoDate): boolean {
  if (activity.status === "done" || activity.status === "cancelled") return false;
  return isDeadlinePassed(activity.deadline, today);
}

/** An overdue activity, with a sentence for the МОЦ and region pages. */
export type OverdueActivity = {
  activityId: string;
  number: string;
  title: string;
  end: IsoDate;
  /** «Мероприятие 1.3. «…»: срок «Март 2021 года» истёк 31.03.2021». */
  sentence: string;
};

/**
 * The overdue activities of a plan on `today`, in plan order. An unreadable deadline has no end
 * and is never overdue (plan quality notes it instead).
 */
export function findOverdueActivities(plan: Plan, today: IsoDate): OverdueActivity[] {
  return listActivities(plan).flatMap(({ activity }) => {
    const end = activity.deadline.end;
    if (end === null || !isActivityOverdue(activity, today)) return [];
    const sentence = `${activityLabelCapital(activity)}: срок «${deadlineTextInline(activity.deadline.text)}» истёк ${formatDateRu(end)}`;
    return [{ activityId: activity.id, number: activity.number, title: activity.title, end, sentence }];
  });
}

/** A plan's check-ins grouped by activity id, each list by date (then in the order given). */
export function groupCheckIns(checkIns: readonly CheckIn[]): Map<string, CheckIn[]> {
  const groups = new Map<string, CheckIn[]>();
  for (const checkIn of checkIns) {
    const list = groups.get(checkIn.activityId) ?? [];
    list.push(checkIn);
    groups.set(checkIn.activityId, list);
  }
  for (const list of groups.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return groups;
}
