/** Partnerships: partner kinds, distances and the suggested partner schools with their sentences. Pure. */
export * from "./geo";
export * from "./partner-kinds";
export * from "./suggestions";
