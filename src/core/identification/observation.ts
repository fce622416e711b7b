import type { SchoolFacts } from "./types";

/** For a multi_threshold observation: which indicators satisfied the threshold and how the year was met. */
export type MultiDetail = {
  /** Indicators satisfying the threshold this year, in criterion order, with their values. */
  hits: { code: string; value: number }[];
  /** True when enough indicators satisfied the threshold this year. */
  isMetByCount: boolean;
  /** An indicator satisfying the threshold this year and the year before (when orSameTwoYears), else null. */
  sameTwoYearsCode: string | null;
  /** The indicator whose value the observation reports: the one that decided, else the first with data. */
  headlineCode: string;
};

/** One comparison for one school: a year's value (or a window mean) against a threshold or boundary. */
export type Observation = {
  /** The year of the value; null for a window mean. */
  year: number | null;
  value: number;
  threshold: number;
  isMet: boolean;
  /** below_mean_sd only: standard deviations worse than the region mean. */
  sdWorse: number | null;
  /** multi_threshold only. */
  multi: MultiDetail | null;
  /** Years whose values produced this observation. */
  yearsUsed: number[];
};

/** Observes one school in one slot (a year or a window mean); null when the school has no data for it. */
export type Evaluator = (school: SchoolFacts) => Observation | null;

/** Where a slot's value comes from: one year's value or a mean over years. */
export type ValueSource = (school: SchoolFacts) => { value: number; years: number[] } | null;

/** A school's value of an indicator in a year, or undefined. */
export function valueAt(school: SchoolFacts, code: string, year: number): number | undefined {
  return school.values[code]?.[year];
}

/** The years from `last − n + 1` to `last`, ascending. */
export function windowYears(last: number, n: number): number[] {
  return Array.from({ length: n }, (_, index) => last - n + 1 + index);
}

/** The value of one indicator in one year. */
export function yearSource(code: string, year: number): ValueSource {
  const years = [year];
  return (school) => {
    const value = valueAt(school, code, year);
    return value === undefined ? null : { value, years };
  };
}

/** The mean of an indicator over the years that have a value, when at least `minYears` of them do. */
export function meanSource(code: string, years: readonly number[], minYears: number): ValueSource {
  return (school) => {
    const byYear = school.values[code];
    if (!byYear) return null;
    let sum = 0;
    const used: number[] = [];
    for (const year of years) {
      const value = byYear[year];
      if (value === undefined) continue;
      sum += value;
      used.push(year);
    }
    return used.length >= Math.max(1, minYears) ? { value: sum / used.length, years: used } : null;
  };
}

/** The values a source yields for these schools (those without data left out). */
export function collectValues(schools: readonly SchoolFacts[], source: ValueSource): number[] {
  const values: number[] = [];
  for (const school of schools) {
    const found = source(school);
    if (found) values.push(found.value);
  }
  return values;
}
