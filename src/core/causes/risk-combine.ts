import { formatNumberRu, pluralRu } from "../identification/ru-format";
import { contributionLevel, type EvidenceLevel, LEVEL_CUTS } from "./threshold";

/** A factor's risk level; no_data when neither an answer nor an indicator value speaks to it. */
export type RiskLevel = EvidenceLevel | "no_data";

/** Russian names of the risk levels, as they end an evidence sentence. */
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  high: "высокий риск",
  medium: "средний риск",
  low: "низкий риск",
  no_data: "нет данных",
};

/** A factor's level and score from its evidence. */
export type CombinedRisk = {
  level: RiskLevel;
  /** Mean contribution 0–1; null when there is no evidence. */
  score: number | null;
  /** True when a single high item raised the level from low to medium. */
  isRaised: boolean;
};

/**
 * The combination rule of the risk profile. Every piece of evidence (an answered question, an
 * indicator value) contributes 0–1 to a factor; unanswered questions and missing values are left
 * out, never counted as zeros.
 * 1. score = the arithmetic mean of the contributions;
 * 2. level = high when score ≥ 0.6, medium when score ≥ 0.3, else low (LEVEL_CUTS);
 * 3. any single high item (contribution ≥ 0.6) raises a low level to medium: one grave finding is
 *    never averaged away by several mild ones;
 * 4. no evidence at all is no_data, with no score.
 * Scores within 1e-9 of a cut count as reaching it.
 */
export function combineContributions(contributions: readonly number[]): CombinedRisk {
  if (contributions.length === 0) return { level: "no_data", score: null, isRaised: false };
  const score = contributions.reduce((sum, value) => sum + value, 0) / contributions.length;
  const level = contributionLevel(score);
  const hasHighItem = contributions.some((value) => contributionLevel(value) === "high");
  if (level === "low" && hasHighItem) return { level: "medium", score, isRaised: true };
  return { level, score, isRaised: false };
}

/** The sentence that sums up a factor: «Высокий риск: оценка 0,75 по 3 признакам». */
export function riskSummary(combined: CombinedRisk, evidenceCount: number): string {
  if (combined.score === null) return "Нет данных: ни ответов, ни значений показателей";
  const label = RISK_LEVEL_LABELS[combined.level];
  const head = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  const items = `${evidenceCount} ${pluralRu(evidenceCount, "признаку", "признакам", "признакам")}`;
  const text = `${head}: оценка ${formatNumberRu(combined.score, 2)} по ${items}`;
  return combined.isRaised ? `${text}; уровень поднят до среднего: один из признаков — высокого риска` : text;
}

/** The cut points, re-exported for the UI's legend. */
export const RISK_CUTS = LEVEL_CUTS;
