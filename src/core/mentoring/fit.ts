import {
  type BlockScores,
  type DeficitScale,
  PROFESSIONAL_BLOCK_LABELS,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
} from "../teachers";
import { haversineKm } from "./geo";

/**
 * The weights of the fit score, all in one place. The fit of a teacher with deficits and a mentor is
 *
 *   fit = block part + subject bonus + place part, when the block part is positive; 0 otherwise
 *
 * - block part = `block` × Σ over blocks of need × strength, where
 *   need = (masteredLevel − teacher's score) / masteredLevel for a score below `masteredLevel`
 *   (0 for a mastered or not assessed block; `masteredByBlock` overrides the level for a block — the
 *   server takes both from the region's deficit scale, see weightsForScale), and strength = mentor's score / 100 for a score at or
 *   above `strengthLevel` (0 otherwise). A deficit of 42 against a strength of 88:
 *   100 × (70 − 42) / 70 × 0,88 = 35,2. A mentor strong in none of the teacher's deficits has no fit
 *   at all, whatever the subject or the distance: the mentoring is for the deficit.
 * - subject bonus = `subject` when they share a subject.
 * - place part = `sameMunicipality` in the same municipality, plus, when both schools have
 *   coordinates, `distance` × (1 − min(km, farKm) / nearbyKm): +`distance` at 0 km, 0 at `nearbyKm`,
 *   negative beyond, down to `distance` × (1 − farKm / nearbyKm) at `farKm` and further.
 *
 * The matching then takes `load` off for every mentee the mentor already has: the k-th mentee of a
 * mentor (k = 0, 1, …, counting those they already have) scores fit − `load` × k, so that of two
 * equal mentors the one with fewer mentees is preferred. A pair whose score comes to 0 or less is
 * not suggested. Scores are rounded to hundredths before the assignment, so the printed scores add up
 * to the printed total exactly.
 */
export const MATCH_WEIGHTS = {
  /** A block score below this is a deficit to work on (the operator's «освоено» level). */
  masteredLevel: 70,
  /** A mentor's block score at or above this is a strength. */
  strengthLevel: 70,
  /** Points for a full deficit (score 0) against a full strength (100), per block. */
  block: 100,
  /** Points for a shared subject. */
  subject: 15,
  /** Points for the same municipality. */
  sameMunicipality: 8,
  /** Points for distance 0 km (falling linearly to 0 at nearbyKm, negative beyond). */
  distance: 12,
  /** Up to this distance a school is nearby (the distance part is positive). */
  nearbyKm: 40,
  /** Beyond this distance the penalty no longer grows. */
  farKm: 120,
  /** Points off for each mentee the mentor already has. */
  load: 4,
};

/**
 * The weights of a matching: MATCH_WEIGHTS' numbers, and the «освоено» level of some blocks where it
 * differs from `masteredLevel` (a region's deficit scale may set its own bounds for a block).
 */
export type MatchWeights = typeof MATCH_WEIGHTS & {
  masteredByBlock?: Partial<Record<ProfessionalBlock, number>>;
};

/** The level below which a block's score is a deficit to work on. */
export function masteredLevelOf(weights: MatchWeights, block: ProfessionalBlock): number {
  return weights.masteredByBlock?.[block] ?? weights.masteredLevel;
}

/**
 * The weights of a region's matching: the deficit level of each block is the «освоено» bound of the
 * region's deficit scale (its general one, and a block's own where the scale sets it), the rest as
 * in `base`.
 */
export function weightsForScale(scale: DeficitScale, base: MatchWeights = MATCH_WEIGHTS): MatchWeights {
  const masteredByBlock: Partial<Record<ProfessionalBlock, number>> = {};
  for (const block of PROFESSIONAL_BLOCKS) {
    const own = scale.byBlock[block];
    if (own && own.masteredFrom !== scale.masteredFrom) masteredByBlock[block] = own.masteredFrom;
  }
  return { ...base, masteredLevel: scale.masteredFrom, masteredByBlock };
}

/** What the fit needs of a teacher. */
export type FitTeacher = {
  subjects: readonly string[];
  municipality: string;
  lat?: number | null;
  lon?: number | null;
  scores: BlockScores;
};

/** What the fit needs of a mentor. */
export type FitMentor = {
  subjects: readonly string[];
  municipality: string;
  lat?: number | null;
  lon?: number | null;
  strengths: BlockScores;
};

/** A block the mentor can help with: the teacher's deficit score, the mentor's strength, the points. */
export type BlockMatch = { block: ProfessionalBlock; deficit: number; strength: number; points: number };

/** The fit of a pair, with its parts (rounded to hundredths). */
export type Fit = {
  score: number;
  blockPoints: number;
  subjectPoints: number;
  placePoints: number;
  blocks: BlockMatch[];
  sharedSubject: string | null;
  sameMunicipality: boolean;
  km: number | null;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

function hasPoint(p: { lat?: number | null; lon?: number | null }): p is { lat: number; lon: number } {
  return typeof p.lat === "number" && typeof p.lon === "number";
}

/** The fit score of a teacher and a mentor (see MATCH_WEIGHTS). */
export function fitScore(teacher: FitTeacher, mentor: FitMentor, weights: MatchWeights = MATCH_WEIGHTS): Fit {
  const blocks: BlockMatch[] = [];
  let blockPoints = 0;
  for (const block of PROFESSIONAL_BLOCKS) {
    const deficit = teacher.scores[block];
    const strength = mentor.strengths[block];
    if (deficit === undefined || strength === undefined) continue;
    const level = masteredLevelOf(weights, block);
    if (deficit >= level || strength < weights.strengthLevel) continue;
    const points = (weights.block * (level - deficit) * strength) / level / 100;
    if (points <= 0) continue;
    blocks.push({ block, deficit, strength, points: round2(points) });
    blockPoints += points;
  }
  blocks.sort(
    (a, b) =>
      b.points - a.points || PROFESSIONAL_BLOCKS.indexOf(a.block) - PROFESSIONAL_BLOCKS.indexOf(b.block),
  );
  const sharedSubject = teacher.subjects.find((s) => mentor.subjects.includes(s)) ?? null;
  const sameMunicipality = teacher.municipality === mentor.municipality;
  const km = hasPoint(teacher) && hasPoint(mentor) ? haversineKm(teacher, mentor) : null;
  const subjectPoints = sharedSubject ? weights.subject : 0;
  const distancePoints =
    km === null ? 0 : weights.distance * (1 - Math.min(km, weights.farKm) / weights.nearbyKm);
  const placePoints = (sameMunicipality ? weights.sameMunicipality : 0) + distancePoints;
  const score = blockPoints > 0 ? blockPoints + subjectPoints + placePoints : 0;
  return {
    score: round2(Math.max(0, score)),
    blockPoints: round2(blockPoints),
    subjectPoints,
    placePoints: round2(placePoints),
    blocks,
    sharedSubject,
    sameMunicipality,
    km: km === null ? null : Math.round(km * 10) / 10,
  };
}

/**
 * The fit scores of every teacher (rows) with every mentor (columns) as numbers — the same values as
 * fitScore(...).score, computed without building the parts (the matching needs only the numbers; a
 * unit test checks they agree).
 */
export function fitScores(
  teachers: readonly FitTeacher[],
  mentors: readonly FitMentor[],
  weights: MatchWeights = MATCH_WEIGHTS,
): Float64Array[] {
  const nb = PROFESSIONAL_BLOCKS.length;
  // per mentor: strength by block, NaN where not a strength
  const strengths = new Float64Array(mentors.length * nb);
  mentors.forEach((m, j) => {
    PROFESSIONAL_BLOCKS.forEach((block, b) => {
      const s = m.strengths[block];
      strengths[j * nb + b] = s !== undefined && s >= weights.strengthLevel ? s : Number.NaN;
    });
  });
  const levels = PROFESSIONAL_BLOCKS.map((block) => masteredLevelOf(weights, block));
  const needs = new Float64Array(nb);
  return teachers.map((t) => {
    PROFESSIONAL_BLOCKS.forEach((block, b) => {
      const d = t.scores[block];
      const level = levels[b] as number;
      needs[b] = d !== undefined && d < level ? weights.block * (level - d) : Number.NaN;
    });
    const row = new Float64Array(mentors.length);
    const tPoint = hasPoint(t);
    mentors.forEach((m, j) => {
      let blockPoints = 0;
      for (let b = 0; b < nb; b += 1) {
        const need = needs[b] as number;
        const strength = strengths[j * nb + b] as number;
        if (Number.isNaN(need) || Number.isNaN(strength)) continue;
        const points = (need * strength) / (levels[b] as number) / 100;
        if (points > 0) blockPoints += points;
      }
      if (blockPoints <= 0) return;
      let score = blockPoints;
      if (t.subjects.some((s) => m.subjects.includes(s))) score += weights.subject;
      let place = t.municipality === m.municipality ? weights.sameMunicipality : 0;
      if (tPoint && hasPoint(m)) {
        const km = haversineKm(t as { lat: number; lon: number }, m);
        place += weights.distance * (1 - Math.min(km, weights.farKm) / weights.nearbyKm);
      }
      row[j] = round2(Math.max(0, score + place));
    });
    return row;
  });
}

const fmtScore = (x: number) => String(Math.round(x));

/** «12 км, тот же район» / «35 км, соседний район» / «140 км» / «тот же район» / null. */
function placePhrase(fit: Fit, weights: MatchWeights): string | null {
  const km = fit.km === null ? null : `${Math.round(fit.km)} км`;
  if (fit.sameMunicipality) return km ? `${km}, тот же район` : "тот же район";
  if (km && fit.km !== null && fit.km <= weights.nearbyKm) return `${km}, соседний район`;
  if (km) return `${km}, другой район`;
  return "другой район";
}

/**
 * The Russian sentence why a pair was suggested: «Дефицит «Оценка образовательных результатов» (42) —
 * сильная сторона наставника (88); один предмет — математика; 12 км, тот же район». Up to two blocks
 * (the strongest contributions) are named; `load` adds how many mentees the mentor already has.
 */
export function fitReason(fit: Fit, options: { load?: number; weights?: MatchWeights } = {}): string {
  const weights = options.weights ?? MATCH_WEIGHTS;
  if (fit.blocks.length === 0) return "Наставник не силён ни в одном из дефицитов педагога";
  const named = fit.blocks.slice(0, 2);
  const parts: string[] = [];
  if (named.length === 1) {
    const [b] = named as [BlockMatch];
    parts.push(
      `Дефицит «${PROFESSIONAL_BLOCK_LABELS[b.block]}» (${fmtScore(b.deficit)}) — сильная сторона наставника (${fmtScore(b.strength)})`,
    );
  } else {
    const [a, b] = named as [BlockMatch, BlockMatch];
    parts.push(
      `Дефициты «${PROFESSIONAL_BLOCK_LABELS[a.block]}» (${fmtScore(a.deficit)}) и «${PROFESSIONAL_BLOCK_LABELS[b.block]}» (${fmtScore(b.deficit)}) — сильные стороны наставника (${fmtScore(a.strength)} и ${fmtScore(b.strength)})`,
    );
  }
  const more = fit.blocks.length - named.length;
  if (more > 0)
    parts.push(`ещё ${more} ${more === 1 ? "блок" : more < 5 ? "блока" : "блоков"} с сильной стороной`);
  if (fit.sharedSubject) parts.push(`один предмет — ${fit.sharedSubject}`);
  const place = placePhrase(fit, weights);
  if (place) parts.push(place);
  const load = options.load ?? 0;
  if (load > 0)
    parts.push(
      `у наставника уже ${load} ${load === 1 ? "подопечный" : load < 5 ? "подопечных" : "подопечных"}`,
    );
  return parts.join("; ");
}
