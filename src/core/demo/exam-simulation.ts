import type { Rng } from "./random";
import type { SchoolProfile } from "./school-profile";

/** Results of one exam at one school in one year. */
export type ExamSummary = { takers: number; scoreSum: number; belowMin: number };

/** What a school's graduates did in one year, simulated student by student. */
export type SchoolYearExams = {
  graduates9: number;
  graduates11: number;
  egeRus: ExamSummary;
  egeMath: ExamSummary;
  egeElective: ExamSummary;
  ogeMath: ExamSummary;
  ogeRus: ExamSummary;
  withoutCertificate: number;
  distinctions9: number;
  medalsFederal: number;
  medalsRegional: number;
};

/** ЕГЭ minimum threshold in Russian: 24 test points (needed for the certificate). */
export const EGE_RUS_MIN = 24;
/** ЕГЭ minimum threshold in profile mathematics: 27 test points. */
export const EGE_MATH_MIN = 27;

/** Elective ЕГЭ subjects: how often chosen, the region's typical score and the minimum threshold. */
const ELECTIVES = [
  { weight: 0.34, mean: 55, min: 42 }, // обществознание
  { weight: 0.12, mean: 52, min: 36 }, // физика
  { weight: 0.12, mean: 50, min: 36 }, // биология
  { weight: 0.1, mean: 54, min: 32 }, // история
  { weight: 0.1, mean: 58, min: 40 }, // информатика
  { weight: 0.08, mean: 55, min: 36 }, // химия
  { weight: 0.08, mean: 64, min: 22 }, // английский язык
  { weight: 0.04, mean: 60, min: 32 }, // литература
  { weight: 0.02, mean: 57, min: 37 }, // география
];

/** How many of a grade stay on to grade 11: selective schools keep most, rural schools fewer. */
function stayRate(profile: SchoolProfile): number {
  const { kind, isRural } = profile.school;
  if (kind === "гимназия" || kind === "лицей") return 0.85;
  return isRural ? 0.45 : 0.6;
}

function gradesTaught(profile: SchoolProfile): number {
  return profile.hasGrade11 ? 11 : profile.hasGrade9 ? 9 : 4;
}

function emptySummary(): ExamSummary {
  return { takers: 0, scoreSum: 0, belowMin: 0 };
}

function record(summary: ExamSummary, score: number, isBelowMin: boolean): void {
  summary.takers += 1;
  summary.scoreSum += score;
  if (isBelowMin) summary.belowMin += 1;
}

function testScore(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

/** An ОГЭ mark from a latent result and the mark boundaries for 3, 4 and 5. */
function ogeMark(latent: number, bounds: readonly [number, number, number]): number {
  if (latent < bounds[0]) return 2;
  if (latent < bounds[1]) return 3;
  if (latent < bounds[2]) return 4;
  return 5;
}

function pickElective(rng: Rng): (typeof ELECTIVES)[number] {
  let draw = rng.next();
  for (const subject of ELECTIVES) {
    draw -= subject.weight;
    if (draw < 0) return subject;
  }
  return ELECTIVES[0] ?? { weight: 1, mean: 55, min: 42 };
}

function simulateGrade9(rng: Rng, achievement: number, count: number, exams: SchoolYearExams): void {
  for (let student = 0; student < count; student += 1) {
    const ability = 0.55 * achievement + rng.normal(0, 0.85);
    const math = ogeMark(ability + rng.normal(0, 0.55), [-1.85, 0.05, 1.05]);
    const russian = ogeMark(ability + rng.normal(0, 0.55), [-2.1, -0.45, 0.65]);
    record(exams.ogeMath, math, math === 2);
    record(exams.ogeRus, russian, russian === 2);
    const failed = math === 2 || russian === 2;
    if (failed && rng.chance(0.25)) exams.withoutCertificate += 1;
    if (!failed && ability + rng.normal(0, 0.35) > 2.15) exams.distinctions9 += 1;
  }
}

function simulateGrade11(rng: Rng, achievement: number, count: number, exams: SchoolYearExams): void {
  for (let student = 0; student < count; student += 1) {
    const ability = 0.55 * achievement + rng.normal(0, 0.85);
    const russian = testScore(68 + 13 * ability + rng.normal(0, 7));
    record(exams.egeRus, russian, russian < EGE_RUS_MIN);
    const takesProfileMath = rng.chance(1 / (1 + Math.exp(0.1 - 1.2 * ability)));
    const math = takesProfileMath ? testScore(48 + 17 * ability + rng.normal(0, 10)) : null;
    if (math !== null) record(exams.egeMath, math, math < EGE_MATH_MIN);
    const electives = 1 + rng.binomial(2, 0.4);
    for (let exam = 0; exam < electives; exam += 1) {
      const subject = pickElective(rng);
      const score = testScore(subject.mean + 16 * ability + rng.normal(0, 12));
      record(exams.egeElective, score, score < subject.min);
    }
    const failsBaseMath = ability + rng.normal(0, 0.6) < -2.6;
    if ((russian < EGE_RUS_MIN || failsBaseMath) && rng.chance(0.3)) exams.withoutCertificate += 1;
    const excellence = ability + rng.normal(0, 0.4);
    if (excellence > 1.75) exams.medalsFederal += 1;
    else if (excellence > 1.55) exams.medalsRegional += 1;
  }
}

/** Simulates one school's graduating classes in one year: cohort sizes, ОГЭ, ЕГЭ, certificates, medals. */
export function simulateExams(rng: Rng, profile: SchoolProfile, year: number): SchoolYearExams {
  const achievement = profile.achievement.get(year) ?? 0;
  const gradeSize = profile.school.students / gradesTaught(profile);
  const graduates9 = profile.hasGrade9 ? rng.binomial(Math.round(gradeSize * 1.25), 0.8) : 0;
  const graduates11 = profile.hasGrade11 ? rng.binomial(Math.round(gradeSize * 1.1), stayRate(profile)) : 0;
  const exams: SchoolYearExams = {
    graduates9,
    graduates11,
    egeRus: emptySummary(),
    egeMath: emptySummary(),
    egeElective: emptySummary(),
    ogeMath: emptySummary(),
    ogeRus: emptySummary(),
    withoutCertificate: 0,
    distinctions9: 0,
    medalsFederal: 0,
    medalsRegional: 0,
  };
  simulateGrade9(rng, achievement, graduates9, exams);
  simulateGrade11(rng, achievement, graduates11, exams);
  return exams;
}
