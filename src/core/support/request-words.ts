import type { RequestTarget, SpecialistKind } from "./request-input";

/** Russian words for a request's specialist, for the subject of a sentence. */
export const REQUEST_SPECIALIST_WORDS: Record<SpecialistKind, string> = {
  psychologist: "педагог-психолог",
  speech_therapist: "учитель-логопед",
  defectologist: "учитель-дефектолог",
  social_pedagogue: "социальный педагог",
};

/** Russian words for whom a request is for. */
export const REQUEST_TARGET_WORDS: Record<RequestTarget, string> = {
  children: "для обучающихся",
  teachers: "для педагогов",
  parents: "для родителей",
};

/** «педагог-психолог для обучающихся»: what a request asks for (an unknown code is printed as is). */
export function requestSubject(specialistKind: string, target: string): string {
  const specialist = (REQUEST_SPECIALIST_WORDS as Record<string, string>)[specialistKind] ?? specialistKind;
  const whom = (REQUEST_TARGET_WORDS as Record<string, string>)[target] ?? "";
  return [specialist, whom].filter(Boolean).join(" ");
}
