import { z } from "zod";

/**
 * The blocks of the teacher's professional standard that professional deficits are diagnosed by
 * (Минпросвещения 2021 recommendations on diagnosing deficits with an individual plan): a test or a
 * self-assessment gives a score 0–100 per block.
 */
export const PROFESSIONAL_BLOCKS = [
  "subject",
  "methodical",
  "psychological",
  "assessment",
  "digital",
  "normative",
] as const;

/** A block of the professional standard. */
export const professionalBlockSchema = z.enum(PROFESSIONAL_BLOCKS);
/** A block of the professional standard. */
export type ProfessionalBlock = z.infer<typeof professionalBlockSchema>;

/** Russian names of the blocks, as the recommendations word them. */
export const PROFESSIONAL_BLOCK_LABELS: Record<ProfessionalBlock, string> = {
  subject: "Предметная компетентность",
  methodical: "Методическая компетентность",
  psychological: "Психолого-педагогическая компетентность",
  assessment: "Оценка образовательных результатов",
  digital: "Цифровая компетентность",
  normative: "Нормативно-правовая компетентность",
};

/** Scores of a diagnosis: 0–100 per block; a block left out was not assessed. */
export const blockScoresSchema = z.partialRecord(
  professionalBlockSchema,
  z.number().min(0, "Балл — от 0 до 100").max(100, "Балл — от 0 до 100"),
);
/** Scores of a diagnosis by block. */
export type BlockScores = z.infer<typeof blockScoresSchema>;
