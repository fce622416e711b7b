import type { FieldIssue } from "../../../platform/errors";
import { formatRuNumber } from "./import-file-error";
import { type IndicatorUnit, parseNumber, quoteText } from "./parse-number";
import type { ValueRecord } from "./value-records";

/** What the validator needs to know of an indicator; null bounds fall back to the unit's own. */
export type IndicatorRule = { code: string; unit: IndicatorUnit; min: number | null; max: number | null };

/** A value ready to be stored, or the issue to show the user (row, column, message). */
export type ValidatedValue = { ok: true; value: number } | { ok: false; issue: FieldIssue };

/** Bounds every value of a unit obeys, whatever the indicator says. */
const UNIT_BOUNDS: Record<IndicatorUnit, { min: number | null; max: number | null }> = {
  share: { min: 0, max: 1 },
  percent: { min: 0, max: 100 },
  count: { min: 0, max: null },
  number: { min: null, max: null },
  boolean: { min: 0, max: 1 },
};

/** The bounds a value of the indicator must lie in: its own, or else those of its unit. */
export function effectiveBounds(indicator: Omit<IndicatorRule, "code">): {
  min: number | null;
  max: number | null;
} {
  return {
    min: indicator.min ?? UNIT_BOUNDS[indicator.unit].min,
    max: indicator.max ?? UNIT_BOUNDS[indicator.unit].max,
  };
}

function rangeMessage(value: number, min: number | null, max: number | null): string | undefined {
  if ((min === null || value >= min) && (max === null || value <= max)) return undefined;
  const shown = formatRuNumber(value);
  if (min !== null && max !== null && (value < min || value > max)) {
    return `значение ${shown} вне допустимого диапазона ${formatRuNumber(min)}–${formatRuNumber(max)}`;
  }
  if (min !== null && value < min)
    return `значение ${shown} меньше допустимого минимума ${formatRuNumber(min)}`;
  if (max !== null && value > max)
    return `значение ${shown} больше допустимого максимума ${formatRuNumber(max)}`;
  return undefined;
}

function checkValue(value: number, indicator: IndicatorRule, rawValue: string): string | undefined {
  if (indicator.unit === "count" && !Number.isInteger(value))
    return `ожидается целое число: ${quoteText(rawValue)}`;
  const { min, max } = effectiveBounds(indicator);
  const message = rangeMessage(value, min, max);
  if (message !== undefined && indicator.unit === "share" && value >= 2 && value <= 100) {
    return `${message} (долю записывают как 0,31 или 31%)`;
  }
  return message;
}

/**
 * Checks one value record against its indicator: the indicator must be known, the text must parse
 * for the unit (see parseNumber), a count must be whole, and the value must lie within the
 * indicator's bounds («значение 1,4 вне допустимого диапазона 0–1»).
 */
export function validateValueRecord(
  record: ValueRecord,
  indicator: IndicatorRule | undefined,
  options: { decimalComma: boolean },
): ValidatedValue {
  const place = { row: record.rowNumber, column: record.column };
  if (indicator === undefined) {
    return { ok: false, issue: { ...place, message: `неизвестный показатель «${record.indicatorCode}»` } };
  }
  const parsed = parseNumber(record.rawValue, { decimalComma: options.decimalComma, unit: indicator.unit });
  if (!parsed.ok) return { ok: false, issue: { ...place, message: parsed.message } };
  const message = checkValue(parsed.value, indicator, record.rawValue);
  return message === undefined
    ? { ok: true, value: parsed.value }
    : { ok: false, issue: { ...place, message } };
}
