import { describe, expect, it } from "vitest";
import { findIndicatorByCode, getIndicatorByCode, INDICATOR_CATALOGUE } from "./catalogue";
import { INDICATOR_GROUP_LABELS, INDICATOR_GROUPS, indicatorDefinitionSchema } from "./indicator.schema";
import { INDICATOR_CODES, isIndicatorCode } from "./indicator-codes";
import { SEED_2018_STATS } from "./seed-2018-stats";

/** Codes that another engineer's identification rule sets rely on. */
const FIXED_CODES = [
  "ege_math_below_min_share",
  "ege_rus_below_min_share",
  "ege_elective_below_min_share",
  "oge_math_below_min_share",
  "oge_rus_below_min_share",
  "ege_math_mean",
  "ege_rus_mean",
  "oge_math_mean",
  "oge_rus_mean",
  "no_certificate_share",
  "olympiad_participants_share",
  "olympiad_winners_share",
  "prevention_register_share",
  "disadvantaged_families_share",
  "parents_higher_education_share",
  "single_parent_share",
  "non_native_russian_share",
  "good_marks_share",
];

describe("indicator catalogue", () => {
  it("holds every preloaded code exactly once, in the order of INDICATOR_CODES", () => {
    expect(INDICATOR_CATALOGUE.map((definition) => definition.code)).toEqual([...INDICATOR_CODES]);
  });

  it("contains the codes the rule sets rely on", () => {
    for (const code of FIXED_CODES) expect(findIndicatorByCode(code), code).toBeDefined();
  });

  it("passes its own schema", () => {
    for (const definition of INDICATOR_CATALOGUE) {
      const parsed = indicatorDefinitionSchema.safeParse(definition);
      expect(parsed.success, `${definition.code}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("uses scales that fit the unit", () => {
    expect(getIndicatorByCode("ege_math_mean")).toMatchObject({ unit: "score", min: 0, max: 100 });
    expect(getIndicatorByCode("oge_rus_mean")).toMatchObject({ unit: "score", min: 2, max: 5 });
    expect(getIndicatorByCode("has_psychologist")).toMatchObject({ unit: "bool", min: 0, max: 1 });
    expect(getIndicatorByCode("region_center_distance_km").level).toBe("municipality");
  });

  it("has a Russian label for every group", () => {
    for (const group of INDICATOR_GROUPS) expect(INDICATOR_GROUP_LABELS[group]).toMatch(/[а-я]/);
  });

  it("throws on an unknown code and recognises known ones", () => {
    expect(() => getIndicatorByCode("no_such_indicator")).toThrow(/no_such_indicator/);
    expect(isIndicatorCode("good_marks_share")).toBe(true);
    expect(isIndicatorCode("good_marks")).toBe(false);
  });
});

describe("indicator schema", () => {
  const valid = getIndicatorByCode("good_marks_share");

  it("rejects min above max, a share outside 0–1 and a bad code", () => {
    expect(indicatorDefinitionSchema.safeParse({ ...valid, min: 1, max: 0 }).success).toBe(false);
    expect(indicatorDefinitionSchema.safeParse({ ...valid, max: 100 }).success).toBe(false);
    expect(indicatorDefinitionSchema.safeParse({ ...valid, code: "Good-Marks" }).success).toBe(false);
  });
});

describe("seed 2018 figures", () => {
  it("copies seed 001's table", () => {
    expect(SEED_2018_STATS.good_marks_share).toMatchObject({ mean: 0.379, max: 0.74, min: 0.07 });
    expect(SEED_2018_STATS.ege_math_below_min_share).toMatchObject({ mean: 0.192, max: 0.44, schools: 12 });
    expect(SEED_2018_STATS.prevention_register_share).toMatchObject({ mean: 0.136, max: 0.65 });
  });

  it("stays inside each indicator's range", () => {
    for (const [code, stat] of Object.entries(SEED_2018_STATS)) {
      const definition = getIndicatorByCode(code);
      for (const value of [stat.mean, stat.max, stat.min]) {
        if (value === null) continue;
        expect(value).toBeGreaterThanOrEqual(definition.min);
        expect(value).toBeLessThanOrEqual(definition.max);
      }
    }
  });
});
