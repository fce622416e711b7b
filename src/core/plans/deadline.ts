import { z } from "zod";
import { type DateRange, resolveSpans } from "./deadline-resolve";
import { normalizeDeadline, readItems } from "./deadline-tokens";
import { type IsoDate, isoDateSchema } from "./iso-date";
import type { PlanPeriod } from "./plan-period";

/**
 * How a deadline reads:
 * - dates: named days, months, quarters, half-years or years («Март, июль 2021 года», «до 01.09.2021»);
 * - period: throughout the plan's period, alone or beside dates («в течение года», «Сентябрь, в
 *   течение года», «По мере реализации», «постоянно»);
 * - recurring: on a schedule or at intervals within the period («ежемесячно», «По спец. графику»,
 *   «По графику ОО в течение учебного года»);
 * - unreadable: not understood; no ranges and no end, so it is never overdue.
 */
export const DEADLINE_KINDS = ["dates", "period", "recurring", "unreadable"] as const;
/** How a deadline reads. */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A date range, both ends included. */
export const dateRangeSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

/** A deadline as written and as read: the text is kept, the ranges and the end are derived from it. */
export const deadlineSchema = z.strictObject({
  text: z.string().max(500, "Срок не длиннее 500 символов"),
  kind: z.enum(DEADLINE_KINDS),
  ranges: z.array(dateRangeSchema),
  /** The last day by which it must be done (the latest range's end); null when unreadable. */
  end: isoDateSchema.nullable(),
});
/** A deadline as written and as read. */
export type Deadline = z.infer<typeof deadlineSchema>;
/** A date range, both ends included (from the resolver). */
export type { DateRange };

function unreadable(text: string): Deadline {
  return { text, kind: "unreadable", ranges: [], end: null };
}

function lastEnd(ranges: readonly DateRange[]): IsoDate | null {
  let end: IsoDate | null = null;
  for (const range of ranges) if (end === null || range.to > end) end = range.to;
  return end;
}

/**
 * Reads a deadline as people write it into date ranges within the plan's period. The rules:
 * - items are separated by commas, semicolons and line breaks; an item is a point (a date
 *   «30.03.2021», a day «15 марта», a month, «I квартал», «II полугодие», a year), a span of two
 *   («Январь-февраль», «13.10–20.10.2020», «с 13.10 по 20.10.2020»), «до X» (ends the day before
 *   X) or «не позднее X» / «к X» (ends with X), both of these starting with the period;
 * - a year written after a point applies to the points before it, a year before to those after;
 *   with no year at all, each span goes to its first occurrence in the period (see resolveSpans);
 * - phrases of the whole period («в течение (учебного) года», «постоянно», «по мере …», «до конца
 *   года») give the period's range, as do schedules («по … графику», «ежемесячно»);
 * - anything not understood makes the whole deadline unreadable. Never throws.
 * Ranges are in the order written; `end` is the latest `to`.
 */
export function readDeadline(text: string, period: PlanPeriod): Deadline {
  try {
    const items = readItems(normalizeDeadline(text));
    if (!items || items.length === 0) return unreadable(text);
    // Spans of all items resolve together, so that a year written in one item reaches the others.
    const spans = resolveSpans(
      items.flatMap((item) => (item.kind === "recurring" ? [] : item.spans)),
      period,
    );
    if (!spans) return unreadable(text);
    const ranges: DateRange[] = [];
    let kind: DeadlineKind = "dates";
    let next = 0;
    for (const item of items) {
      if (item.kind !== "recurring") {
        ranges.push(...spans.slice(next, next + item.spans.length));
        next += item.spans.length;
      }
      if (item.kind === "points") continue;
      if (item.kind === "recurring") kind = "recurring";
      else if (kind === "dates") kind = "period";
      ranges.push({ from: period.from, to: period.to });
    }
    return { text, kind, ranges, end: lastEnd(ranges) };
  } catch {
    return unreadable(text);
  }
}

/** True when every range of a deadline lies within the period (an unreadable one is not judged: true). */
export function isDeadlineWithinPeriod(deadline: Deadline, period: PlanPeriod): boolean {
  return deadline.ranges.every((range) => range.from >= period.from && range.to <= period.to);
}

/** True when a deadline's end has passed: `today` is after its last day. */
export function isDeadlinePassed(deadline: Deadline, today: IsoDate): boolean {
  return deadline.end !== null && today > deadline.end;
}
