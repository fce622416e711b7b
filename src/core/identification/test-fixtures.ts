import { type RuleSet, type RuleSetInput, ruleSetSchema } from "./rule-set.schema";
import type { IndicatorMeta, SchoolFacts } from "./types";

/** Indicators of the unit tests: names chosen so sentences read like the example. */
export const TEST_INDICATORS: IndicatorMeta[] = [
  {
    code: "math_fail",
    name: "Доля выпускников, не преодолевших минимальный порог ЕГЭ по математике",
    unit: "share",
    direction: "lower_better",
  },
  {
    code: "rus_fail",
    name: "Доля участников ЕГЭ по русскому языку ниже порога",
    unit: "share",
    direction: "lower_better",
  },
  { code: "oge_fail", name: "Доля участников ОГЭ ниже порога", unit: "share", direction: "lower_better" },
  { code: "math_mean", name: "Средний балл ЕГЭ по математике", unit: "score", direction: "higher_better" },
  { code: "olymp", name: "Доля участников олимпиад", unit: "share", direction: "higher_better" },
];

/** A school with these values (`{code: {year: value}}`), 100 students unless told. */
export function school(
  schoolId: number,
  values: SchoolFacts["values"],
  over: Partial<Omit<SchoolFacts, "schoolId" | "values">> = {},
): SchoolFacts {
  return {
    schoolId,
    code: `S${schoolId}`,
    students: 100,
    isRural: false,
    municipalityId: 1,
    values,
    ...over,
  };
}

/** A validated rule set of one criterion (or more) with defaults filled. */
export function ruleSet(over: Partial<RuleSetInput> & Pick<RuleSetInput, "criteria">): RuleSet {
  return ruleSetSchema.parse({ name: "Тест", category: "shnro", combine: { kind: "any" }, ...over });
}
