/**
 * Euclidean distances between every pair of points i < j, in row order (i, then j): computed once
 * when several clusterings of the same points are scored (k chosen by silhouette scores each k on
 * one sample).
 */
export type PairDistances = { n: number; values: Float64Array };

/** Largest number of points whose pair distances are kept in memory (2,000 points: 16 MB). */
export const MAX_PAIR_DISTANCE_POINTS = 2000;

function isPairDistances(points: readonly (readonly number[])[] | PairDistances): points is PairDistances {
  return !Array.isArray(points);
}

/** The {@link PairDistances} of points. O(n²·d) time, O(n²) memory. */
export function pairDistances(points: readonly (readonly number[])[]): PairDistances {
  const n = points.length;
  const d = n > 0 ? points[0]!.length : 0;
  // Points flattened into one typed array: the O(n²) loop below is the hot path.
  const flat = new Float64Array(n * d);
  for (let i = 0; i < n; i++) flat.set(points[i]!, i * d);
  const values = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = i + 1; j < n; j++) {
      const oj = j * d;
      let d2 = 0;
      for (let t = 0; t < d; t++) {
        const diff = flat[oi + t]! - flat[oj + t]!;
        d2 += diff * diff;
      }
      values[p++] = Math.sqrt(d2);
    }
  }
  return { n, values };
}

/**
 * Silhouette values (Rousseeuw 1987) with Euclidean distance: for each point
 * s = (b − a) / max(a, b), a the mean distance to the rest of its cluster, b the mean distance to
 * the nearest other cluster; 0 for a point alone in its cluster. O(n²·d) time, O(n²) memory
 * (O(n·k) more when given the pair distances). `labels` are 0..k−1.
 */
export function silhouetteValues(
  points: readonly (readonly number[])[] | PairDistances,
  labels: readonly number[],
): number[] {
  const { n, values: distances } = isPairDistances(points) ? points : pairDistances(points);
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]!++;
  const label = Int32Array.from(labels);
  // sums[i * k + c]: total distance from point i to the points of cluster c.
  const sums = new Float64Array(n * k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const li = label[i]!;
    for (let j = i + 1; j < n; j++) {
      const dist = distances[p++]!;
      sums[i * k + label[j]!]! += dist;
      sums[j * k + li]! += dist;
    }
  }
  return labels.map((own, i) => {
    const ownSize = sizes[own]!;
    if (ownSize <= 1) return 0;
    const a = sums[i * k + own]! / (ownSize - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      b = Math.min(b, sums[i * k + c]! / sizes[c]!);
    }
    if (!Number.isFinite(b)) return 0;
    const m = Math.max(a, b);
    return m > 0 ? (b - a) / m : 0;
  });
}

/** The mean silhouette of a clustering: near 1 well separated, near 0 overlapping. */
export function meanSilhouette(
  points: readonly (readonly number[])[] | PairDistances,
  labels: readonly number[],
): number {
  const values = silhouetteValues(points, labels);
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
