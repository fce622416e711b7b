/**
 * Teachers and their professional deficits (issue 12): the blocks of the professional standard and,
 * as they arrive, the deficit levels, the priority group, the individual plan (ИОМ). Pure.
 */
export * from "./blocks";
