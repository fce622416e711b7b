import type { IndicatorCode } from "../indicators/indicator-codes";
import { logistic } from "./school-profile";
import { roadKilometres, round4, type SchoolYearInput, type ValueBuilder } from "./value-builder.types";

/** How a context share depends on a school's traits: logit = intercept + weights · traits + noise. */
type ContextModel = {
  intercept: number;
  disadvantage: number;
  effectiveness: number;
  /** SD of the school's own lasting deviation, on the logit scale. */
  spread: number;
  population: "students" | "teachers";
};

/** A share of students (or teachers): a lasting school level, a small yearly wobble and a binomial count. */
function contextShare(code: IndicatorCode, model: ContextModel): ValueBuilder {
  const build = (input: SchoolYearInput): number | null => {
    const { profile } = input;
    const size = model.population === "teachers" ? profile.school.teachers : profile.school.students;
    if (size <= 0) return null;
    const level =
      model.intercept +
      model.disadvantage * profile.disadvantage +
      model.effectiveness * profile.effectiveness +
      input.schoolRng(code).normal(0, model.spread);
    const rng = input.yearRng(code);
    const probability = logistic(level + rng.normal(0, 0.1));
    return round4(rng.binomial(size, probability) / size);
  };
  return { level: "school", build };
}

function model(intercept: number, disadvantage: number, spread: number, effectiveness = 0): ContextModel {
  return { intercept, disadvantage, effectiveness, spread, population: "students" };
}

/** Builders of the social-context indicators: each driven by the school's disadvantage, with noise. */
export const CONTEXT_BUILDERS = {
  parents_higher_education_share: contextShare("parents_higher_education_share", model(-0.55, -0.95, 0.35)),
  single_parent_share: contextShare("single_parent_share", model(-1.25, 0.35, 0.3)),
  non_native_russian_share: contextShare("non_native_russian_share", model(-3.9, 0.35, 0.8)),
  low_income_share: contextShare("low_income_share", model(-1.2, 0.75, 0.35)),
  students_with_disabilities_share: contextShare("students_with_disabilities_share", model(-2.7, 0.35, 0.4)),
  disadvantaged_families_share: contextShare("disadvantaged_families_share", model(-3.45, 0.8, 0.45)),
  prevention_register_share: contextShare("prevention_register_share", model(-2.33, 0.7, 0.42, -0.35)),
  extracurricular_share: contextShare("extracurricular_share", model(0.5, -0.45, 0.4, 0.4)),
  teachers_pension_age_share: contextShare("teachers_pension_age_share", {
    ...model(-1.2, 0.45, 0.4),
    population: "teachers",
  }),
  distance_to_center_km: {
    level: "school",
    build: ({ profile, centre }) => {
      const { latitude, longitude } = profile.school;
      if (latitude === null || longitude === null || centre === null) return null;
      return Math.round(roadKilometres({ latitude, longitude }, centre));
    },
  },
  region_center_distance_km: {
    level: "municipality",
    build: ({ centre, regionCentre }) =>
      centre === null ? null : Math.round(roadKilometres(centre, regionCentre)),
  },
} satisfies Partial<Record<IndicatorCode, ValueBuilder>>;
