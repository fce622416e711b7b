import type { IndicatorCode } from "../indicators/indicator-codes";
import type { ExamSummary, SchoolYearExams } from "./exam-simulation";
import { logistic, logit } from "./school-profile";
import { round4, type SchoolYearInput, type ValueBuilder } from "./value-builder.types";

function school(build: (input: SchoolYearInput) => number | null): ValueBuilder {
  return { level: "school", build };
}

function achievement(input: SchoolYearInput): number {
  return input.profile.achievement.get(input.year) ?? 0;
}

function shareBelowMin(pick: (exams: SchoolYearExams) => ExamSummary): ValueBuilder {
  return school(({ exams }) => {
    const summary = pick(exams);
    return summary.takers > 0 ? round4(summary.belowMin / summary.takers) : null;
  });
}

function meanScore(pick: (exams: SchoolYearExams) => ExamSummary, decimals: number): ValueBuilder {
  const factor = 10 ** decimals;
  return school(({ exams }) => {
    const summary = pick(exams);
    return summary.takers > 0 ? Math.round((summary.scoreSum / summary.takers) * factor) / factor : null;
  });
}

/** Students of grades 2–11 get annual marks; grade 1 does not. */
function markedStudents(input: SchoolYearInput): number {
  const { profile } = input;
  const grades = profile.hasGrade11 ? 11 : profile.hasGrade9 ? 9 : 4;
  return Math.round((profile.school.students * (grades - 1)) / grades);
}

function goodMarksShare(input: SchoolYearInput): number | null {
  const marked = markedStudents(input);
  if (marked === 0) return null;
  const level = logit(0.41) + 0.6 * achievement(input) + input.schoolRng("good_marks_share").normal(0, 0.25);
  const rng = input.yearRng("good_marks_share");
  return round4(rng.binomial(marked, logistic(level + rng.normal(0, 0.08))) / marked);
}

/** Students of grades 7–11, who may reach the municipal stage of the olympiad. */
function olympiadAgeStudents(input: SchoolYearInput): number {
  const { profile } = input;
  if (profile.hasGrade11) return Math.round((profile.school.students * 5) / 11);
  return profile.hasGrade9 ? Math.round((profile.school.students * 3) / 9) : 0;
}

/** Participants and winners of the olympiad; winners are drawn from the participants. */
function olympiad(input: SchoolYearInput): { eligible: number; participants: number; winners: number } {
  const eligible = olympiadAgeStudents(input);
  const base = achievement(input);
  const participation = -1.9 + 0.45 * base + input.schoolRng("olympiad:participation").normal(0, 0.5);
  const success = -1.7 + 0.6 * base + input.schoolRng("olympiad:success").normal(0, 0.4);
  const rng = input.yearRng("olympiad");
  const participants = rng.binomial(eligible, logistic(participation + rng.normal(0, 0.15)));
  const winners = rng.binomial(participants, logistic(success + rng.normal(0, 0.2)));
  return { eligible, participants, winners };
}

/** Builders of results, ГИА and olympiad indicators, from the simulated exams and the school's achievement. */
export const RESULT_BUILDERS = {
  good_marks_share: school(goodMarksShare),
  distinction_9_share: school(({ exams }) =>
    exams.graduates9 > 0 ? round4(exams.distinctions9 / exams.graduates9) : null,
  ),
  no_certificate_share: school(({ exams }) => {
    const graduates = exams.graduates9 + exams.graduates11;
    return graduates > 0 ? round4(exams.withoutCertificate / graduates) : null;
  }),
  gold_medals_regional: school(({ profile, exams }) => (profile.hasGrade11 ? exams.medalsRegional : null)),
  gold_medals_federal: school(({ profile, exams }) => (profile.hasGrade11 ? exams.medalsFederal : null)),
  ege_rus_below_min_share: shareBelowMin((exams) => exams.egeRus),
  ege_math_below_min_share: shareBelowMin((exams) => exams.egeMath),
  ege_elective_below_min_share: shareBelowMin((exams) => exams.egeElective),
  oge_math_below_min_share: shareBelowMin((exams) => exams.ogeMath),
  oge_rus_below_min_share: shareBelowMin((exams) => exams.ogeRus),
  ege_math_mean: meanScore((exams) => exams.egeMath, 1),
  ege_rus_mean: meanScore((exams) => exams.egeRus, 1),
  oge_math_mean: meanScore((exams) => exams.ogeMath, 2),
  oge_rus_mean: meanScore((exams) => exams.ogeRus, 2),
  olympiad_participants_share: school((input) => {
    const { eligible, participants } = olympiad(input);
    return eligible > 0 ? round4(participants / eligible) : null;
  }),
  olympiad_winners_share: school((input) => {
    const { eligible, winners } = olympiad(input);
    return eligible > 0 ? round4(winners / eligible) : null;
  }),
} satisfies Partial<Record<IndicatorCode, ValueBuilder>>;
