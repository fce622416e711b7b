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
 * What a loader is asked for: a region's schools with the values of the indicators in the years of
 * each part (a run reads each criterion's own window, and the analytics only the run year).
 */
export type SchoolFactsQuery = { regionId: number; parts: readonly IndicatorYears[] };

/**
 * The signature of a facts loader: every school of a region with the requested values, in a few
 * set-based queries. The server's loader (facts.repo.ts `loadFactsTable`) has this shape;
 * a benchmark or another store can mirror it and feed {@link evaluateRuleSet} the same way.
 */
export type SchoolFactsLoader = (query: SchoolFactsQuery) => Promise<FactsTable>;

/** Every (indicator code, year) the parts ask for, each once, by code then year. */
export function indicatorYearPairs(parts: readonly IndicatorYears[]): { code: string; year: number }[] {
  const yearsByCode = new Map<string, Set<number>>();
  for (const part of parts) {
    for (const code of part.codes) {
      const years = yearsByCode.get(code) ?? new Set<number>();
      for (const year of part.years) years.add(year);
      yearsByCode.set(code, years);
    }
  }
  return [...yearsByCode]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([code, years]) => [...years].sort((a, b) => a - b).map((year) => ({ code, year })));
}

/** The column of a code in a year, created (every school missing) on first use. */
function columnFor(
  columns: Map<string, Map<number, Float64Array>>,
  size: number,
  code: string,
  year: number,
): Float64Array {
  let byYear = columns.get(code);
  if (!byYear) {
    byYear = new Map();
    columns.set(code, byYear);
  }
  let column = byYear.get(year);
  if (!column) {
    column = new Float64Array(size).fill(Number.NaN);
    byYear.set(year, column);
  }
  return column;
}

function setCell(
  columns: Map<string, Map<number, Float64Array>>,
  size: number,
  at: { code: string; year: number; index: number; value: number },
): void {
  columnFor(columns, size, at.code, at.year)[at.index] = at.value;
}

/**
 * School id → index in the table. Ids of one region are mostly a dense range, so a typed array over
 * the range when it is not much wider than the schools (a lookup per value, a million at national
 * scale), else a map.
 */
function schoolIndex(schools: readonly SchoolRow[]): (schoolId: number) => number | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { schoolId } of schools) {
    min = Math.min(min, schoolId);
    max = Math.max(max, schoolId);
  }
  const span = max - min + 1;
  if (schools.length === 0 || !Number.isSafeInteger(span) || span > 4 * schools.length + 1024) {
    const indexOf = new Map<number, number>();
    schools.forEach((school, index) => {
      indexOf.set(school.schoolId, index);
    });
    return (schoolId) => indexOf.get(schoolId);
  }
  const dense = new Int32Array(span).fill(-1);
  schools.forEach((school, index) => {
    dense[school.schoolId - min] = index;
  });
  return (schoolId) => {
    const index = Number.isInteger(schoolId) ? (dense[schoolId - min] ?? -1) : -1;
    return index < 0 ? undefined : index;
  };
}

/**
 * A facts table from columns as a loader reads them: values of schools not in `schools` are
 * ignored; non-finite values are left out (a missing value is NaN in its column).
 */
export function buildFactsTable<S extends SchoolRow>(
  schools: readonly S[],
  columns: Iterable<ValueColumn>,
): FactsTable<S> {
  const indexOf = schoolIndex(schools);
  const table = new Map<string, Map<number, Float64Array>>();
  for (const column of columns) {
    let target: Float64Array | undefined;
    for (let k = 0; k < column.schoolIds.length; k++) {
      const index = indexOf(column.schoolIds[k]!);
      const value = column.values[k]!;
      if (index === undefined || !Number.isFinite(value)) continue;
      target ??= columnFor(table, schools.length, column.code, column.year);
      target[index] = value;
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
