import { ruleSetIndicatorCodes, ruleSetYears } from "../../../core/identification";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { findIndicatorMetas, loadSchoolFacts } from "./facts.repo";
import type { ResultWrite } from "./run.repo";
import { buildRunSnapshot, type RunnableRuleSet } from "./run-snapshot";

/**
 * Evaluates rule sets for a year over every school of a region: loads the catalogue, the schools
 * and only the values the rule sets read (a few set-based queries), and builds each school's
 * result. Stores nothing; a run stores what this returns. 400 when a rule set names an indicator
 * the region's catalogue lacks.
 */
export async function identifyRegion(
  db: Db,
  opts: { regionId: number; ruleSets: readonly RunnableRuleSet[]; year: number },
): Promise<ResultWrite[]> {
  const { regionId, ruleSets, year } = opts;
  const indicators = await findIndicatorMetas(db, regionId);
  const codes = [...new Set(ruleSets.flatMap((r) => ruleSetIndicatorCodes(r.definition)))];
  const known = new Set(indicators.map((i) => i.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new AppError("invalid_input", `В каталоге региона нет показателей: ${unknown.join(", ")}`);
  }
  const years = [...new Set(ruleSets.flatMap((r) => ruleSetYears(r.definition, year)))];
  const { schools, facts } = await loadSchoolFacts(db, { regionId, codes, years });
  return buildRunSnapshot(ruleSets, year, schools, facts, indicators);
}
