import { buildMultiEvaluator } from "./multi-evaluator";
import {
  columnOf,
  createYearLists,
  type Evaluator,
  meanSource,
  windowYears,
  yearSource,
} from "./observation";
import type { Criterion, MultiThresholdCriterion, SingleIndicatorCriterion } from "./rule-set.schema";
import { buildSentence, type IndicatorLookup } from "./sentences";
import { buildSingleEvaluator } from "./single-evaluator";
import type { CriterionResult, FactsTable } from "./types";
import { evaluateKOfN, evaluateOneSlot, evaluateTrend, type WindowOutcome } from "./windows";

/** Evaluates one criterion for one school (its index in the facts table). */
export type CriterionRunner = (school: number) => CriterionResult;

/** What a runner is built from. */
export type CriterionRunnerInput = {
  criterion: Criterion;
  indicatorOf: IndicatorLookup;
  table: FactsTable;
  /** Schools (indices into the table) that form the region distributions (those passing minStudents). */
  eligible: readonly number[];
  year: number;
  withSentences: boolean;
};

type OutcomeOf = (school: number) => WindowOutcome;

function singleOutcome(criterion: SingleIndicatorCriterion, input: CriterionRunnerInput): OutcomeOf {
  const { eligible, year, table } = input;
  const indicator = input.indicatorOf(criterion.indicatorCode);
  const atYear = (y: number): Evaluator =>
    buildSingleEvaluator(criterion, indicator, yearSource(table, indicator.code, y), eligible, y);
  const window = criterion.window;
  switch (window.kind) {
    case "year": {
      const evaluator = atYear(year);
      return (school) => evaluateOneSlot(evaluator, school, { kind: "year" });
    }
    case "k_of_n": {
      const evaluators = windowYears(year, window.n).map(atYear);
      const lists = createYearLists();
      return (school) => evaluateKOfN(evaluators, window.k, school, lists);
    }
    case "mean_of_n": {
      const source = meanSource(table, indicator.code, windowYears(year, window.n), Math.ceil(window.n / 2));
      const evaluator = buildSingleEvaluator(criterion, indicator, source, eligible, null);
      return (school) => evaluateOneSlot(evaluator, school, { kind: "mean_of_n" });
    }
    case "trend": {
      const evaluator = atYear(year);
      const trend = {
        direction: indicator.direction,
        columns: windowYears(year, window.n).map((y) => ({
          year: y,
          column: columnOf(table, indicator.code, y),
        })),
        minSlope: window.minSlope ?? 0,
      };
      return (school) => evaluateTrend(evaluator, trend, school);
    }
  }
}

function multiOutcome(criterion: MultiThresholdCriterion, table: FactsTable, year: number): OutcomeOf {
  const window = criterion.window;
  if (window.kind === "year") {
    const evaluator = buildMultiEvaluator(criterion, table, year);
    return (school) => evaluateOneSlot(evaluator, school, { kind: "year" });
  }
  const evaluators = windowYears(year, window.n).map((y) => buildMultiEvaluator(criterion, table, y));
  const lists = createYearLists();
  return (school) => evaluateKOfN(evaluators, window.k, school, lists);
}

/**
 * Prepares one criterion for a run: region distributions are computed here, once per year (or
 * window), so the returned runner costs O(window) per school.
 */
export function buildCriterionRunner(input: CriterionRunnerInput): CriterionRunner {
  const { criterion, year } = input;
  const outcomeOf =
    criterion.kind === "multi_threshold"
      ? multiOutcome(criterion, input.table, year)
      : singleOutcome(criterion, input);
  const fallbackCode =
    criterion.kind === "multi_threshold" ? (criterion.indicatorCodes[0] ?? "") : criterion.indicatorCode;
  return (school) => {
    const outcome = outcomeOf(school);
    const headline = outcome.headline;
    return {
      criterionId: criterion.id,
      indicatorCode: headline?.multi?.headlineCode ?? fallbackCode,
      value: headline?.value ?? null,
      threshold: headline?.threshold ?? null,
      yearsUsed: outcome.yearsUsed,
      verdict: outcome.verdict,
      sentence: input.withSentences ? buildSentence(criterion, outcome, input.indicatorOf, year) : null,
    };
  };
}
