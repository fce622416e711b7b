/**
 * The subjects whose results the indicator catalogue holds per subject: the share of students below
 * the minimum score of ОГЭ and ЕГЭ in mathematics and in Russian. A teacher's subject is matched to
 * them by its lower-cased name.
 */
export const SUBJECT_RESULT_INDICATORS: Readonly<Record<string, readonly { code: string; exam: string }[]>> =
  {
    математика: [
      { code: "oge_math_below_min_share", exam: "ОГЭ" },
      { code: "ege_math_below_min_share", exam: "ЕГЭ" },
    ],
    "русский язык": [
      { code: "oge_rus_below_min_share", exam: "ОГЭ" },
      { code: "ege_rus_below_min_share", exam: "ЕГЭ" },
    ],
  };

/** Every indicator code of SUBJECT_RESULT_INDICATORS. */
export const SUBJECT_RESULT_CODES: readonly string[] = Object.values(SUBJECT_RESULT_INDICATORS).flatMap(
  (list) => list.map((i) => i.code),
);

/** The subject an indicator code is about, if it is a subject result. */
export function subjectOfIndicator(code: string): string | undefined {
  for (const [subject, list] of Object.entries(SUBJECT_RESULT_INDICATORS)) {
    if (list.some((i) => i.code === code)) return subject;
  }
  if (code.includes("_math_")) return "математика";
  if (code.includes("_rus_")) return "русский язык";
  return undefined;
}

/** A subject's name as teachers' lists compare it: trimmed and lower-cased. */
export function normalizeSubject(subject: string): string {
  return subject.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}
