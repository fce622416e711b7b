import type { FactsTable } from "./types";

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

/** Observes one school (by its index in the facts table) in one slot; null when it has no data for it. */
export type Evaluator = (school: number) => Observation | null;

/** Where a slot's value comes from: one year's value or a mean over years; by school index. */
export type ValueSource = (school: number) => { value: number; years: number[] } | null;

/** One indicator's values in one year, aligned with the table's schools (NaN where missing). */
export type Column = Float64Array | undefined;

/** The column of an indicator in a year, or undefined when no school has a value. */
export function columnOf(table: FactsTable, code: string, year: number): Column {
  return table.columns.get(code)?.get(year);
}

/** The value in a column at a school, or undefined when missing. */
export function cell(column: Column, school: number): number | undefined {
  if (column === undefined) return undefined;
  const value = column[school]!;
  return Number.isNaN(value) ? undefined : value;
}

/**
 * Interns lists of years within one run: returns a shared list equal to `years` (ascending, unique),
 * so the results of a run's schools, most of which use the same few sets of years, share a handful
 * of arrays instead of keeping one each (at national scale that is hundreds of thousands of
 * objects for the garbage collector). A shared list must never be mutated.
 */
export type YearLists = (years: readonly number[]) => number[];

/** A fresh {@link YearLists} for one criterion of one run. */
export function createYearLists(): YearLists {
  const lists = new Map<number, number[]>();
  return (years) => {
    const first = years[0];
    const last = years.at(-1);
    // A set of years spanning more than 30 years (never seen in practice) is simply copied.
    if (first === undefined || last === undefined || last - first > 30) return [...years];
    let mask = 0;
    for (const year of years) mask |= 1 << (year - first);
    const key = first * 2 ** 31 + mask;
    let list = lists.get(key);
    if (!list) {
      list = [...years];
      lists.set(key, list);
    }
    return list;
  };
}

/** The years from `last − n + 1` to `last`, ascending. */
export function windowYears(last: number, n: number): number[] {
  return Array.from({ length: n }, (_, index) => last - n + 1 + index);
}

/** The value of one indicator in one year. */
export function yearSource(table: FactsTable, code: string, year: number): ValueSource {
  const years = [year];
  const column = columnOf(table, code, year);
  return (school) => {
    const value = cell(column, school);
    return value === undefined ? null : { value, years };
  };
}

/** The mean of an indicator over the years that have a value, when at least `minYears` of them do. */
export function meanSource(
  table: FactsTable,
  code: string,
  years: readonly number[],
  minYears: number,
): ValueSource {
  const columns = years.map((year) => ({ year, column: columnOf(table, code, year) }));
  const lists = createYearLists();
  const used: number[] = [];
  return (school) => {
    let sum = 0;
    used.length = 0;
    for (const { year, column } of columns) {
      const value = cell(column, school);
      if (value === undefined) continue;
      sum += value;
      used.push(year);
    }
    return used.length >= Math.max(1, minYears) ? { value: sum / used.length, years: lists(used) } : null;
  };
}

/** The values a source yields for these schools (those without data left out). */
export function collectValues(schools: readonly number[], source: ValueSource): number[] {
  const values: number[] = [];
  for (const school of schools) {
    const found = source(school);
    if (found) values.push(found.value);
  }
  return values;
}
