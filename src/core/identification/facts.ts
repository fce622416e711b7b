import type { SchoolFacts } from "./types";

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

/** What a loader is asked for: a region's schools with the values of these indicators in these years. */
export type SchoolFactsQuery = { regionId: number; codes: readonly string[]; years: readonly number[] };

/**
 * The signature of a facts loader: every school of a region with the requested values, in a few
 * set-based queries. The server's loader (identification.repo.ts `loadSchoolFacts`) has this shape;
 * a benchmark or another store can mirror it and feed {@link evaluateRuleSet} the same way.
 */
export type SchoolFactsLoader = (query: SchoolFactsQuery) => Promise<SchoolFacts[]>;

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
