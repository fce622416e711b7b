/** The kinds of specialist a school may ask for: psychologist, speech therapist, defectologist, social pedagogue. */
export const SPECIALIST_KINDS = [
  "psychologist",
  "speech_therapist",
  "defectologist",
  "social_pedagogue",
] as const;

/** A kind of specialist. */
export type SpecialistKind = (typeof SPECIALIST_KINDS)[number];

/** Whom a request is for. */
export const REQUEST_TARGETS = ["children", "teachers", "parents"] as const;

/** Whom a request is for. */
export type RequestTarget = (typeof REQUEST_TARGETS)[number];

/** The kinds of a specialist's record: an examination (обследование) or a consultation. */
export const SESSION_KINDS = ["examination", "consultation"] as const;

/** A kind of a specialist's record. */
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The longest reason of a request: the school's words on what is needed, not a list of children. */
export const MAX_REASON_LENGTH = 1000;
