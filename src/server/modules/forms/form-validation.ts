import type { IndicatorRow } from "../indicators/indicator.repo";

const numberFormat = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 6, useGrouping: false });

/**
 * Checks a value entered in a form against the indicator's current definition: within its range,
 * whole for counts, 0 or 1 for yes/no. Returns the Russian message, or undefined when the value is fine.
 */
export function checkFormValue(
  indicator: Pick<IndicatorRow, "unit" | "min" | "max">,
  value: number,
): string | undefined {
  if (!Number.isFinite(value)) return "Введите число";
  if (indicator.unit === "bool" && value !== 0 && value !== 1)
    return "Допустимо только «да» (1) или «нет» (0)";
  if (indicator.unit === "count" && !Number.isInteger(value)) return "Ожидается целое число";
  if (value < indicator.min || value > indicator.max) {
    return `Значение ${numberFormat.format(value)} вне допустимого диапазона ${numberFormat.format(indicator.min)}–${numberFormat.format(indicator.max)}`;
  }
  return undefined;
}
