import { munkres } from "munkres";
import type { ProfessionalBlock } from "../teachers";
import {
  type Fit,
  type FitMentor,
  type FitTeacher,
  fitReason,
  fitScore,
  fitScores,
  MATCH_WEIGHTS,
  type MatchWeights,
} from "./fit";

/** A teacher to find a mentor for. */
export type Mentee = FitTeacher & { id: string | number; name?: string };
/** A mentor with a capacity and the mentees they already have (`load`). */
export type Mentor = FitMentor & { id: string | number; name?: string; capacity: number; load?: number };

/** A suggested pair: its score (fit − load penalty), the parts, the blocks to work on, the sentence why. */
export type SuggestedPair = {
  teacherId: string | number;
  mentorId: string | number;
  /** fit − loadPenalty: what the assignment maximised the sum of. */
  score: number;
  fit: number;
  loadPenalty: number;
  /** Mentees the mentor has before this one (their earlier ones and this run's before it). */
  load: number;
  blocks: ProfessionalBlock[];
  km: number | null;
  reason: string;
};

/** The result of a matching: the pairs, the teachers left without a mentor (with why), the total. */
export type MatchResult = {
  pairs: SuggestedPair[];
  unassigned: { teacherId: string | number; reason: string }[];
  total: number;
  /** Mentor slots offered (capacity − load, summed). */
  slots: number;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The fit of every teacher (rows) with every mentor (columns). */
export function fitMatrix(
  teachers: readonly Mentee[],
  mentors: readonly Mentor[],
  weights = MATCH_WEIGHTS,
): Fit[][] {
  return teachers.map((t) => mentors.map((m) => fitScore(t, m, weights)));
}

/**
 * The exact assignment of teachers to mentors maximising the total score under the capacities.
 *
 * Each mentor is expanded into `capacity − load` slots; slot k (k = 0, 1, …) of a mentor with `load`
 * mentees scores fit − `weights.load` × (load + k). The teacher × slot matrix is solved by the
 * Hungarian algorithm (`munkres`, rectangular, minimising cost = −score; the smaller side as rows). Pairs are not forced:
 * a cell whose score is 0 or less is clipped to 0 — the value of leaving the teacher unassigned — and
 * pairs landing on such a cell are dropped afterwards. This gives the optimum over all partial
 * assignments: any partial assignment of positive pairs extends with zero cells to a full matching of
 * the rectangular matrix with the same total, so no dummy columns are needed. Within a mentor the
 * assigned teachers are then given the slots in the order of their fit (highest first): the total is
 * the same whichever order (the penalties of the slots used add up alike), the listing deterministic.
 */
export function matchMentors(
  teachers: readonly Mentee[],
  mentors: readonly Mentor[],
  weights: MatchWeights = MATCH_WEIGHTS,
): MatchResult {
  const scores = fitScores(teachers, mentors, weights);
  const slotMentor: number[] = [];
  const slotIndex: number[] = [];
  mentors.forEach((m, j) => {
    const load = m.load ?? 0;
    for (let k = 0; k < Math.max(0, m.capacity - load); k += 1) {
      slotMentor.push(j);
      slotIndex.push(load + k);
    }
  });
  const slots = slotMentor.length;
  const assigned = new Map<number, number[]>(); // mentor index → teacher indices
  const value = (i: number, s: number): number => {
    const fit = (scores[i] as Float64Array)[slotMentor[s] as number] as number;
    const v = fit > 0 ? round2(fit - weights.load * (slotIndex[s] as number)) : 0;
    return v > 0 ? v : 0;
  };
  const assign = (i: number, s: number) => {
    if (value(i, s) === 0) return; // clipped: unassigned
    const j = slotMentor[s] as number;
    const list = assigned.get(j) ?? [];
    list.push(i);
    assigned.set(j, list);
  };
  // Exact pruning before the solver: a teacher with no positive cell, and a mentor's k-th slot (k
  // counted from 0 among the slots offered) when no more than k teachers have a positive cell in it,
  // can take part in no optimal pair; leaving them out changes no total.
  const rows: number[] = [];
  for (let i = 0; i < teachers.length; i += 1) {
    for (let s = 0; s < slots; s += 1) {
      if (value(i, s) > 0) {
        rows.push(i);
        break;
      }
    }
  }
  const cols: number[] = [];
  for (let s = 0, k = 0; s < slots; s += 1) {
    k = s > 0 && slotMentor[s - 1] === slotMentor[s] ? k + 1 : 0;
    let positive = 0;
    for (const i of rows) if (value(i, s) > 0 && ++positive > k) break;
    if (positive > k) cols.push(s);
  }
  if (rows.length > 0 && cols.length > 0) {
    // The smaller side as rows: munkres runs in O(rows² × columns), about three times faster here.
    if (cols.length <= rows.length) {
      const cost = cols.map((s) => Float64Array.from(rows, (i) => -value(i, s)));
      for (const [c, r] of munkres(cost)) assign(rows[r] as number, cols[c] as number);
    } else {
      const cost = rows.map((i) => Float64Array.from(cols, (s) => -value(i, s)));
      for (const [r, c] of munkres(cost)) assign(rows[r] as number, cols[c] as number);
    }
  }
  const pairs: SuggestedPair[] = [];
  const paired = new Set<number>();
  for (const [j, list] of [...assigned.entries()].sort((a, b) => a[0] - b[0])) {
    const mentor = mentors[j] as Mentor;
    const load0 = mentor.load ?? 0;
    const fitOf = (i: number) => (scores[i] as Float64Array)[j] as number;
    list.sort((a, b) => fitOf(b) - fitOf(a) || a - b);
    list.forEach((i, k) => {
      const fit = fitScore(teachers[i] as Mentee, mentor, weights);
      const load = load0 + k;
      const loadPenalty = round2(weights.load * load);
      paired.add(i);
      pairs.push({
        teacherId: (teachers[i] as Mentee).id,
        mentorId: mentor.id,
        score: round2(fit.score - loadPenalty),
        fit: fit.score,
        loadPenalty,
        load,
        blocks: fit.blocks.map((b) => b.block),
        km: fit.km,
        reason: fitReason(fit, { load, weights }),
      });
    });
  }
  const order = new Map(teachers.map((t, i) => [t.id, i]));
  pairs.sort((a, b) => (order.get(a.teacherId) ?? 0) - (order.get(b.teacherId) ?? 0));
  const unassigned = teachers
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => !paired.has(i))
    .map(({ t, i }) => ({ teacherId: t.id, reason: unassignedReason(scores[i] as Float64Array, slots) }));
  return { pairs, unassigned, total: round2(pairs.reduce((sum, p) => sum + p.score, 0)), slots };
}

function unassignedReason(row: Float64Array, slots: number): string {
  if (slots === 0) return "У наставников нет свободных мест";
  if (!row.some((f) => f > 0)) return "Нет наставника, сильного в дефицитах педагога";
  return "Подходящие наставники заняты педагогами, которым они подходят больше";
}
