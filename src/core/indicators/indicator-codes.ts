import type { IndicatorDefinition } from "./indicator.schema";

/**
 * Codes of the preloaded indicators. Other modules (identification rule sets, the contextual model,
 * the demo data) refer to them, so a code never changes once published.
 */
export const INDICATOR_CODES = [
  // School monitoring indicators of seed 001 (Smolensk, 2018)
  "good_marks_share",
  "distinction_9_share",
  "no_certificate_share",
  "gold_medals_regional",
  "gold_medals_federal",
  "ege_rus_below_min_share",
  "ege_math_below_min_share",
  "ege_elective_below_min_share",
  "prevention_register_share",
  "teacher_vacancies",
  "teachers_trained_share",
  "has_psychologist",
  "methodical_events",
  // Identification criteria of seed 001
  "ege_math_mean",
  "ege_rus_mean",
  "oge_math_mean",
  "oge_rus_mean",
  "oge_math_below_min_share",
  "oge_rus_below_min_share",
  "olympiad_participants_share",
  "olympiad_winners_share",
  "disadvantaged_families_share",
  // Social context for the contextual model
  "parents_higher_education_share",
  "single_parent_share",
  "non_native_russian_share",
  "low_income_share",
  "students_with_disabilities_share",
  "extracurricular_share",
  "teachers_pension_age_share",
  "distance_to_center_km",
  "region_center_distance_km",
] as const;

/** Code of a preloaded indicator. */
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** True when `code` is the code of a preloaded indicator. */
export function isIndicatorCode(code: string): code is IndicatorCode {
  return INDICATOR_CODES.some((known) => known === code);
}

/** A catalogue entry whose code is one of the preloaded codes. */
export type PreloadedIndicator = IndicatorDefinition & { code: IndicatorCode };
