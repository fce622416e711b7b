import {
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_GROUP_LABELS,
  INDICATOR_GROUPS,
  INDICATOR_UNIT_LABELS,
  type IndicatorGroup,
} from "../../../core/indicators/indicator.schema";

/** The Russian name of a group code, or the code itself for a group the catalogue does not know. */
export function groupLabel(group: string): string {
  const known = INDICATOR_GROUPS.find((g) => g === group);
  return known ? INDICATOR_GROUP_LABELS[known] : group;
}

/** Groups in display order: known ones first, in catalogue order, then any others. */
export function orderGroups(groups: Iterable<string>): string[] {
  const set = new Set(groups);
  const known: string[] = INDICATOR_GROUPS.filter((g: IndicatorGroup) => set.has(g));
  return [...known, ...[...set].filter((g) => !known.includes(g)).sort()];
}

/** A number in Russian notation without grouping noise: 0,5; 100. */
export function formatBound(value: number): string {
  return new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 4, useGrouping: false }).format(value);
}

export { INDICATOR_DIRECTION_LABELS, INDICATOR_UNIT_LABELS };
