import type { IndicatorCode } from "../indicators/indicator-codes";
import { logistic, logit } from "./school-profile";
import { round4, type SchoolYearInput, type ValueBuilder } from "./value-builder.types";

function school(build: (input: SchoolYearInput) => number | null): ValueBuilder {
  return { level: "school", build };
}

/** Vacancies: more in hard contexts and larger staffs; most schools have none. */
function teacherVacancies(input: SchoolYearInput): number {
  const { profile } = input;
  const level = -2.4 + 0.55 * profile.disadvantage + input.schoolRng("teacher_vacancies").normal(0, 0.6);
  const rng = input.yearRng("teacher_vacancies");
  return rng.poisson(Math.exp(level + rng.normal(0, 0.3)) * Math.sqrt(profile.school.teachers / 15));
}

function teachersTrainedShare(input: SchoolYearInput): number | null {
  const { profile } = input;
  const teachers = profile.school.teachers;
  if (teachers === 0) return null;
  const level =
    logit(0.77) +
    0.35 * profile.effectiveness -
    0.15 * profile.disadvantage +
    input.schoolRng("teachers_trained_share").normal(0, 0.55);
  const rng = input.yearRng("teachers_trained_share");
  return round4(rng.binomial(teachers, logistic(level + rng.normal(0, 0.25))) / teachers);
}

/** A psychologist is likelier in larger schools; a school keeps or loses one with some churn between years. */
function hasPsychologist(input: SchoolYearInput): number {
  const students = Math.max(1, input.profile.school.students);
  const probability = logistic(-2.2 + 1.1 * Math.log(students / 50));
  const rng = input.schoolRng("has_psychologist");
  let draw = rng.next();
  for (let step = 1; step <= input.yearIndex; step += 1) {
    if (rng.chance(0.12)) draw = rng.next();
  }
  return draw < probability ? 1 : 0;
}

function methodicalEvents(input: SchoolYearInput): number {
  const { profile } = input;
  const level =
    0.45 * profile.effectiveness -
    0.1 * profile.disadvantage +
    input.schoolRng("methodical_events").normal(0, 0.35);
  const rng = input.yearRng("methodical_events");
  const size = (Math.max(1, profile.school.students) / 300) ** 0.15;
  return rng.poisson(1.75 * Math.exp(level + rng.normal(0, 0.15)) * size);
}

/** Builders of staffing and methodical-work indicators. */
export const STAFFING_BUILDERS = {
  teacher_vacancies: school(teacherVacancies),
  teachers_trained_share: school(teachersTrainedShare),
  has_psychologist: school(hasPsychologist),
  methodical_events: school(methodicalEvents),
} satisfies Partial<Record<IndicatorCode, ValueBuilder>>;
