import { collectValues, type Evaluator, type ValueSource } from "./observation";
import {
  compareWithTolerance,
  isAsBadOrWorse,
  meanAndSd,
  sdWorseThanMean,
  sortedAscending,
  worstPercentBoundary,
} from "./region-stats";
import type { SingleIndicatorCriterion } from "./rule-set.schema";
import type { IndicatorMeta } from "./types";

/** A ready comparison: the threshold or region boundary and the test of one value. */
type Condition = {
  threshold: number;
  isMet: (value: number) => boolean;
  sdWorse: ((value: number) => number) | null;
};

/**
 * Builds the condition of a single-indicator criterion for one slot. Position criteria read the
 * region distribution (the eligible schools' values in the slot) once here, so evaluating a school
 * afterwards costs O(1). Null when no eligible school has a value, so nobody can be compared.
 */
function buildCondition(
  criterion: SingleIndicatorCriterion,
  indicator: IndicatorMeta,
  regionValues: () => number[],
): Condition | null {
  const { direction } = indicator;
  switch (criterion.kind) {
    case "threshold":
      return {
        threshold: criterion.value,
        isMet: (value) => compareWithTolerance(value, criterion.op, criterion.value),
        sdWorse: null,
      };
    case "bottom_percent": {
      const boundary = worstPercentBoundary(sortedAscending(regionValues()), criterion.percent, direction);
      if (boundary === null) return null;
      return {
        threshold: boundary,
        isMet: (value) => isAsBadOrWorse(value, boundary, direction),
        sdWorse: null,
      };
    }
    case "below_mean_sd": {
      const stats = meanAndSd(regionValues());
      if (!stats) return null;
      const { mean, sd } = stats;
      const boundary = direction === "higher_better" ? mean - criterion.sd * sd : mean + criterion.sd * sd;
      // With no spread nobody is worse than the mean, whatever k is.
      if (sd === 0) return { threshold: boundary, isMet: () => false, sdWorse: () => 0 };
      const sdWorse = (value: number) => sdWorseThanMean(value, mean, sd, direction);
      return { threshold: boundary, isMet: (value) => sdWorse(value) >= criterion.sd - 1e-9, sdWorse };
    }
  }
}

/**
 * An evaluator of a single-indicator criterion over one slot (a year, or a window mean when `year`
 * is null), with the region distribution taken over the `eligible` schools (indices).
 */
export function buildSingleEvaluator(
  criterion: SingleIndicatorCriterion,
  indicator: IndicatorMeta,
  source: ValueSource,
  eligible: readonly number[],
  year: number | null,
): Evaluator {
  const condition = buildCondition(criterion, indicator, () => collectValues(eligible, source));
  if (!condition) return () => null;
  return (school) => {
    const found = source(school);
    if (!found) return null;
    return {
      year,
      value: found.value,
      threshold: condition.threshold,
      isMet: condition.isMet(found.value),
      sdWorse: condition.sdWorse ? condition.sdWorse(found.value) : null,
      multi: null,
      yearsUsed: found.years,
    };
  };
}
