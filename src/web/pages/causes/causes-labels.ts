import { FACTOR_GROUP_LABELS, FACTOR_GROUPS, type FactorGroup } from "../../../core/causes/factor.schema";
import type { RiskLevel } from "../../../core/causes/risk-combine";

/** Colours of the risk levels, the same on the chart, the badges and the legend. */
export const LEVEL_COLORS: Record<RiskLevel, string> = {
  high: "#e03131",
  medium: "#f08c00",
  low: "#2f9e44",
  no_data: "#adb5bd",
};

/** Mantine badge colours of the risk levels. */
export const LEVEL_BADGE: Record<RiskLevel, string> = {
  high: "red",
  medium: "orange",
  low: "green",
  no_data: "gray",
};

/** The risk levels from the worst. */
export const LEVELS: readonly RiskLevel[] = ["high", "medium", "low", "no_data"];

/** The factor groups in display order with their Russian names. */
export const GROUPS: readonly { group: FactorGroup; label: string }[] = FACTOR_GROUPS.map((group) => ({
  group,
  label: FACTOR_GROUP_LABELS[group],
}));
