/**
 * Near-duplicate texts (issue 13, 5a; seed 003: «копирование сведений ... из одного отчета в
 * другой»): two texts are compared by the sets of their k-word shingles (k = 5 normalised Russian
 * words, see words.ts); MinHash estimates the Jaccard index of the sets; a pair at or above the
 * threshold (0.5 by default) is reported with the shared passages — maximal runs of consecutive
 * shared shingles, mapped back to the original text of both sides. Shingles most texts of a kind
 * share (a template's wording) are left out first, see {@link SimilarityOptions}.
 */
import { estimateJaccard, exactJaccard, fnv1a, minHashSignature } from "./minhash";
import { textWords, type Word } from "./words";

/** Words per shingle. */
export const DEFAULT_SHINGLE_SIZE = 5;
/** The Jaccard estimate from which two texts count as near-duplicates. */
export const DEFAULT_THRESHOLD = 0.5;
/** At most this many shared passages are kept per pair, the longest first. */
export const MAX_PASSAGES = 20;

/** A text prepared for comparison: its words, its shingle hashes in order, their set and signature. */
export type Fingerprint = {
  text: string;
  words: Word[];
  shingles: number[];
  set: Set<number>;
  signature: Uint32Array;
};

/** Prepares a text: words, k-word shingles hashed (FNV-1a), the MinHash signature. */
export function fingerprint(text: string, k = DEFAULT_SHINGLE_SIZE): Fingerprint {
  const words = textWords(text);
  const shingles: number[] = [];
  for (let i = 0; i + k <= words.length; i += 1) {
    shingles.push(
      fnv1a(
        words
          .slice(i, i + k)
          .map((word) => word.norm)
          .join(" "),
      ),
    );
  }
  const set = new Set(shingles);
  return { text, words, shingles, set, signature: minHashSignature(set) };
}

/** A place in one text: character offsets (end exclusive) and the text there. */
export type TextSpan = { start: number; end: number; text: string };

/** A passage both texts share: where it stands in each and how many words it has. */
export type SharedPassage = { a: TextSpan; b: TextSpan; words: number };

function span(fp: Fingerprint, firstShingle: number, shingleCount: number, k: number): TextSpan {
  const first = fp.words[firstShingle];
  const last = fp.words[firstShingle + shingleCount - 1 + k - 1];
  if (!first || !last) return { start: 0, end: 0, text: "" };
  return { start: first.start, end: last.end, text: fp.text.slice(first.start, last.end) };
}

/**
 * The shared passages of two texts: every maximal diagonal run of equal shingles (position i in A,
 * p in B, both extended while the next shingles agree), the longest first, none overlapping another
 * in A; then in the order they stand in A.
 */
export function sharedPassages(a: Fingerprint, b: Fingerprint, k = DEFAULT_SHINGLE_SIZE): SharedPassage[] {
  const where = new Map<number, number[]>();
  b.shingles.forEach((hash, p) => {
    if (Number.isNaN(hash)) return;
    const list = where.get(hash);
    if (list) list.push(p);
    else where.set(hash, [p]);
  });
  const runs: { i: number; p: number; length: number }[] = [];
  a.shingles.forEach((hash, i) => {
    for (const p of where.get(hash) ?? []) {
      if (i > 0 && p > 0 && a.shingles[i - 1] === b.shingles[p - 1]) continue;
      let length = 1;
      while (a.shingles[i + length] !== undefined && a.shingles[i + length] === b.shingles[p + length])
        length += 1;
      runs.push({ i, p, length });
    }
  });
  runs.sort((x, y) => y.length - x.length || x.i - y.i);
  const taken: { i: number; length: number }[] = [];
  for (const run of runs) {
    if (taken.length >= MAX_PASSAGES) break;
    if (taken.some((t) => run.i < t.i + t.length && t.i < run.i + run.length)) continue;
    taken.push(run);
  }
  return runs
    .filter((run) => taken.includes(run))
    .sort((x, y) => x.i - y.i)
    .map((run) => ({
      a: span(a, run.i, run.length, k),
      b: span(b, run.p, run.length, k),
      words: run.length + k - 1,
    }));
}

/** A text to compare: an id, the label a sentence names it by, its kind and its text. */
export type ComparedText = { id: string; label: string; kind: string; text: string };

/** Two texts found near-duplicate: the MinHash estimate, the exact index, the shared passages. */
export type SimilarPair = {
  a: ComparedText;
  b: ComparedText;
  score: number;
  jaccard: number;
  passages: SharedPassage[];
};

/**
 * Options of a comparison: shingle size, threshold, whether texts of different kinds are paired, and
 * the share of a kind's texts above which a shingle counts as boilerplate.
 */
export type SimilarityOptions = {
  k?: number;
  threshold?: number;
  acrossKinds?: boolean;
  boilerplateShare?: number;
};

/** A shingle in more than this share of a kind's texts (and in more than two) is boilerplate. */
export const DEFAULT_BOILERPLATE_SHARE = 0.2;

/**
 * The fingerprints with the boilerplate of each kind taken out: a shingle found in more than
 * max(2, share × the kind's texts) texts of the kind — the wording of the region's template every
 * programme starts from, not copying — is dropped from the set, and in the sequence becomes NaN,
 * which equals nothing, so that passages break there.
 */
function withoutBoilerplate<T extends { text: ComparedText; fp: Fingerprint }>(
  items: T[],
  share: number,
): T[] {
  const byKind = new Map<string, T[]>();
  for (const item of items) byKind.set(item.text.kind, [...(byKind.get(item.text.kind) ?? []), item]);
  return items.map((item) => {
    const peers = byKind.get(item.text.kind) ?? [];
    const limit = Math.max(2, share * peers.length);
    const frequency = new Map<number, number>();
    for (const peer of peers)
      for (const hash of peer.fp.set) frequency.set(hash, (frequency.get(hash) ?? 0) + 1);
    const isCommon = (hash: number) => (frequency.get(hash) ?? 0) > limit;
    if (![...item.fp.set].some(isCommon)) return item;
    const set = new Set([...item.fp.set].filter((hash) => !isCommon(hash)));
    const shingles = item.fp.shingles.map((hash) => (isCommon(hash) ? Number.NaN : hash));
    return { ...item, fp: { ...item.fp, shingles, set, signature: minHashSignature(set) } };
  });
}

/**
 * Every pair of texts whose MinHash estimate is at or above the threshold, the most similar first,
 * with the shared passages. Texts shorter than one shingle are left out. By default only texts of
 * one kind are paired (a programme with programmes, a МОЦ report with МОЦ reports).
 */
export function findSimilarPairs(
  texts: readonly ComparedText[],
  options: SimilarityOptions = {},
): SimilarPair[] {
  const k = options.k ?? DEFAULT_SHINGLE_SIZE;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const prepared = withoutBoilerplate(
    texts.map((text) => ({ text, fp: fingerprint(text.text, k) })).filter(({ fp }) => fp.shingles.length > 0),
    options.boilerplateShare ?? DEFAULT_BOILERPLATE_SHARE,
  ).filter(({ fp }) => fp.set.size > 0);
  const pairs: SimilarPair[] = [];
  for (let x = 0; x < prepared.length; x += 1) {
    for (let y = x + 1; y < prepared.length; y += 1) {
      const left = prepared[x];
      const right = prepared[y];
      if (!left || !right) continue;
      if (!options.acrossKinds && left.text.kind !== right.text.kind) continue;
      const score = estimateJaccard(left.fp.signature, right.fp.signature);
      if (score < threshold) continue;
      pairs.push({
        a: left.text,
        b: right.text,
        score,
        jaccard: exactJaccard(left.fp.set, right.fp.set),
        passages: sharedPassages(left.fp, right.fp, k),
      });
    }
  }
  return pairs.sort((p, q) => q.score - p.score || p.a.id.localeCompare(q.a.id));
}
