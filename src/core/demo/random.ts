/**
 * A seeded pseudo-random number generator and the distributions the demo data need.
 * Deterministic by construction: no Math.random, no clock.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform in [min, max). */
  uniform: (min: number, max: number) => number;
  /** Uniform integer in [min, max], both ends included. */
  int: (min: number, max: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  /** Normal with the given mean and standard deviation. */
  normal: (mean?: number, sd?: number) => number;
  /** Number of successes in n trials with probability p. */
  binomial: (n: number, p: number) => number;
  /** Poisson count with mean lambda. */
  poisson: (lambda: number) => number;
  /** One element of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
  /** A shuffled copy of the list (Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[];
};

/**
 * mulberry32: a small, fast 32-bit generator with good statistical quality for simulations; also
 * what tests use for cases that are the same on every machine.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string mixed with a seed: derives independent streams from labels. */
export function hashSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A generator seeded with `seed`, or with a stream derived from `seed` and `label`. */
export function createRng(seed: number, label?: string): Rng {
  const next = mulberry32(label === undefined ? seed : hashSeed(seed, label));
  const normal = (mean = 0, sd = 1): number => {
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error("pick: empty list");
    return item;
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal,
    binomial: (n, p) => binomial(next, n, p),
    poisson: (lambda) => poisson(next, lambda),
    pick,
    shuffle: (items) => shuffle(next, items),
  };
}

function binomial(next: () => number, n: number, p: number): number {
  let successes = 0;
  for (let trial = 0; trial < n; trial += 1) if (next() < p) successes += 1;
  return successes;
}

/** Knuth's method; the demo's means are small, so it stays fast. */
function poisson(next: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let count = 0;
  let product = next();
  while (product > limit) {
    count += 1;
    product *= next();
  }
  return count;
}

function shuffle<T>(next: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    const current = copy[index];
    const swapped = copy[other];
    if (current === undefined || swapped === undefined) continue;
    copy[index] = swapped;
    copy[other] = current;
  }
  return copy;
}
