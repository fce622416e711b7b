/** Kinds of a methodical material of the bank (банк методических материалов). */
export const MATERIAL_KINDS = [
  "recommendations",
  "presentation",
  "video",
  "lesson_scenario",
  "programme",
  "other",
] as const;

/** A kind of material. */
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Russian names of the kinds. */
export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = {
  recommendations: "Методические рекомендации",
  presentation: "Презентация",
  video: "Видео",
  lesson_scenario: "Сценарий урока",
  programme: "Программа",
  other: "Другое",
};

/** The level a material comes from (федеральный, региональный, муниципальный, школьный). */
export const MATERIAL_LEVELS = ["federal", "regional", "municipal", "school"] as const;

/** A level of a material. */
export type MaterialLevel = (typeof MATERIAL_LEVELS)[number];

/** Russian names of the levels. */
export const MATERIAL_LEVEL_LABELS: Record<MaterialLevel, string> = {
  federal: "Федеральный",
  regional: "Региональный",
  municipal: "Муниципальный",
  school: "Школьный",
};

/** What a material can be linked from: a measure of the library, a course, a plan. */
export const MATERIAL_LINK_ENTITIES = ["measure", "course", "plan"] as const;

/** A kind of thing a material is linked from. */
export type MaterialLinkEntity = (typeof MATERIAL_LINK_ENTITIES)[number];
