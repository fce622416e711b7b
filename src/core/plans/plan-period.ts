import { z } from "zod";
import { formatDateRu, type IsoDate, isoDateSchema, parseIsoDate } from "./iso-date";

/** The span a plan covers, both ends included: an academic year, a calendar year or any other. */
export const planPeriodSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((period) => period.from <= period.to, {
    message: "Начало периода плана не может быть позже его конца",
    path: ["to"],
  });
/** The span a plan covers. */
export type PlanPeriod = z.infer<typeof planPeriodSchema>;

/** The academic year starting in `startYear`: 2020 → 2020-09-01…2021-08-31 (2020/21 учебный год). */
export function academicYearPeriod(startYear: number): PlanPeriod {
  return { from: `${startYear}-09-01`, to: `${startYear + 1}-08-31` };
}

/** The calendar year: 2021 → 2021-01-01…2021-12-31. */
export function calendarYearPeriod(year: number): PlanPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** True when the period is exactly an academic year (1 September to 31 August). */
export function isAcademicYear(period: PlanPeriod): boolean {
  const from = parseIsoDate(period.from);
  const to = parseIsoDate(period.to);
  return (
    !!from &&
    !!to &&
    from.month === 9 &&
    from.day === 1 &&
    to.month === 8 &&
    to.day === 31 &&
    to.year === from.year + 1
  );
}

/** «2020/21 учебный год», «2021 год» or «01.02.2021–30.06.2021». */
export function formatPeriodRu(period: PlanPeriod): string {
  const from = parseIsoDate(period.from);
  if (from && isAcademicYear(period)) return `${from.year}/${String(from.year + 1).slice(2)} учебный год`;
  if (from && period.from === `${from.year}-01-01` && period.to === `${from.year}-12-31`)
    return `${from.year} год`;
  return `${formatDateRu(period.from)}–${formatDateRu(period.to)}`;
}

/** True when a date lies within the period, ends included. */
export function isInPeriod(date: IsoDate, period: PlanPeriod): boolean {
  return date >= period.from && date <= period.to;
}
