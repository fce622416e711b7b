/**
 * Courses and events (issue 12, point 3), pure: the kinds, levels, formats and statuses with their
 * Russian names and readers for imported tables, the numbers of an event in words («73 педагога из
 * 7 районов»), and the summaries the monitoring (issue 13) counts — participation in events by level
 * per school and school year, courses taken per school and school year.
 */
export * from "./kinds";
export * from "./participants";
export * from "./summary";
