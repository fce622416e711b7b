import { mulberry32 } from "../../src/core/demo/random";
import {
  type IndicatorMeta,
  PRELOADED_RULE_SETS,
  ruleSetIndicatorCodes,
  type SchoolFacts,
} from "../../src/core/identification";
import { getIndicatorByCode } from "../../src/core/indicators";
import type { RegionSchool } from "../../src/server/modules/identification/facts.repo";
import type { ResultWrite } from "../../src/server/modules/identification/run.repo";
import { buildRunSnapshot, type RunnableRuleSet } from "../../src/server/modules/identification/run-snapshot";

/** The preloaded rule sets as a run uses them, with made-up ids. */
export const FIXTURE_RULE_SETS: RunnableRuleSet[] = PRELOADED_RULE_SETS.map(({ ruleSet }, index) => ({
  ruleSetId: 100 + index,
  versionId: 200 + index,
  version: 1,
  name: ruleSet.name,
  category: ruleSet.category,
  riskFlag: ruleSet.category === "risk" ? (ruleSet.riskFlag ?? ruleSet.name) : null,
  definition: ruleSet,
}));

/**
 * A run snapshot built by the engine over the given schools: the preloaded rule sets (position,
 * window, multi-indicator criteria) on seeded random values for three years, with missing values,
 * schools too small to judge and schools without any data, so every stored case occurs.
 */
export function syntheticSnapshot(
  schools: readonly Omit<RegionSchool, "students">[],
  opts: { year: number; seed: number },
): ResultWrite[] {
  const next = mulberry32(opts.seed);
  const codes = [...new Set(FIXTURE_RULE_SETS.flatMap((r) => ruleSetIndicatorCodes(r.definition)))];
  const indicators: IndicatorMeta[] = codes.map((code) => {
    const { name, unit, direction } = getIndicatorByCode(code);
    return { code, name, unit, direction };
  });
  const years = [opts.year - 2, opts.year - 1, opts.year];
  const withStudents: RegionSchool[] = schools.map((school, i) => ({
    ...school,
    students: i % 17 === 3 ? null : i % 11 === 5 ? 4 : 30 + Math.floor(next() * 900),
  }));
  const facts: SchoolFacts[] = withStudents.map((school, i) => {
    const values: SchoolFacts["values"] = {};
    if (i % 13 === 7) return { ...school, values };
    for (const indicator of indicators) {
      const byYear: Record<number, number> = {};
      for (const year of years) {
        if (next() < 0.15) continue;
        const x = next();
        byYear[year] = indicator.unit === "share" ? Math.round(x * x * 1000) / 1000 : x * 100;
      }
      values[indicator.code] = byYear;
    }
    return { ...school, values };
  });
  return buildRunSnapshot(FIXTURE_RULE_SETS, opts.year, withStudents, facts, indicators);
}
