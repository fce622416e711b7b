/**
 * The analytics engine: the contextual model (regression of results on social context, with the
 * quadrants of HSE's contextual identification) and clustering of schools by social conditions.
 * Pure functions over plain rows; repositories feed them.
 */
export * from "./analytics-api.schema";
export * from "./cluster-profiles";
export * from "./clustering";
export * from "./contextual-model";
export * from "./facts-year";
export * from "./ols";
export * from "./quadrants";
export * from "./silhouette";
export * from "./standardize";
export * from "./student-t";
export * from "./types";
