import type { FactsSchool, FactsTable } from "../identification/types";
import type { AnalyticsSchool } from "./types";

/**
 * The analytics' view of one year of a facts table: every school (in table order) with its values
 * of these indicators that year, a missing value an absent key. Lets one facts load serve the rule
 * sets, the contextual model and the clustering of a run.
 */
export function yearSchoolsOf(
  table: FactsTable<FactsSchool & { name: string }>,
  year: number,
  codes: readonly string[],
): AnalyticsSchool[] {
  const columns = codes.flatMap((code) => {
    const column = table.columns.get(code)?.get(year);
    return column ? [{ code, column }] : [];
  });
  return table.schools.map((school, index) => {
    const values: Record<string, number> = {};
    for (const { code, column } of columns) {
      const value = column[index]!;
      if (!Number.isNaN(value)) values[code] = value;
    }
    const { schoolId, code, name, municipalityId, isRural } = school;
    return { schoolId, code, name, municipalityId, isRural, values };
  });
}
