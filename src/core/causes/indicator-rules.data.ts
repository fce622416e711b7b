import type { IndicatorCode } from "../indicators/indicator-codes";
import type { FactorCode } from "./factors.data";
import { type IndicatorRule, indicatorRuleSchema } from "./indicator-rule.schema";
import type { Threshold } from "./threshold";

/** One rule; only catalogue factor and indicator codes are accepted (checked by the compiler). */
function rule(factorCode: FactorCode, indicatorCode: IndicatorCode, label: string, threshold: Threshold) {
  return indicatorRuleSchema.parse({ factorCode, indicatorCode, label, threshold });
}

/**
 * Which catalogue indicators speak to which factor, and from what value. The figures of seed 001
 * (SEED_2018_STATS: the 2018 means over the schools of the programme) guide the boundaries; each
 * boundary's reason is given beside it.
 */
export const PRELOADED_INDICATOR_RULES: readonly IndicatorRule[] = [
  // Any vacancy leaves lessons without a staff teacher (vacancies in 14 of 75 programme schools in
  // 2018); two or more vacancies in one school is a shortage.
  rule("teacher_shortage", "teacher_vacancies", "Вакансий учителей", {
    worseWhen: "higher",
    medium: 1,
    high: 2,
  }),
  // 2018 mean 0,136 (max 0,65): from 0,10 a school nears the programme's mean, from 0,20 it is half
  // again above it.
  rule("students_at_risk", "prevention_register_share", "Доля обучающихся на профилактическом учёте", {
    worseWhen: "higher",
    medium: 0.1,
    high: 0.2,
  }),
  // 0,20 is the ШНРО criterion of the Smolensk model (2018 mean 0,192 over the 12 schools with failures).
  rule("students_at_risk", "ege_math_below_min_share", "Доля не преодолевших порог ЕГЭ по математике", {
    worseWhen: "higher",
    medium: 0.1,
    high: 0.2,
  }),
  // Failing ЕГЭ in Russian is rare (2018: 2 schools, mean 0,008): any failure is a signal, one in ten is high.
  rule("students_at_risk", "ege_rus_below_min_share", "Доля не преодолевших порог ЕГЭ по русскому языку", {
    worseWhen: "higher",
    medium: 0.01,
    high: 0.1,
  }),
  // 0,30 is the Rosobrnadzor risk boundary (2025); from 0,10 every tenth ninth-grader fails.
  rule("students_at_risk", "oge_math_below_min_share", "Доля получивших «2» на ОГЭ по математике", {
    worseWhen: "higher",
    medium: 0.1,
    high: 0.3,
  }),
  // ОГЭ in Russian is failed about half as often as mathematics, so the boundaries are lower.
  rule("students_at_risk", "oge_rus_below_min_share", "Доля получивших «2» на ОГЭ по русскому языку", {
    worseWhen: "higher",
    medium: 0.05,
    high: 0.2,
  }),
  // 0,05 is the ШНРО criterion (2018 mean 0,045 over 18 schools); any graduate without a certificate counts.
  rule("students_at_risk", "no_certificate_share", "Доля выпускников без аттестата", {
    worseWhen: "higher",
    medium: 0.01,
    high: 0.05,
  }),
  // No psychologist (only 12 of 75 programme schools had one in 2018) is weaker evidence of
  // students at risk than of the school climate, so it reaches only medium here.
  rule("students_at_risk", "has_psychologist", "Педагог-психолог в школе", { worseWhen: "lower", medium: 0 }),
  rule("poor_school_climate", "has_psychologist", "Педагог-психолог в школе", {
    worseWhen: "lower",
    high: 0,
  }),
  // Courses are due every three years; the 2018 mean was 0,73 (min 0,2): below 0,7 the cycle has gaps,
  // at half or less the school has no system of professional development.
  rule("no_inschool_development", "teachers_trained_share", "Доля учителей, прошедших курсы за три года", {
    worseWhen: "lower",
    medium: 0.7,
    high: 0.5,
  }),
  // A quarter of the staff at pension age must be replaced within a few years; 40% is an ageing staff.
  rule("young_teachers_needed", "teachers_pension_age_share", "Доля учителей пенсионного возраста", {
    worseWhen: "higher",
    medium: 0.25,
    high: 0.4,
  }),
  // One child in twenty with another native language needs support in most classes; 15% changes teaching.
  rule(
    "language_cultural_barriers",
    "non_native_russian_share",
    "Доля обучающихся с неродным русским языком",
    {
      worseWhen: "higher",
      medium: 0.05,
      high: 0.15,
    },
  ),
  // The same boundaries as the workbook question on families in a hard situation.
  rule(
    "low_parental_involvement",
    "disadvantaged_families_share",
    "Доля обучающихся из неблагополучных семей",
    {
      worseWhen: "higher",
      medium: 0.1,
      high: 0.2,
    },
  ),
  // Parents' education is the strongest context predictor in the HSE studies; below 0,30 a school is in
  // a hard context, below 0,15 in a very hard one.
  rule(
    "low_parental_involvement",
    "parents_higher_education_share",
    "Доля обучающихся, чьи родители с высшим образованием",
    {
      worseWhen: "lower",
      medium: 0.3,
      high: 0.15,
    },
  ),
  // 2018 mean 1,76, and 53 schools held 0 or 1 event: none is high, one is medium.
  rule(
    "weak_subject_methodical_competence",
    "methodical_events",
    "Методических мероприятий, проведённых школой",
    {
      worseWhen: "lower",
      medium: 1,
      high: 0,
    },
  ),
  // Children outside any club were named among the causes of low results (Кардымовский район, 2018).
  rule("low_learning_motivation", "extracurricular_share", "Доля обучающихся в кружках и секциях", {
    worseWhen: "lower",
    medium: 0.5,
    high: 0.3,
  }),
  // No olympiad participants or winners was named among the same causes: none at all is high.
  rule("low_learning_motivation", "olympiad_participants_share", "Доля участников олимпиады", {
    worseWhen: "lower",
    medium: 0.05,
    high: 0,
  }),
];
