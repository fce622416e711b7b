import { shortenText } from "../causes/ru-text";
import type { Activity } from "./plan.schema";

/**
 * An activity as a sentence names it: «мероприятие 1.3. «Разработка «дорожной карты» …»», the
 * title cut at 90 characters; «мероприятие «…»» when it has no number.
 */
export function activityLabel(activity: Pick<Activity, "number" | "title">): string {
  const title = `«${shortenText(activity.title, 90)}»`;
  const number = activity.number.trim();
  return number === "" ? `мероприятие ${title}` : `мероприятие ${number} ${title}`;
}

/** The same with a capital letter, to start a sentence. */
export function activityLabelCapital(activity: Pick<Activity, "number" | "title">): string {
  const label = activityLabel(activity);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A deadline's text on one line: line breaks (a deadline per sub-item, as printed) become «; ». */
export function deadlineTextInline(text: string): string {
  return text.replace(/\s*\n\s*/g, "; ").trim();
}
