/**
 * Teachers and their professional deficits (issue 12): the blocks of the professional standard, the
 * deficit levels (scale), the self-assessment questionnaire, the priority group and the individual
 * plan (ИОМ): recommended courses, the mismatch flag and the change at re-assessment. Pure.
 */
export * from "./blocks";
export * from "./current-scores";
export * from "./individual-plan";
export * from "./priority";
export * from "./questionnaire";
export * from "./scale";
export * from "./subjects";
