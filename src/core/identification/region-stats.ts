import type { ComparisonOp } from "./rule-set.schema";
import type { IndicatorDirection } from "./types";

/** Values within this distance of a threshold or boundary count as equal to it (rounding of shares). */
export const COMPARISON_TOLERANCE = 1e-9;

/** True when `value op threshold`, with {@link COMPARISON_TOLERANCE}: 0.2 ≥ 0.2 and 0.30000000000000004 ≤ 0.3 hold. */
export function compareWithTolerance(value: number, op: ComparisonOp, threshold: number): boolean {
  switch (op) {
    case ">=":
      return value >= threshold - COMPARISON_TOLERANCE;
    case ">":
      return value > threshold + COMPARISON_TOLERANCE;
    case "<=":
      return value <= threshold + COMPARISON_TOLERANCE;
    case "<":
      return value < threshold - COMPARISON_TOLERANCE;
  }
}

/** True when `value` is as bad as `boundary` or worse, for an indicator of this direction. */
export function isAsBadOrWorse(value: number, boundary: number, direction: IndicatorDirection): boolean {
  return direction === "higher_better"
    ? compareWithTolerance(value, "<=", boundary)
    : compareWithTolerance(value, ">=", boundary);
}

/** True when `value` is as good as `boundary` or better, for an indicator of this direction. */
export function isAsGoodOrBetter(value: number, boundary: number, direction: IndicatorDirection): boolean {
  return isAsBadOrWorse(value, boundary, direction === "higher_better" ? "lower_better" : "higher_better");
}

/** The values sorted ascending, as a typed array (numeric sort, no comparator call per pair). */
export function sortedAscending(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * The boundary of the worst `percent`% of a distribution: the value of the ⌈n·percent/100⌉-th worst
 * school. A school is in that group when it is as bad as the boundary or worse, so ties with the
 * boundary are included. Null for an empty distribution.
 */
export function worstPercentBoundary(
  sorted: Float64Array,
  percent: number,
  direction: IndicatorDirection,
): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const count = Math.min(n, Math.max(1, Math.ceil((n * percent) / 100 - COMPARISON_TOLERANCE)));
  const index = direction === "higher_better" ? count - 1 : n - count;
  return sorted[index] ?? null;
}

/** The boundary of the best `percent`% of a distribution: mirror of {@link worstPercentBoundary}. */
export function bestPercentBoundary(
  sorted: Float64Array,
  percent: number,
  direction: IndicatorDirection,
): number | null {
  return worstPercentBoundary(
    sorted,
    percent,
    direction === "higher_better" ? "lower_better" : "higher_better",
  );
}

/** Mean and population standard deviation (the region is the whole population, not a sample); null when empty. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  return { mean, sd: Math.sqrt(squares / n) };
}

/** How many standard deviations `value` is worse than `mean` (negative when better). */
export function sdWorseThanMean(
  value: number,
  mean: number,
  sd: number,
  direction: IndicatorDirection,
): number {
  const signed = direction === "higher_better" ? mean - value : value - mean;
  return signed / sd;
}
