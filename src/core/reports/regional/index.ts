export * from "./blocks";
export * from "./figures";
export { DEFAULT_GOALS_TEXT } from "./goals";
export * from "./monitoring";
export * from "./sections";
