/** Which way an indicator improves: a higher value is better, or a lower value is better. */
export type Direction = "higher_better" | "lower_better";

/** What the analytics need to know about an indicator of the region's catalogue. */
export type AnalyticsIndicator = {
  code: string;
  /** Russian name as in the catalogue. */
  name: string;
  direction: Direction;
};

/**
 * One school with the values of one year: `values[code]` is the value, absent when the school has
 * none. Repositories build these rows; the analytics never read the database.
 */
export type AnalyticsSchool = {
  schoolId: number;
  code: string;
  name: string;
  municipalityId: number;
  isRural: boolean;
  values: Readonly<Record<string, number | undefined>>;
};

/** A school left out of a computation because a value it needs is missing; nothing is dropped silently. */
export type ExcludedSchool = {
  schoolId: number;
  code: string;
  name: string;
  municipalityId: number;
  /** Codes of the indicators the school has no value for. */
  missing: string[];
};

/** A problem with the input of a computation (too few schools, collinear indicators…), in Russian. */
export class AnalyticsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalyticsInputError";
  }
}

/** +1 for an indicator where higher is better, −1 where lower is better: multiply a value to make "higher = better". */
export function directionSign(direction: Direction): 1 | -1 {
  return direction === "higher_better" ? 1 : -1;
}

/** Splits schools into those with every needed value and those excluded, with what each one misses. */
export function splitComplete(
  schools: readonly AnalyticsSchool[],
  codes: readonly string[],
): { complete: { school: AnalyticsSchool; values: number[] }[]; excluded: ExcludedSchool[] } {
  const complete: { school: AnalyticsSchool; values: number[] }[] = [];
  const excluded: ExcludedSchool[] = [];
  for (const school of schools) {
    const values: number[] = [];
    let missing: string[] | null = null;
    for (const code of codes) {
      const value = school.values[code];
      if (value === undefined || !Number.isFinite(value)) {
        missing ??= [];
        missing.push(code);
      } else values.push(value);
    }
    if (missing === null) complete.push({ school, values });
    else {
      const { schoolId, code, name, municipalityId } = school;
      excluded.push({ schoolId, code, name, municipalityId, missing });
    }
  }
  return { complete, excluded };
}
