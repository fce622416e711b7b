/**
 * Kinds of a programme school's partners (seed 003, «Развитие партнёрских отношений»): a partner
 * school with high results, and the social partners the schools name — culture, sport, libraries,
 * NGOs, medical, additional education, parents.
 */
export const PARTNER_KINDS = [
  "school",
  "culture",
  "sport",
  "library",
  "ngo",
  "medical",
  "additional_education",
  "parents",
] as const;

/** A kind of partner. */
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The social partners' kinds (every kind but a partner school). */
export const SOCIAL_PARTNER_KINDS = PARTNER_KINDS.filter((kind) => kind !== "school");

/** Russian names of the kinds, for the UI and documents. */
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  school: "Школа-партнёр",
  culture: "Учреждение культуры",
  sport: "Спортивная организация",
  library: "Библиотека",
  ngo: "Некоммерческая организация",
  medical: "Медицинская организация",
  additional_education: "Организация дополнительного образования",
  parents: "Родители",
};

/** States of an agreement: a draft (e.g. made from a suggestion) or a signed one. */
export const AGREEMENT_STATUSES = ["draft", "signed"] as const;

/** A state of an agreement. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Russian names of the states. */
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: "Проект",
  signed: "Заключён",
};
