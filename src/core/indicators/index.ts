/** The indicator catalogue: definitions, preloaded indicators and seed 001's 2018 figures. */
export * from "./catalogue";
export * from "./indicator.schema";
export * from "./indicator-codes";
export * from "./seed-2018-stats";
