/**
 * Silhouette values (Rousseeuw 1987) with Euclidean distance: for each point
 * s = (b − a) / max(a, b), a the mean distance to the rest of its cluster, b the mean distance to
 * the nearest other cluster; 0 for a point alone in its cluster. O(n²·d) time, O(n·k) memory.
 * `labels` are 0..k−1.
 */
export function silhouetteValues(points: readonly number[][], labels: readonly number[]): number[] {
  const n = points.length;
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]!++;
  const d = n > 0 ? points[0]!.length : 0;
  // Points flattened into one typed array: the O(n²) loop below is the hot path.
  const flat = new Float64Array(n * d);
  for (let i = 0; i < n; i++) flat.set(points[i]!, i * d);
  const label = Int32Array.from(labels);
  // sums[i * k + c]: total distance from point i to the points of cluster c.
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    const li = label[i]!;
    for (let j = i + 1; j < n; j++) {
      const oj = j * d;
      let d2 = 0;
      for (let t = 0; t < d; t++) {
        const diff = flat[oi + t]! - flat[oj + t]!;
        d2 += diff * diff;
      }
      const dist = Math.sqrt(d2);
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
export function meanSilhouette(points: readonly number[][], labels: readonly number[]): number {
  const values = silhouetteValues(points, labels);
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
