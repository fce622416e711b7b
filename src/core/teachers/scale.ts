import { z } from "zod";
import {
  type BlockScores,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
  professionalBlockSchema,
} from "./blocks";

/** The level of a block score: a deficit, partly mastered, or mastered. */
export type DeficitLevel = "deficit" | "partial" | "mastered";

/** Russian names of the levels. */
export const DEFICIT_LEVEL_LABELS: Record<DeficitLevel, string> = {
  deficit: "дефицит",
  partial: "частично освоено",
  mastered: "освоено",
};

const boundsSchema = z
  .object({
    /** A score below this is a deficit. */
    deficitBelow: z.number().min(0).max(100),
    /** A score at or above this is mastered; between the two, partly mastered. */
    masteredFrom: z.number().min(0).max(100),
  })
  .refine((b) => b.deficitBelow <= b.masteredFrom, {
    message: "Граница «освоено» не может быть ниже границы дефицита",
  });

/** Bounds of the levels: below `deficitBelow` a deficit, from `masteredFrom` mastered. */
export type LevelBounds = z.infer<typeof boundsSchema>;

/**
 * The levels a region's operator sets for deficit scores (deficit_scales.levels): bounds for all
 * blocks, and optionally other bounds for some blocks.
 */
export const deficitScaleSchema = z
  .object({
    deficitBelow: z.number().min(0).max(100),
    masteredFrom: z.number().min(0).max(100),
    byBlock: z.partialRecord(professionalBlockSchema, boundsSchema).default({}),
  })
  .refine((b) => b.deficitBelow <= b.masteredFrom, {
    message: "Граница «освоено» не может быть ниже границы дефицита",
    path: ["masteredFrom"],
  });

/** A region's deficit scale. */
export type DeficitScale = z.infer<typeof deficitScaleSchema>;

/**
 * The default scale, as regional practice words it (DOMAIN.md «Support»): below 50 points a deficit,
 * 50–69 partly mastered, 70 and above mastered — for every block. A region without its own scale uses it.
 */
export const DEFAULT_DEFICIT_SCALE: DeficitScale = { deficitBelow: 50, masteredFrom: 70, byBlock: {} };

/** Reads a stored scale; anything unreadable falls back to the default. */
export function readDeficitScale(stored: unknown): DeficitScale {
  const parsed = deficitScaleSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_DEFICIT_SCALE;
}

/** The bounds that apply to a block. */
export function boundsOf(scale: DeficitScale, block: ProfessionalBlock): LevelBounds {
  return scale.byBlock[block] ?? { deficitBelow: scale.deficitBelow, masteredFrom: scale.masteredFrom };
}

/** The level of one block score on a scale. */
export function levelOf(score: number, block: ProfessionalBlock, scale: DeficitScale): DeficitLevel {
  const bounds = boundsOf(scale, block);
  if (score < bounds.deficitBelow) return "deficit";
  if (score < bounds.masteredFrom) return "partial";
  return "mastered";
}

/** The level of every assessed block of a diagnosis. */
export function levelsOf(
  scores: BlockScores,
  scale: DeficitScale,
): Partial<Record<ProfessionalBlock, DeficitLevel>> {
  const out: Partial<Record<ProfessionalBlock, DeficitLevel>> = {};
  for (const block of PROFESSIONAL_BLOCKS) {
    const score = scores[block];
    if (score !== undefined) out[block] = levelOf(score, block, scale);
  }
  return out;
}

/** The blocks at deficit level, lowest score first (the order the ИОМ addresses them in). */
export function deficitBlocks(scores: BlockScores, scale: DeficitScale): ProfessionalBlock[] {
  return PROFESSIONAL_BLOCKS.filter((block) => {
    const score = scores[block];
    return score !== undefined && levelOf(score, block, scale) === "deficit";
  }).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
}
