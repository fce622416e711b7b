import type { AnalyticsIndicator, AnalyticsSchool } from "./types";

/**
 * A school's category from an identification run: ШНРО (school with low educational results),
 * ШФНСУ (school in unfavourable social conditions), both, none, or not enough data.
 */
export type SchoolCategoryCode = "shnro" | "shfnsu" | "both" | "none" | "insufficient_data";

/** What a cluster is like: its size, mean of each indicator, shares of ШНРО, ШФНСУ and rural schools. */
export type ClusterProfile = {
  /** 1-based; cluster 1 is the largest. */
  cluster: number;
  size: number;
  /** size / number of clustered schools. */
  share: number;
  /** Mean of each indicator in its own units, by code. */
  means: Record<string, number>;
  /** Mean z-score of each indicator, by code: how far the cluster is from the region's mean, in SDs. */
  zMeans: Record<string, number>;
  /** Share of ШНРО (including «both») among the cluster's schools; null without categories. */
  shnroShare: number | null;
  /** Share of ШФНСУ (including «both»); null without categories. */
  shfnsuShare: number | null;
  ruralShare: number;
};

/** Profiles of clusters 1..k from the schools, their z-scores and 0-based labels. */
export function buildProfiles(input: {
  complete: readonly { school: AnalyticsSchool; values: number[] }[];
  z: readonly number[][];
  labels: readonly number[];
  indicators: readonly AnalyticsIndicator[];
  categories?: ReadonlyMap<number, SchoolCategoryCode>;
}): ClusterProfile[] {
  const { complete, z, labels, indicators, categories } = input;
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const d = indicators.length;
  const acc = Array.from({ length: k }, () => ({
    size: 0,
    sums: new Array<number>(d).fill(0),
    zSums: new Array<number>(d).fill(0),
    shnro: 0,
    shfnsu: 0,
    rural: 0,
  }));
  complete.forEach(({ school, values }, i) => {
    const a = acc[labels[i]!]!;
    a.size++;
    for (let j = 0; j < d; j++) {
      a.sums[j]! += values[j]!;
      a.zSums[j]! += z[i]![j]!;
    }
    const category = categories?.get(school.schoolId);
    if (category === "shnro" || category === "both") a.shnro++;
    if (category === "shfnsu" || category === "both") a.shfnsu++;
    if (school.isRural) a.rural++;
  });
  const total = complete.length;
  return acc.map((a, c) => ({
    cluster: c + 1,
    size: a.size,
    share: total > 0 ? a.size / total : 0,
    means: Object.fromEntries(indicators.map((ind, j) => [ind.code, a.sums[j]! / a.size])),
    zMeans: Object.fromEntries(indicators.map((ind, j) => [ind.code, a.zSums[j]! / a.size])),
    shnroShare: categories ? a.shnro / a.size : null,
    shfnsuShare: categories ? a.shfnsu / a.size : null,
    ruralShare: a.rural / a.size,
  }));
}
