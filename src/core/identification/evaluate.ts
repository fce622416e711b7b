import { buildCriterionRunner } from "./criterion-runner";
import type { Combine, Criterion, RuleSet } from "./rule-set.schema";
import type { IndicatorLookup } from "./sentences";
import type {
  CriterionResult,
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

/** The years a rule set needs values for when run for `year` (window lengths, plus the year before for orSameTwoYears). */
export function ruleSetYears(ruleSet: RuleSet, year: number): number[] {
  let depth = 1;
  for (const criterion of ruleSet.criteria) {
    const window = criterion.window;
    const n = window.kind === "year" ? 1 : window.n;
    const extra = criterion.kind === "multi_threshold" && criterion.orSameTwoYears ? 1 : 0;
    depth = Math.max(depth, n + extra);
  }
  return Array.from({ length: depth }, (_, index) => year - depth + 1 + index);
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
export function isLargeEnough(ruleSet: RuleSet, school: SchoolFacts): boolean {
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
  criteria: CriterionResult[],
): Omit<SchoolRuleResult, "schoolId" | "code"> {
  const metCount = criteria.filter((result) => result.verdict === "met").length;
  if (criteria.every((result) => result.verdict === "no_data")) {
    return { status: "insufficient_data", reason: "no_data", metCount, criteria };
  }
  const isFlagged = isCombinationMet(ruleSet.combine, metCount, criteria.length);
  return { status: isFlagged ? "flagged" : "not_flagged", reason: null, metCount, criteria };
}

/**
 * Runs a rule set for a year over a set of schools (normally every school of a region: position
 * criteria compare a school with the others passed in). Schools below the minimum group size are
 * "insufficient_data" with reason small_school, never flagged, and are left out of the region
 * distributions; a school with no data for any criterion is "insufficient_data" with reason no_data.
 * Pure: the same input gives the same output. Throws when a criterion names an unknown indicator.
 */
export function evaluateRuleSet(
  ruleSet: RuleSet,
  year: number,
  schools: readonly SchoolFacts[],
  indicators: readonly IndicatorMeta[],
  options: EvaluateOptions = {},
): RuleSetEvaluation {
  const unknown = unknownIndicatorCodes(ruleSet, indicators);
  if (unknown.length > 0) throw new Error(`Неизвестные показатели: ${unknown.join(", ")}`);
  const indicatorOf = indicatorLookup(indicators);
  const eligible = schools.filter((school) => isLargeEnough(ruleSet, school));
  const runners = ruleSet.criteria.map((criterion) =>
    buildCriterionRunner({
      criterion,
      indicatorOf,
      eligible,
      year,
      withSentences: options.withSentences ?? true,
    }),
  );
  const results = schools.map((school): SchoolRuleResult => {
    const base = { schoolId: school.schoolId, code: school.code };
    if (!isLargeEnough(ruleSet, school)) {
      return { ...base, status: "insufficient_data", reason: "small_school", metCount: 0, criteria: [] };
    }
    return {
      ...base,
      ...schoolResult(
        ruleSet,
        runners.map((run) => run(school)),
      ),
    };
  });
  return {
    ruleSetName: ruleSet.name,
    category: ruleSet.category,
    riskFlag: ruleSet.category === "risk" ? (ruleSet.riskFlag ?? ruleSet.name) : null,
    year,
    schools: results,
  };
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
