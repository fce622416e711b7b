import { linearRegression } from "simple-statistics";
import { type Column, cell, type Evaluator, type Observation, type YearLists } from "./observation";
import { COMPARISON_TOLERANCE } from "./region-stats";
import type { CriterionVerdict, IndicatorDirection } from "./types";

/** What a window adds to the sentence of a met criterion. */
export type WindowDetail =
  | { kind: "year" }
  | { kind: "k_of_n"; n: number; metCount: number; streak: number }
  | { kind: "mean_of_n" }
  | { kind: "trend"; n: number; slope: number; worseningStreak: number };

/** A criterion's outcome for one school after its window: verdict, the observation shown, years used. */
export type WindowOutcome = {
  verdict: CriterionVerdict;
  /** The observation whose value and threshold are reported; null when there is no data. */
  headline: Observation | null;
  yearsUsed: number[];
  detail: WindowDetail;
};

/** The years of an outcome without data: one shared empty list (never mutated). */
const NO_YEARS: number[] = [];

const noData = (detail: WindowDetail): WindowOutcome => ({
  verdict: "no_data",
  headline: null,
  yearsUsed: NO_YEARS,
  detail,
});

/** The outcome of a one-slot window: the run year, or a window mean. */
export function evaluateOneSlot(evaluator: Evaluator, school: number, detail: WindowDetail): WindowOutcome {
  const observation = evaluator(school);
  if (!observation) return noData(detail);
  return {
    verdict: observation.isMet ? "met" : "not_met",
    headline: observation,
    yearsUsed: observation.yearsUsed,
    detail,
  };
}

/**
 * The outcome of a k_of_n window: met when the condition holds in at least k of the years (given
 * oldest first, ending at the run year). Years without data count as not met; with fewer than k
 * years of data the verdict is no_data, since nothing could be decided. The headline is the latest
 * year the condition held, else the latest year with data; the streak counts consecutive met years
 * ending at the run year. `lists` shares the years-used lists between schools.
 */
export function evaluateKOfN(
  evaluators: readonly Evaluator[],
  k: number,
  school: number,
  lists: YearLists,
): WindowOutcome {
  let presentCount = 0;
  let metCount = 0;
  let streak = 0;
  let lastPresent: Observation | null = null;
  let lastMet: Observation | null = null;
  const years: number[] = [];
  for (const evaluator of evaluators) {
    const observation = evaluator(school);
    if (!observation) {
      streak = 0;
      continue;
    }
    presentCount++;
    lastPresent = observation;
    if (observation.isMet) {
      metCount++;
      streak++;
      lastMet = observation;
    } else {
      streak = 0;
    }
    for (const year of observation.yearsUsed) if (!years.includes(year)) years.push(year);
  }
  const detail: WindowDetail = { kind: "k_of_n", n: evaluators.length, metCount, streak };
  if (presentCount < k) return noData(detail);
  const isMet = metCount >= k;
  return {
    verdict: isMet ? "met" : "not_met",
    headline: isMet ? lastMet : lastPresent,
    yearsUsed: lists(years.sort((a, b) => a - b)),
    detail,
  };
}

/** A school's values of one indicator in the window's years, oldest first, years without data left out. */
function series(school: number, columns: TrendWindow["columns"]): { year: number; value: number }[] {
  const points: { year: number; value: number }[] = [];
  for (const { year, column } of columns) {
    const value = cell(column, school);
    if (value !== undefined) points.push({ year, value });
  }
  return points;
}

/** Consecutive year-on-year worsenings ending at the last point (years must be adjacent). */
function worseningStreak(
  points: readonly { year: number; value: number }[],
  direction: IndicatorDirection,
): number {
  let streak = 0;
  for (let index = points.length - 1; index > 0; index--) {
    const current = points[index];
    const previous = points[index - 1];
    if (!current || !previous || current.year !== previous.year + 1) break;
    const change = current.value - previous.value;
    const worse = direction === "higher_better" ? -change : change;
    if (worse <= COMPARISON_TOLERANCE) break;
    streak++;
  }
  return streak;
}

/** Parameters of a trend window for one indicator: its columns over the window's years, oldest first. */
export type TrendWindow = {
  direction: IndicatorDirection;
  columns: { year: number; column: Column }[];
  minSlope: number;
};

/**
 * The outcome of a trend window: met when the run-year condition holds and the least-squares slope
 * over the window's years worsens by more than zero and by at least `minSlope` a year. Needs the
 * run year and at least min(n, 3) years with data.
 */
export function evaluateTrend(runYear: Evaluator, trend: TrendWindow, school: number): WindowOutcome {
  const n = trend.columns.length;
  const headline = runYear(school);
  const points = series(school, trend.columns);
  if (!headline || points.length < Math.min(n, 3))
    return noData({ kind: "trend", n, slope: 0, worseningStreak: 0 });
  const slope = linearRegression(points.map((point) => [point.year, point.value])).m;
  const worsening = trend.direction === "higher_better" ? -slope : slope;
  const isWorsening = worsening > COMPARISON_TOLERANCE && worsening >= trend.minSlope - COMPARISON_TOLERANCE;
  return {
    verdict: headline.isMet && isWorsening ? "met" : "not_met",
    headline,
    yearsUsed: points.map((point) => point.year),
    detail: { kind: "trend", n, slope, worseningStreak: worseningStreak(points, trend.direction) },
  };
}
