import { kmeans } from "ml-kmeans";
import { buildProfiles, type ClusterProfile, type SchoolCategoryCode } from "./cluster-profiles";
import { MAX_PAIR_DISTANCE_POINTS, meanSilhouette, pairDistances } from "./silhouette";
import { type Standardization, standardize } from "./standardize";
import {
  type AnalyticsIndicator,
  AnalyticsInputError,
  type AnalyticsSchool,
  type ExcludedSchool,
  splitComplete,
} from "./types";

/** Tuning of the clustering. */
export type ClusteringOptions = {
  /** The number of clusters; when absent it is chosen by the best mean silhouette over kMin..kMax. */
  k?: number;
  kMin: number;
  kMax: number;
  /** Seed of k-means++ initialisation: the same data and seed give the same clusters. */
  seed: number;
  /**
   * k is chosen (and the silhouette computed) on a seeded sample of at most this many schools, as
   * the silhouette costs O(n²); the final k-means runs on every school from the sample's centroids.
   */
  sampleSize: number;
  /** k-means runs per k on the sample, from seeds seed, seed+1, …; the one with the least inertia is kept. */
  restarts: number;
};

/** The defaults: k from 2 to 8 by silhouette, seed 42, a sample of 1,000 schools, 2 restarts. */
export const DEFAULT_CLUSTERING_OPTIONS: ClusteringOptions = {
  kMin: 2,
  kMax: 8,
  seed: 42,
  sampleSize: 1000,
  restarts: 2,
};

/** One school's cluster (1-based: cluster 1 is the largest). */
export type ClusterAssignment = {
  schoolId: number;
  code: string;
  name: string;
  municipalityId: number;
  isRural: boolean;
  cluster: number;
};

/** The clustering with profiles, every school's cluster and the schools left out. */
export type ClusteringResult = {
  k: number;
  kChosenBy: "silhouette" | "user";
  /** Mean silhouette of the final clusters (on the sample when there are more schools than sampleSize). */
  silhouette: number;
  /** Mean silhouette of each k tried, on the sample. */
  silhouetteByK: { k: number; silhouette: number }[];
  /** Number of schools the silhouette was computed on. */
  silhouetteSampleSize: number;
  seed: number;
  indicators: AnalyticsIndicator[];
  scales: Standardization[];
  profiles: ClusterProfile[];
  schools: ClusterAssignment[];
  excluded: ExcludedSchool[];
};

/** Input of clusterSchools. */
export type ClusteringInput = {
  schools: readonly AnalyticsSchool[];
  indicators: readonly AnalyticsIndicator[];
  /** Each school's category (ШНРО, ШФНСУ, both…), for the profiles' shares; optional. */
  categories?: ReadonlyMap<number, SchoolCategoryCode>;
  options?: Partial<ClusteringOptions>;
};

type Run = { labels: number[]; centroids: number[][]; inertia: number };

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (let t = 0; t < a.length; t++) d += (a[t]! - b[t]!) ** 2;
  return d;
}

function runKmeans(points: number[][], k: number, init: { seed: number } | { centroids: number[][] }): Run {
  const result =
    "seed" in init
      ? kmeans(points, k, { seed: init.seed, initialization: "kmeans++", maxIterations: 300 })
      : kmeans(points, k, { initialization: init.centroids, maxIterations: 300 });
  const inertia = points.reduce(
    (s, p, i) => s + squaredDistance(p, result.centroids[result.clusters[i]!]!),
    0,
  );
  return { labels: result.clusters, centroids: result.centroids, inertia };
}

function bestOfRestarts(points: number[][], k: number, options: ClusteringOptions): Run {
  let best: Run | null = null;
  for (let r = 0; r < Math.max(1, options.restarts); r++) {
    const run = runKmeans(points, k, { seed: options.seed + r });
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best!;
}

/** A seeded sample of indices 0..n−1 (partial Fisher–Yates with mulberry32), in ascending order. */
export function seededSample(n: number, size: number, seed: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (size >= n) return indices;
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(next() * (n - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, size).sort((a, b) => a - b);
}

/** Renumbers clusters 0..k−1 by size (largest first), ties by centroid, so labels do not depend on initialisation order. */
function canonicalLabels(labels: readonly number[], centroids: readonly number[][]): number[] {
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => {
    const bySize = sizes.get(b)! - sizes.get(a)!;
    if (bySize !== 0) return bySize;
    const ca = centroids[a]!;
    const cb = centroids[b]!;
    const t = ca.findIndex((v, i) => v !== cb[i]);
    return t < 0 ? a - b : ca[t]! - cb[t]!;
  });
  const rank = new Map(order.map((old, i) => [old, i]));
  return labels.map((l) => rank.get(l)!);
}

/**
 * Clusters schools by the chosen indicators: z-scores, k-means (ml-kmeans, k-means++ with a fixed
 * seed, so a rerun gives the same clusters), k by the best mean silhouette over kMin..kMax unless
 * set. Schools missing any indicator are listed as excluded.
 */
export function clusterSchools(input: ClusteringInput): ClusteringResult {
  const options = { ...DEFAULT_CLUSTERING_OPTIONS, ...input.options };
  const indicators = [...input.indicators];
  if (indicators.length === 0) throw new AnalyticsInputError("Выберите хотя бы один показатель");
  const { complete, excluded } = splitComplete(
    input.schools,
    indicators.map((i) => i.code),
  );
  const n = complete.length;
  if (n < 3) throw new AnalyticsInputError(`Недостаточно школ с данными для кластеризации: ${n}`);
  if (options.k !== undefined && (options.k < 1 || options.k > n)) {
    throw new AnalyticsInputError(`Число кластеров должно быть от 1 до ${n}`);
  }
  const { z, scales } = standardize(
    complete.map((c) => c.values),
    indicators,
  );
  const sampleIdx = seededSample(n, options.sampleSize, options.seed);
  const sample = sampleIdx.map((i) => z[i]!);
  const candidates =
    options.k !== undefined ? [options.k] : range(options.kMin, Math.min(options.kMax, sample.length - 1));
  if (candidates.length === 0) throw new AnalyticsInputError("Слишком мало школ для выбора числа кластеров");

  // Every k is scored on the same sample: its pair distances once, when they fit in memory.
  const scored = sample.length <= MAX_PAIR_DISTANCE_POINTS ? pairDistances(sample) : sample;
  let best: { k: number; silhouette: number; run: Run } | null = null;
  const silhouetteByK: { k: number; silhouette: number }[] = [];
  for (const k of candidates) {
    const run = bestOfRestarts(sample, k, options);
    const silhouette = k > 1 ? meanSilhouette(scored, run.labels) : 0;
    silhouetteByK.push({ k, silhouette });
    if (!best || silhouette > best.silhouette) best = { k, silhouette, run };
  }
  const chosen = best!;
  const final =
    sample.length === n ? chosen.run : runKmeans(z, chosen.k, { centroids: chosen.run.centroids });
  const labels = canonicalLabels(final.labels, final.centroids);
  const silhouette =
    sample.length === n
      ? chosen.silhouette
      : meanSilhouette(
          scored,
          sampleIdx.map((i) => labels[i]!),
        );

  const schools = complete.map(({ school }, i) => ({
    schoolId: school.schoolId,
    code: school.code,
    name: school.name,
    municipalityId: school.municipalityId,
    isRural: school.isRural,
    cluster: labels[i]! + 1,
  }));
  return {
    k: chosen.k,
    kChosenBy: options.k === undefined ? "silhouette" : "user",
    silhouette,
    silhouetteByK,
    silhouetteSampleSize: sample.length,
    seed: options.seed,
    indicators,
    scales,
    profiles: buildProfiles({ complete, z, labels, indicators, categories: input.categories }),
    schools,
    excluded,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
