import { z } from "zod";

/** Level of one piece of evidence: how strongly an answer or a value speaks for a risk. */
export type EvidenceLevel = "high" | "medium" | "low";

/** Which way a value is worse: a higher value means more risk, or a lower one. */
export const worseWhenSchema = z.enum(["higher", "lower"]);
/** Which way a value is worse. */
export type WorseWhen = z.infer<typeof worseWhenSchema>;

/**
 * Threshold scoring of a number (a number question or an indicator value). With `worseWhen:
 * "higher"`, a value ≥ `high` is high risk (contribution 1), else a value ≥ `medium` is medium risk
 * (0.5), else low (0); with `"lower"`, ≤ instead. Either threshold may be left out (a yes/no
 * indicator has one boundary), but not both; `medium` must lie on the safe side of `high`.
 * Values within 1e-9 of a threshold count as equal to it.
 */
export const thresholdSchema = z
  .strictObject({
    worseWhen: worseWhenSchema,
    medium: z.number().finite().optional(),
    high: z.number().finite().optional(),
  })
  .superRefine((threshold, ctx) => {
    const { medium, high, worseWhen } = threshold;
    if (medium === undefined && high === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["high"],
        message: "Укажите хотя бы один порог: средний или высокий",
      });
      return;
    }
    if (medium === undefined || high === undefined) return;
    const isOrdered = worseWhen === "higher" ? medium <= high : medium >= high;
    if (!isOrdered) {
      const side = worseWhen === "higher" ? "не больше" : "не меньше";
      ctx.addIssue({
        code: "custom",
        path: ["medium"],
        message: `Средний порог должен быть ${side} высокого`,
      });
    }
  });

/** Threshold scoring of a number. */
export type Threshold = z.infer<typeof thresholdSchema>;

const EPSILON = 1e-9;

function reaches(value: number, boundary: number | undefined, worseWhen: WorseWhen): boolean {
  if (boundary === undefined) return false;
  return worseWhen === "higher" ? value >= boundary - EPSILON : value <= boundary + EPSILON;
}

/** The level a value reaches under a threshold. */
export function thresholdLevel(value: number, threshold: Threshold): EvidenceLevel {
  if (reaches(value, threshold.high, threshold.worseWhen)) return "high";
  if (reaches(value, threshold.medium, threshold.worseWhen)) return "medium";
  return "low";
}

/** Contribution of each evidence level to a factor's score. */
export const LEVEL_CONTRIBUTION: Record<EvidenceLevel, number> = { high: 1, medium: 0.5, low: 0 };

/**
 * Cut points of a contribution (and of a factor's mean score): ≥ 0.6 is high, ≥ 0.3 medium, else
 * low. A scale answer of 4 on 1–5 (0.75) is high, 3 (0.5) medium, 2 (0.25) low.
 */
export const LEVEL_CUTS = { high: 0.6, medium: 0.3 } as const;

/** The level of a contribution 0–1. */
export function contributionLevel(contribution: number): EvidenceLevel {
  if (contribution >= LEVEL_CUTS.high - EPSILON) return "high";
  if (contribution >= LEVEL_CUTS.medium - EPSILON) return "medium";
  return "low";
}
