import type { IndicatorCode } from "./indicator-codes";

/**
 * A figure of seed 001's table «Количественная характеристика показателей мониторинга школ» (2018).
 * The seed gives a mean, maximum and minimum where it can, and otherwise only the number of
 * schools where the indicator is non-zero («есть в 6 школах»); missing figures are null.
 * The table describes the schools monitored in the project, so its means are not region-wide.
 */
export type SeedStat = {
  mean: number | null;
  max: number | null;
  min: number | null;
  /** Number of schools the seed names for the indicator (non-zero value, or the group a mean is over). */
  schools: number | null;
  /** How to read the figure, where the seed is ambiguous. */
  note?: string;
};

/** Seed 001's 2018 figures by indicator code, for the indicators the seed gives them for. */
export const SEED_2018_STATS: Partial<Record<IndicatorCode, SeedStat>> = {
  good_marks_share: { mean: 0.379, max: 0.74, min: 0.07, schools: null },
  distinction_9_share: { mean: 0.013, max: 0.13, min: 0, schools: null },
  no_certificate_share: {
    mean: 0.045,
    max: 0.66,
    min: 0,
    schools: 18,
    note: "не получили аттестат в 18 школах",
  },
  gold_medals_regional: { mean: null, max: null, min: 0, schools: 6, note: "есть в 6 школах" },
  gold_medals_federal: { mean: null, max: null, min: 0, schools: 11, note: "есть в 11 школах" },
  ege_rus_below_min_share: { mean: 0.008, max: 0.33, min: 0, schools: 2, note: "ниже порога в 2 школах" },
  ege_math_below_min_share: {
    mean: 0.192,
    max: 0.44,
    min: 0,
    schools: 12,
    note: "12 школ; среднее читается как среднее по школам, где есть не преодолевшие порог",
  },
  ege_elective_below_min_share: {
    mean: 0.32,
    max: 1,
    min: 0,
    schools: 20,
    note: "«0,32 на 20 школ»: среднее по 20 школам, где есть не преодолевшие порог",
  },
  prevention_register_share: { mean: 0.136, max: 0.65, min: 0, schools: null },
  teacher_vacancies: { mean: null, max: null, min: 0, schools: 14, note: "вакансии имеются в 14 школах" },
  teachers_trained_share: { mean: 0.73, max: 1, min: 0.2, schools: null, note: "минимум 0,2 — в 2 школах" },
  has_psychologist: { mean: null, max: 1, min: 0, schools: 12, note: "педагог-психолог есть в 12 школах" },
  methodical_events: { mean: 1.76, max: null, min: 0, schools: 53, note: "в 53 школах 0 или 1 мероприятие" },
};
