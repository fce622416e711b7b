/** Addressed support made visible: per-school totals and the flags of a МОЦ's programme schools. */
export * from "./addressed";
