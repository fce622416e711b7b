/**
 * Support (issue 12, points 1–2): the МОЦ log of consultations, interviews and visits, and the
 * specialists' requests with their status machine, stage timings, overdue rule and the counts a
 * specialist records (never a child's name). Pure: plain data in and out.
 */
export * from "./counts";
export * from "./log-entry";
export * from "./request-input";
export * from "./request-status";
export * from "./request-words";
