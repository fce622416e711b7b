import type { DataValidation } from "exceljs";
import { formatRuNumber } from "../../import/parse/import-file-error";
import { effectiveBounds } from "../../import/parse/validate-value";
import type { SheetIndicator } from "./values-sheet";

/** An indicator of a template: a sheet column with the bounds its values must keep. */
export type TemplateIndicator = SheetIndicator & { min: number | null; max: number | null };

type Bounds = { min: number | null; max: number | null };

/** The allowed values in words: «от 0 до 1», «не меньше 0», «любое число». */
export function describeBounds({ min, max }: Bounds): string {
  if (min !== null && max !== null) return `от ${formatRuNumber(min)} до ${formatRuNumber(max)}`;
  if (min !== null) return `не меньше ${formatRuNumber(min)}`;
  if (max !== null) return `не больше ${formatRuNumber(max)}`;
  return "любое число";
}

/** What the indicator accepts, in words, for a note and the instructions. */
export function describeAllowed(indicator: TemplateIndicator): string {
  if (indicator.unit === "boolean") return "«да» или «нет»";
  const bounds = describeBounds(effectiveBounds(indicator));
  return indicator.unit === "count" ? `целое число ${bounds}` : bounds;
}

function numericRule(
  type: "whole" | "decimal",
  { min, max }: Bounds,
): Pick<DataValidation, "operator" | "formulae"> {
  if (min !== null && max !== null) return { operator: "between", formulae: [min, max] };
  if (min !== null) return { operator: "greaterThanOrEqual", formulae: [min] };
  if (max !== null) return { operator: "lessThanOrEqual", formulae: [max] };
  // Any number, but still a number: the widest range Excel keeps exactly.
  const limit = type === "whole" ? 2_147_483_647 : 1e15;
  return { operator: "between", formulae: [-limit, limit] };
}

/**
 * Excel's data validation for an indicator's cells: a list да/нет for booleans, whole numbers for
 * counts, decimals for the rest, always within the indicator's bounds, with a Russian prompt and
 * error message. Blank cells are allowed (no value).
 */
export function validationFor(indicator: TemplateIndicator): DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: true,
    errorStyle: "stop",
    errorTitle: "Недопустимое значение",
    promptTitle: indicator.name.slice(0, 32),
    prompt: `Допустимо: ${describeAllowed(indicator)}`,
    error: `«${indicator.name}»: допустимо ${describeAllowed(indicator)}.`,
  };
  if (indicator.unit === "boolean") return { ...common, type: "list", formulae: ['"да,нет"'] };
  const type = indicator.unit === "count" ? "whole" : "decimal";
  return { ...common, type, ...numericRule(type, effectiveBounds(indicator)) };
}
