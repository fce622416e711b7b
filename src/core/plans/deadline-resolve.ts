import type { DeadlinePoint, DeadlineSpan } from "./deadline-tokens";
import { addDays, daysInMonth, type IsoDate, isValidDate, parseIsoDate, toIsoDate } from "./iso-date";
import { isAcademicYear, type PlanPeriod } from "./plan-period";

/** A date range, both ends included. */
export type DateRange = { from: IsoDate; to: IsoDate };

/** A point as months and days: from (sm, sd ?? 1) to (em, ed ?? the month's last day) of `year`. */
type Placed = { year: number | null; sm: number; sd: number | null; em: number; ed: number | null };
type PlacedSpan = { from: Placed; to: Placed; mode: DeadlineSpan["mode"] };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * Months of a point. Half-years are calendar halves (I: January–June, II: July–December), except
 * a half-year written without a year in an academic-year plan: the school's halves, I September–
 * December and II January–May.
 */
function place(point: DeadlinePoint, month: number | null, isAcademic: boolean): Placed | null {
  switch (point.kind) {
    case "day":
      return month === null ? null : { year: point.year, sm: month, sd: point.day, em: month, ed: point.day };
    case "month":
      return { year: point.year, sm: point.month, sd: null, em: point.month, ed: null };
    case "quarter":
      if (point.quarter < 1 || point.quarter > 4) return null;
      return { year: point.year, sm: point.quarter * 3 - 2, sd: null, em: point.quarter * 3, ed: null };
    case "half": {
      if (point.half < 1 || point.half > 2) return null;
      const first = point.half === 1;
      if (point.year === null && isAcademic) {
        return { year: null, sm: first ? 9 : 1, sd: null, em: first ? 12 : 5, ed: null };
      }
      return { year: point.year, sm: first ? 1 : 7, sd: null, em: first ? 6 : 12, ed: null };
    }
    case "year":
      return { year: point.year, sm: 1, sd: null, em: 12, ed: null };
  }
}

function startKey(point: Placed): number {
  return point.sm * 100 + (point.sd ?? 1);
}

/** Gives a span's other end its year: the same year, or the next when the end comes earlier in the year. */
function completeSpan(span: PlacedSpan): void {
  const { from, to } = span;
  if (from.year === null && to.year !== null) from.year = to.year - (startKey(from) > startKey(to) ? 1 : 0);
  if (to.year === null && from.year !== null) to.year = from.year + (startKey(to) < startKey(from) ? 1 : 0);
}

/**
 * Years for spans written without one: a year written later applies back to the spans before it
 * («Март, июль 2021 года»; «ноябрь, декабрь, март 2021» is November–December 2020), then a year
 * written earlier applies forward («март 2021, май»), each time stepping over a new year when the
 * months go back.
 */
function inheritYears(spans: PlacedSpan[]): void {
  for (const span of spans) completeSpan(span);
  for (let i = spans.length - 2; i >= 0; i--) {
    const span = spans[i];
    const next = spans[i + 1];
    if (!span || !next || span.from.year !== null || next.from.year === null) continue;
    span.from.year = next.from.year - (startKey(span.from) > startKey(next.from) ? 1 : 0);
    completeSpan(span);
  }
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i];
    const previous = spans[i - 1];
    if (!span || !previous || span.from.year !== null || previous.to.year === null) continue;
    span.from.year = previous.to.year + (startKey(span.from) < startKey(previous.to) ? 1 : 0);
    completeSpan(span);
  }
}

function startDate(point: Placed, year: number): IsoDate | null {
  const day = point.sd ?? 1;
  return isValidDate(year, point.sm, day) ? toIsoDate(year, point.sm, day) : null;
}

function endDate(point: Placed, year: number): IsoDate | null {
  const day = point.ed ?? daysInMonth(year, point.em);
  return isValidDate(year, point.em, day) ? toIsoDate(year, point.em, day) : null;
}

/**
 * With no year anywhere in the text, a span goes to its first occurrence in the plan's period: the
 * first year in which it starts on or after the period's start; «до X» (until) to the first year in
 * which the day before X is on or after it. In a period of at most a year every month occurs once:
 * «ноябрь, декабрь, март, май» is November–December 2020 and March–May 2021 in the academic year
 * 2020/21, and March, May, November and December 2021 in the calendar year 2021.
 */
function placeInPeriod(span: PlacedSpan, period: PlanPeriod): void {
  const first = parseIsoDate(period.from)?.year ?? 2000;
  const before = (year: number) => {
    const start = startDate(span.from, year);
    if (start === null) return false;
    return (span.mode === "until" ? addDays(start, -1) : start) < period.from;
  };
  span.from.year = before(first) ? first + 1 : first;
  completeSpan(span);
}

function toRange(span: PlacedSpan, period: PlanPeriod): DateRange | null {
  const { from, to } = span;
  if (from.year === null || to.year === null) return null;
  if ([from.year, to.year].some((year) => year < MIN_YEAR || year > MAX_YEAR)) return null;
  const start = startDate(from, from.year);
  const end = endDate(to, to.year);
  if (start === null || end === null) return null;
  if (span.mode === "until") {
    const last = addDays(start, -1);
    return { from: period.from <= last ? period.from : last, to: last };
  }
  if (span.mode === "by") return { from: period.from <= end ? period.from : start, to: end };
  return start <= end ? { from: start, to: end } : null;
}

/** Date ranges of spans read from a text, in the order written; null when one cannot be a date. */
export function resolveSpans(spans: readonly DeadlineSpan[], period: PlanPeriod): DateRange[] | null {
  const isAcademic = isAcademicYear(period);
  const placed: PlacedSpan[] = [];
  for (const span of spans) {
    const toMonth = span.to.kind === "day" ? span.to.month : null;
    const to = place(span.to, toMonth, isAcademic);
    const fromMonth = span.from.kind === "day" ? (span.from.month ?? toMonth) : null;
    const from = place(span.from, fromMonth, isAcademic);
    if (!from || !to) return null;
    if (span.from.kind === "day" && span.from.month === null) from.year = to.year;
    placed.push({ from, to, mode: span.mode });
  }
  inheritYears(placed);
  const ranges: DateRange[] = [];
  for (const span of placed) {
    if (span.from.year === null) placeInPeriod(span, period);
    const range = toRange(span, period);
    if (!range) return null;
    ranges.push(range);
  }
  return ranges;
}
