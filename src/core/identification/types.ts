import type { RuleSetCategory } from "./rule-set.schema";

/**
 * Unit of an indicator value: a share 0–1 (доля), a percent 0–100, a count, a test score or mean
 * mark (балл), or a yes/no flag stored as 1/0 (наличие).
 */
export type IndicatorUnit = "share" | "percent" | "count" | "score" | "bool";

/** Which way an indicator improves: a higher value is better, or a lower value is better. */
export type IndicatorDirection = "higher_better" | "lower_better";

/** What the analytics need to know about an indicator of the catalogue. */
export type IndicatorMeta = {
  code: string;
  /** Russian name as in the catalogue, capitalised («Доля участников ЕГЭ …»). */
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
};

/**
 * One school as the analytics see it: size, territory and the indicator values by year.
 * `values[code][year]` is the value; a missing year is an absent key, never NaN or null.
 */
export type SchoolFacts = {
  schoolId: number;
  code: string;
  /** Number of students; null when unknown. */
  students: number | null;
  isRural: boolean;
  municipalityId: number;
  values: Record<string, Record<number, number>>;
};

/** A school of a facts table: a school without its values. */
export type FactsSchool = Omit<SchoolFacts, "values">;

/**
 * A region's schools with indicator values in columns: `columns.get(code).get(year)[i]` is school
 * i's value, NaN where it has none (a missing column: no school has a value). Read by the engine
 * without a per-school object per value, which is what makes a national-scale run fast.
 */
export type FactsTable<S extends FactsSchool = FactsSchool> = {
  schools: readonly S[];
  columns: ReadonlyMap<string, ReadonlyMap<number, Float64Array>>;
};

/** Outcome of one criterion for one school: met, not met, or not decidable for lack of data. */
export type CriterionVerdict = "met" | "not_met" | "no_data";

/** One criterion's result for one school, with what it rests on and a plain Russian sentence. */
export type CriterionResult = {
  criterionId: string;
  /** The indicator compared; for a multi_threshold criterion, the first indicator that met it (else the first listed). */
  indicatorCode: string;
  /**
   * The value the verdict rests on: the run year's value; in a k_of_n window the latest year the
   * condition held (else the latest year with data); in a mean_of_n window the mean.
   */
  value: number | null;
  /** The fixed threshold, or the region boundary (bottom N% boundary, mean ∓ k·SD) the value was compared with. */
  threshold: number | null;
  /** Years whose values the verdict used, ascending; the list may be shared with other results of the run (never mutate it). */
  yearsUsed: number[];
  verdict: CriterionVerdict;
  /** A Russian sentence for a met criterion; null otherwise. */
  sentence: string | null;
};

/** Status of a school under one rule set. */
export type SchoolStatus = "flagged" | "not_flagged" | "insufficient_data";

/** Why a school is insufficient_data: too few students, or no data for any criterion. */
export type InsufficientReason = "small_school" | "no_data";

/** One school's result under one rule set. */
export type SchoolRuleResult = {
  schoolId: number;
  code: string;
  status: SchoolStatus;
  /** Set when status is insufficient_data. */
  reason: InsufficientReason | null;
  /** Number of criteria met. */
  metCount: number;
  /** One entry per criterion, in rule-set order; empty for a school excluded as too small. */
  criteria: CriterionResult[];
};

/** The result of running one rule set for one year over a set of schools. */
export type RuleSetEvaluation = {
  ruleSetName: string;
  category: RuleSetCategory;
  /** The risk flag this rule set raises (category risk only): its riskFlag, or its name. */
  riskFlag: string | null;
  year: number;
  /** One entry per input school, in input order. */
  schools: SchoolRuleResult[];
};

/**
 * A school's final category for a year: ШНРО (school with low educational results), ШФНСУ (school
 * functioning in unfavourable social conditions), both, none, or not decidable for lack of data.
 */
export type SchoolCategoryName = "shnro" | "shfnsu" | "both" | "none" | "insufficient_data";

/** A school's final category and risk flags for one year, combined over several rule sets. */
export type SchoolCategory = {
  schoolId: number;
  code: string;
  category: SchoolCategoryName;
  /** Risk flags raised by risk rule sets, sorted. */
  riskFlags: string[];
  /** Names of the rule sets that flagged the school, in input order. */
  flaggedBy: string[];
};
