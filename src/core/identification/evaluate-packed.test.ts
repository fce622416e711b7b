import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/random";
import { INDICATOR_CATALOGUE } from "../indicators/catalogue";
import { combineCategories } from "./categories";
import { evaluateRuleSet, ruleSetIndicatorYears } from "./evaluate";
import { factsTableOf, indicatorYearPairs } from "./facts";
import { PRELOADED_RULE_SETS } from "./preloaded";
import type { FactsTable, IndicatorMeta, SchoolFacts } from "./types";

const METAS: IndicatorMeta[] = INDICATOR_CATALOGUE.map(({ code, name, unit, direction }) => ({
  code,
  name,
  unit,
  direction,
}));
const YEARS = [2022, 2023, 2024, 2025];

/**
 * A generated region: values rounded to two decimals (ties at thresholds and boundaries), about one
 * value in eight missing (gaps in windows), some small schools and schools of unknown size.
 */
function generatedSchools(count: number, seed: number): SchoolFacts[] {
  const next = mulberry32(seed);
  const codes = [...new Set(PRELOADED_RULE_SETS.flatMap((p) => p.ruleSet.criteria))].flatMap((c) =>
    c.kind === "multi_threshold" ? c.indicatorCodes : [c.indicatorCode],
  );
  return Array.from({ length: count }, (_, i): SchoolFacts => {
    const values: SchoolFacts["values"] = {};
    for (const code of new Set(codes)) {
      const unit = METAS.find((m) => m.code === code)?.unit;
      const scale = unit === "score" ? 100 : unit === "percent" ? 100 : 1;
      for (const year of YEARS) {
        if (next() < 0.125) continue;
        const byYear = values[code] ?? {};
        byYear[year] = Math.round(next() ** 1.5 * scale * 100) / 100;
        values[code] = byYear;
      }
    }
    const size = next();
    return {
      schoolId: i + 1,
      code: `G${String(i + 1).padStart(5, "0")}`,
      students: size < 0.05 ? null : Math.round(size * 900),
      isRural: next() < 0.6,
      municipalityId: 1 + Math.floor(next() * 20),
      values,
    };
  });
}

describe("evaluateRuleSet on a generated region", () => {
  it("gives the same verdicts, values, thresholds and sentences as the reference engine", () => {
    const schools = generatedSchools(1200, 2025);
    const evaluations = PRELOADED_RULE_SETS.map((p) => evaluateRuleSet(p.ruleSet, 2025, schools, METAS));
    const digest = createHash("sha256")
      .update(JSON.stringify({ evaluations, categories: combineCategories(evaluations) }))
      .digest("hex");
    // Recorded from the engine before it read values from columns (commit ce7d042).
    expect(digest).toBe("7465f45b66d392cc8278e404bf5455894e441cf98de7cc0329d676ec6c9de78a");
    // The case exercises every outcome.
    const categories = new Set(combineCategories(evaluations).map((c) => c.category));
    expect([...categories].sort()).toEqual(["both", "insufficient_data", "none", "shfnsu", "shnro"]);
  }, 60_000);
});

describe("the values a rule set reads", () => {
  it("ruleSetIndicatorYears is enough: a table of only those columns gives the same evaluation", () => {
    const full = factsTableOf(generatedSchools(600, 7));
    for (const { ruleSet } of PRELOADED_RULE_SETS) {
      for (const year of [2024, 2025]) {
        const pairs = indicatorYearPairs(ruleSetIndicatorYears(ruleSet, year));
        const columns = new Map<string, Map<number, Float64Array>>();
        for (const { code, year: y } of pairs) {
          const column = full.columns.get(code)?.get(y);
          if (!column) continue;
          columns.set(code, (columns.get(code) ?? new Map()).set(y, column));
        }
        const narrow: FactsTable = { schools: full.schools, columns };
        expect(pairs.length).toBeLessThan([...full.columns.values()].reduce((n, m) => n + m.size, 0));
        expect(evaluateRuleSet(ruleSet, year, narrow, METAS)).toEqual(
          evaluateRuleSet(ruleSet, year, full, METAS),
        );
      }
    }
  });
});
