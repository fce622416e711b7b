import type { IndicatorValue } from "../../../../core/monitoring";

/** A report value in words: «да», «нет», a number, or «не указано». */
export function valueText(value: IndicatorValue): string {
  if (value === true) return "да";
  if (value === false) return "нет";
  if (typeof value === "number") return String(value).replace(".", ",");
  return "не указано";
}

/** A percent cell as the documents print it: a whole number, «—» when the base is empty. */
export function percentText(percent: number | null): string {
  return percent === null ? "—" : String(percent);
}
