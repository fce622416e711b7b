/**
 * A least-recently-used map bounded by entry count and by total weight (for example the bytes of
 * cached JSON). Per app server, in memory; what it holds is only valid under a version its users check.
 */
export type BoundedCache<V> = {
  get: (key: string) => V | undefined;
  set: (key: string, value: V) => void;
  delete: (key: string) => void;
  size: () => number;
};

/** Creates a bounded cache; `weigh` gives an entry's weight (1 by default). */
export function createBoundedCache<V>(opts: {
  maxEntries: number;
  maxWeight?: number;
  weigh?: (value: V) => number;
}): BoundedCache<V> {
  const entries = new Map<string, { value: V; weight: number }>();
  const weigh = opts.weigh ?? (() => 1);
  const maxWeight = opts.maxWeight ?? Number.POSITIVE_INFINITY;
  let total = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.weight;
  };
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set: (key, value) => {
      remove(key);
      const weight = weigh(value);
      if (weight > maxWeight) return;
      entries.set(key, { value, weight });
      total += weight;
      for (const oldest of entries.keys()) {
        if (entries.size <= opts.maxEntries && total <= maxWeight) break;
        remove(oldest);
      }
    },
    delete: remove,
    size: () => entries.size,
  };
}
