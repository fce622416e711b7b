import type { FactsTable, SchoolFacts } from "./types";

/** A school row as a loader reads it, before its values are attached. */
export type SchoolRow = {
  schoolId: number;
  code: string;
  students: number | null;
  isRural: boolean;
  municipalityId: number;
};

/** One value in long form: a school's value of an indicator (by code) in a year. */
export type ValueRow = { schoolId: number; code: string; year: number; value: number };

/** One indicator's values in one year as a loader reads them: school ids and values, aligned. */
export type ValueColumn = {
  code: string;
  year: number;
  schoolIds: ArrayLike<number>;
  values: ArrayLike<number>;
};

/** Some indicators in some years. */
export type IndicatorYears = { codes: readonly string[]; years: readonly number[] };

/**
 * What a loader is asked for: a region's schools with the values of these indicators in these
 * years, and of `more` indicators in their own years (a run's analytics read only the run year).
 */
export type SchoolFactsQuery = IndicatorYears & { regionId: number; more?: readonly IndicatorYears[] };

/**
 * The signature of a facts loader: every school of a region with the requested values, in a few
 * set-based queries. The server's loader (facts.repo.ts `loadFactsTable`) has this shape;
 * a benchmark or another store can mirror it and feed {@link evaluateRuleSet} the same way.
 */
export type SchoolFactsLoader = (query: SchoolFactsQuery) => Promise<FactsTable>;

function setCell(
  columns: Map<string, Map<number, Float64Array>>,
  size: number,
  at: { code: string; year: number; index: number; value: number },
): void {
  let byYear = columns.get(at.code);
  if (!byYear) {
    byYear = new Map();
    columns.set(at.code, byYear);
  }
  let column = byYear.get(at.year);
  if (!column) {
    column = new Float64Array(size).fill(Number.NaN);
    byYear.set(at.year, column);
  }
  column[at.index] = at.value;
}

/**
 * A facts table from columns as a loader reads them: values of schools not in `schools` are
 * ignored; non-finite values are left out (a missing value is NaN in its column).
 */
export function buildFactsTable<S extends SchoolRow>(
  schools: readonly S[],
  columns: Iterable<ValueColumn>,
): FactsTable<S> {
  const indexOf = new Map<number, number>();
  schools.forEach((school, index) => {
    indexOf.set(school.schoolId, index);
  });
  const table = new Map<string, Map<number, Float64Array>>();
  for (const column of columns) {
    for (let k = 0; k < column.schoolIds.length; k++) {
      const index = indexOf.get(column.schoolIds[k]!);
      const value = column.values[k]!;
      if (index === undefined || !Number.isFinite(value)) continue;
      setCell(table, schools.length, { code: column.code, year: column.year, index, value });
    }
  }
  return { schools, columns: table };
}

/** A facts table of schools given with their values (`values[code][year]`), in the same order. */
export function factsTableOf(schools: readonly SchoolFacts[]): FactsTable {
  const table = new Map<string, Map<number, Float64Array>>();
  const rows = schools.map(({ values, ...school }, index) => {
    for (const [code, byYear] of Object.entries(values)) {
      for (const [year, value] of Object.entries(byYear)) {
        setCell(table, schools.length, { code, year: Number(year), index, value });
      }
    }
    return school;
  });
  return { schools: rows, columns: table };
}

/**
 * Attaches long-form values to their schools: `values[code][year] = value`. Values of schools not
 * in `schools` are ignored; non-finite values are left out (a missing year is an absent key).
 */
export function buildSchoolFacts(schools: readonly SchoolRow[], values: Iterable<ValueRow>): SchoolFacts[] {
  const facts = schools.map((school): SchoolFacts => ({ ...school, values: {} }));
  const byId = new Map(facts.map((school) => [school.schoolId, school]));
  for (const row of values) {
    const school = byId.get(row.schoolId);
    if (!school || !Number.isFinite(row.value)) continue;
    const byYear = school.values[row.code] ?? {};
    byYear[row.year] = row.value;
    school.values[row.code] = byYear;
  }
  return facts;
}
