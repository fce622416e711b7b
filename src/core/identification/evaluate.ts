import { buildCriterionRunner } from "./criterion-runner";
import { factsTableOf, type IndicatorYears } from "./facts";
import type { Combine, Criterion, RuleSet } from "./rule-set.schema";
import type { IndicatorLookup } from "./sentences";
import type {
  CriterionResult,
  FactsSchool,
  FactsTable,
  IndicatorMeta,
  RuleSetEvaluation,
  SchoolFacts,
  SchoolRuleResult,
} from "./types";

/** Options of an evaluation. */
export type EvaluateOptions = {
  /** Build the Russian sentences of met criteria (default true; off for a live preview or a benchmark). */
  withSentences?: boolean;
};

/** Every indicator code a criterion reads. */
export function criterionIndicatorCodes(criterion: Criterion): string[] {
  return criterion.kind === "multi_threshold" ? [...criterion.indicatorCodes] : [criterion.indicatorCode];
}

/** Every indicator code a rule set reads, each once, in order of first use. */
export function ruleSetIndicatorCodes(ruleSet: RuleSet): string[] {
  return [...new Set(ruleSet.criteria.flatMap(criterionIndicatorCodes))];
}

/** The years a criterion reads when run for `year`: its window, plus the year before for orSameTwoYears. */
export function criterionYears(criterion: Criterion, year: number): number[] {
  const window = criterion.window;
  const n = window.kind === "year" ? 1 : window.n;
  const extra = criterion.kind === "multi_threshold" && criterion.orSameTwoYears ? 1 : 0;
  return Array.from({ length: n + extra }, (_, index) => year - n - extra + 1 + index);
}

/** The years a rule set needs values for when run for `year` (window lengths, plus the year before for orSameTwoYears). */
export function ruleSetYears(ruleSet: RuleSet, year: number): number[] {
  let depth = 1;
  for (const criterion of ruleSet.criteria) depth = Math.max(depth, criterionYears(criterion, year).length);
  return Array.from({ length: depth }, (_, index) => year - depth + 1 + index);
}

/**
 * Exactly the values a rule set reads when run for `year`: each criterion's indicators in its own
 * years (a one-year criterion does not load the three years a neighbour's window needs). A facts
 * table holding these gives the same evaluation as one holding every year.
 */
export function ruleSetIndicatorYears(ruleSet: RuleSet, year: number): IndicatorYears[] {
  return ruleSet.criteria.map((criterion) => ({
    codes: criterionIndicatorCodes(criterion),
    years: criterionYears(criterion, year),
  }));
}

/** Codes a rule set uses that the catalogue does not have. */
export function unknownIndicatorCodes(ruleSet: RuleSet, indicators: readonly IndicatorMeta[]): string[] {
  const known = new Set(indicators.map((indicator) => indicator.code));
  return ruleSetIndicatorCodes(ruleSet).filter((code) => !known.has(code));
}

/** A lookup over a catalogue; throws on an unknown code (callers check with {@link unknownIndicatorCodes}). */
export function indicatorLookup(indicators: readonly IndicatorMeta[]): IndicatorLookup {
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  return (code) => {
    const indicator = byCode.get(code);
    if (!indicator) throw new Error(`Неизвестный показатель: ${code}`);
    return indicator;
  };
}

/** True when a school passes the rule set's minimum group size (an unknown size does not pass). */
export function isLargeEnough(ruleSet: RuleSet, school: Pick<FactsSchool, "students">): boolean {
  if (ruleSet.minStudents === undefined) return true;
  return school.students !== null && school.students >= ruleSet.minStudents;
}

/** True when `metCount` of `total` criteria satisfies the rule set's combination. */
export function isCombinationMet(combine: Combine, metCount: number, total: number): boolean {
  switch (combine.kind) {
    case "all":
      return metCount === total;
    case "any":
      return metCount >= 1;
    case "at_least":
      return metCount >= combine.k;
  }
}

function schoolResult(
  ruleSet: RuleSet,
  base: { schoolId: number; code: string },
  criteria: CriterionResult[],
): SchoolRuleResult {
  let metCount = 0;
  let hasData = false;
  for (const result of criteria) {
    if (result.verdict === "met") metCount++;
    if (result.verdict !== "no_data") hasData = true;
  }
  const { schoolId, code } = base;
  if (!hasData) return { schoolId, code, status: "insufficient_data", reason: "no_data", metCount, criteria };
  const isFlagged = isCombinationMet(ruleSet.combine, metCount, criteria.length);
  return { schoolId, code, status: isFlagged ? "flagged" : "not_flagged", reason: null, metCount, criteria };
}

/** Evaluates one school of a facts table (by index) under a prepared rule set. */
export type SchoolEvaluator = (school: number) => SchoolRuleResult;

/**
 * Prepares a rule set for a year over a facts table: checks the indicators, computes the region
 * distributions once (over the schools passing the minimum group size), and returns the evaluator
 * of one school. A caller evaluating in slices (to report progress) uses this; see
 * {@link evaluateRuleSet} for the rules.
 */
export function prepareRuleSet(
  ruleSet: RuleSet,
  year: number,
  table: FactsTable,
  indicators: readonly IndicatorMeta[],
  options: EvaluateOptions = {},
): SchoolEvaluator {
  const unknown = unknownIndicatorCodes(ruleSet, indicators);
  if (unknown.length > 0) throw new Error(`Неизвестные показатели: ${unknown.join(", ")}`);
  const indicatorOf = indicatorLookup(indicators);
  const eligible: number[] = [];
  table.schools.forEach((school, index) => {
    if (isLargeEnough(ruleSet, school)) eligible.push(index);
  });
  const runners = ruleSet.criteria.map((criterion) =>
    buildCriterionRunner({
      criterion,
      indicatorOf,
      table,
      eligible,
      year,
      withSentences: options.withSentences ?? true,
    }),
  );
  return (index) => {
    const school = table.schools[index]!;
    const { schoolId, code } = school;
    if (!isLargeEnough(ruleSet, school)) {
      return {
        schoolId,
        code,
        status: "insufficient_data",
        reason: "small_school",
        metCount: 0,
        criteria: [],
      };
    }
    const criteria: CriterionResult[] = new Array(runners.length);
    for (let k = 0; k < runners.length; k++) criteria[k] = runners[k]!(index);
    return schoolResult(ruleSet, school, criteria);
  };
}

/** Wraps the results of a rule set's schools (in table order) as its evaluation. */
export function ruleSetEvaluation(
  ruleSet: RuleSet,
  year: number,
  schools: SchoolRuleResult[],
): RuleSetEvaluation {
  return {
    ruleSetName: ruleSet.name,
    category: ruleSet.category,
    riskFlag: ruleSet.category === "risk" ? (ruleSet.riskFlag ?? ruleSet.name) : null,
    year,
    schools,
  };
}

/**
 * Runs a rule set for a year over a set of schools (normally every school of a region: position
 * criteria compare a school with the others passed in), given with their values or as a facts
 * table. Schools below the minimum group size are "insufficient_data" with reason small_school,
 * never flagged, and are left out of the region distributions; a school with no data for any
 * criterion is "insufficient_data" with reason no_data. Pure: the same input gives the same
 * output. Throws when a criterion names an unknown indicator.
 */
export function evaluateRuleSet(
  ruleSet: RuleSet,
  year: number,
  schools: readonly SchoolFacts[] | FactsTable,
  indicators: readonly IndicatorMeta[],
  options: EvaluateOptions = {},
): RuleSetEvaluation {
  const table = "columns" in schools ? schools : factsTableOf(schools);
  const evaluate = prepareRuleSet(ruleSet, year, table, indicators, options);
  return ruleSetEvaluation(
    ruleSet,
    year,
    table.schools.map((_, index) => evaluate(index)),
  );
}

/** How many schools one criterion catches, for the rule-set editor's live preview. */
export type CriterionPreview = { criterionId: string; met: number; notMet: number; noData: number };

/** Counts of a rule set's live preview: per criterion, and for the rule set as a whole. */
export type RuleSetPreview = {
  year: number;
  schools: number;
  flagged: number;
  notFlagged: number;
  insufficientData: number;
  criteria: CriterionPreview[];
};

/** Summarises an evaluation for the live preview: how many schools each criterion and the whole rule set catch. */
export function previewCounts(
  evaluation: RuleSetEvaluation,
  criterionIds: readonly string[],
): RuleSetPreview {
  const byId = new Map(criterionIds.map((id) => [id, { criterionId: id, met: 0, notMet: 0, noData: 0 }]));
  const counts = { flagged: 0, notFlagged: 0, insufficientData: 0 };
  for (const school of evaluation.schools) {
    if (school.status === "flagged") counts.flagged++;
    else if (school.status === "not_flagged") counts.notFlagged++;
    else counts.insufficientData++;
    for (const result of school.criteria) {
      const entry = byId.get(result.criterionId);
      if (!entry) continue;
      if (result.verdict === "met") entry.met++;
      else if (result.verdict === "not_met") entry.notMet++;
      else entry.noData++;
    }
  }
  return {
    year: evaluation.year,
    schools: evaluation.schools.length,
    ...counts,
    criteria: [...byId.values()],
  };
}
