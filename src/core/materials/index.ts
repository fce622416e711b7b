/** The materials bank: kinds, levels, link targets and the Russian search query. Pure. */
export * from "./material-kinds";
export * from "./search-query";
