import { type BlockScores, PROFESSIONAL_BLOCKS } from "./blocks";

/** A diagnosis as the merge reads it: its scores, in the order the diagnoses were taken. */
export type DatedScores = { scores: BlockScores };

/**
 * The current score of every block a teacher was ever diagnosed in: for each block, its score at the
 * latest diagnosis that assessed it. Diagnoses come oldest first. A teacher tested for the subject
 * block in October and for the digital block in March keeps both: a later sitting that left a block
 * out does not erase it.
 */
export function latestScoresByBlock(diagnoses: readonly DatedScores[]): BlockScores {
  const out: BlockScores = {};
  for (const diagnosis of diagnoses) {
    for (const block of PROFESSIONAL_BLOCKS) {
      const score = diagnosis.scores[block];
      if (score !== undefined) out[block] = score;
    }
  }
  return out;
}
