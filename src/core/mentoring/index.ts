/**
 * Mentoring (issue 12, point 6): the documented fit score of a teacher with deficits and a mentor,
 * the exact assignment under the mentors' capacities, the reason sentences, and the instance format
 * `opora mentors match` reads. Pure.
 */
export * from "./candidates";
export * from "./fit";
export * from "./geo";
export * from "./instance";
export * from "./match";
