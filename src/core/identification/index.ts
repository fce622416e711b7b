/**
 * Identification of ШНРО and ШФНСУ by rule sets: the pure engine. Feed it {@link SchoolFacts}
 * (one row per school with its values by indicator and year) and the catalogue's {@link IndicatorMeta}.
 */
export * from "./categories";
export * from "./evaluate";
export * from "./facts";
export * from "./preloaded";
export * from "./rule-set.schema";
export type * from "./types";
