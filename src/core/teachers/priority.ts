import { normalizeSubject, SUBJECT_RESULT_INDICATORS } from "./subjects";

/**
 * The share of students below the minimum at which a subject's results count as low for the
 * priority group: 10% and more of a school's students of an exam did not pass its minimum score.
 */
export const LOW_RESULT_SHARE = 0.1;

/** A school's subject result: the share below the minimum of an indicator (0–1) in a year. */
export type SubjectResult = { code: string; year: number; share: number };

/** A subject the school was identified for (a met criterion of its identification naming the subject). */
export type FailingSubject = { subject: string; sentence: string };

/** What the priority rule reads about one teacher and their school. */
export type PriorityInput = {
  subjects: readonly string[];
  position: "teacher" | "director" | "deputy";
  /** The school's latest subject results (SUBJECT_RESULT_INDICATORS codes). */
  results: readonly SubjectResult[];
  /** The subjects of the school's identification (its met criteria), the fallback where no subject results exist. */
  failingSubjects: readonly FailingSubject[];
};

/** The verdict: whether the teacher is in the priority group, and the Russian sentence why. */
export type PriorityVerdict = { isPriority: boolean; reason: string | null };

const percent = (share: number) => `${Math.round(share * 1000) / 10}`.replace(".", ",");

/**
 * The priority group of seed 003 («группа учителей, не обеспечивших максимально возможный
 * образовательный результат учащихся»). A teacher is in it when, for a subject they teach:
 * 1. the school has subject results (ОГЭ/ЕГЭ below-minimum shares) and one of them is at or above
 *    LOW_RESULT_SHARE — the reason names the exam, the share and the year; or
 * 2. the school has no subject result for that subject, and its identification names the subject
 *    among its failing ones — the reason quotes the identification.
 * Heads (director, deputy) are judged by the subjects they teach too. Pure.
 */
export function priorityOf(input: PriorityInput): PriorityVerdict {
  const failing = new Map(input.failingSubjects.map((f) => [normalizeSubject(f.subject), f]));
  for (const raw of input.subjects) {
    const subject = normalizeSubject(raw);
    const indicators = SUBJECT_RESULT_INDICATORS[subject] ?? [];
    const results = input.results.filter((r) => indicators.some((i) => i.code === r.code));
    if (results.length > 0) {
      const worst = [...results].sort((a, b) => b.share - a.share)[0];
      if (worst && worst.share >= LOW_RESULT_SHARE) {
        const exam = indicators.find((i) => i.code === worst.code)?.exam ?? "экзамена";
        return {
          isPriority: true,
          reason: `Преподаёт предмет «${raw.trim()}»: ${percent(worst.share)}% учащихся школы не преодолели минимальный порог ${exam} (${worst.year} г.; граница — ${percent(LOW_RESULT_SHARE)}%).`,
        };
      }
      continue;
    }
    const identified = failing.get(subject);
    if (identified) {
      return {
        isPriority: true,
        reason: `Преподаёт предмет «${raw.trim()}», по которому школа отнесена к ШНРО: ${identified.sentence}`,
      };
    }
  }
  return { isPriority: false, reason: null };
}
