import { CONTEXT_INDICATORS } from "./catalogue-context.data";
import { CRITERIA_INDICATORS } from "./catalogue-criteria.data";
import { MONITORING_INDICATORS } from "./catalogue-monitoring.data";
import type { IndicatorDefinition } from "./indicator.schema";

/**
 * The preloaded indicator catalogue: the school monitoring indicators and the identification
 * criteria of seed 001 (Smolensk), then the social-context indicators of the contextual model.
 */
export const INDICATOR_CATALOGUE: IndicatorDefinition[] = [
  ...MONITORING_INDICATORS,
  ...CRITERIA_INDICATORS,
  ...CONTEXT_INDICATORS,
];

/** The catalogue entry with this code, or undefined. */
export function findIndicatorByCode(
  code: string,
  catalogue: readonly IndicatorDefinition[] = INDICATOR_CATALOGUE,
): IndicatorDefinition | undefined {
  return catalogue.find((definition) => definition.code === code);
}

/** The catalogue entry with this code; throws when the code is unknown. */
export function getIndicatorByCode(
  code: string,
  catalogue: readonly IndicatorDefinition[] = INDICATOR_CATALOGUE,
): IndicatorDefinition {
  const definition = findIndicatorByCode(code, catalogue);
  if (!definition) throw new Error(`Неизвестный показатель: ${code}`);
  return definition;
}
