import type { IndicatorMeta } from "../identification/types";
import { INDICATOR_CATALOGUE } from "../indicators/catalogue";
import type { RiskFactor } from "./factor.schema";
import type { IndicatorRule } from "./indicator-rule.schema";
import { combineContributions, type RiskLevel, riskSummary } from "./risk-combine";
import {
  collectAnswerEvidence,
  collectValueEvidence,
  type Evidence,
  type EvidenceByFactor,
  type IndicatorValue,
  type TextNote,
} from "./risk-evidence";
import type { AnswerValue, Workbook } from "./workbook.schema";

/** One factor of a school's risk profile: level, score, the evidence and its summary. */
export type FactorRisk = {
  factorCode: string;
  title: string;
  level: RiskLevel;
  /** Mean contribution 0–1 of the evidence; null with no evidence. */
  score: number | null;
  /** True when one high item raised a low mean to medium. */
  isRaised: boolean;
  /** Answers first (in workbook order), then indicator values (in rule order). */
  evidence: Evidence[];
  /** Free-text answers about the factor, shown but not scored. */
  notes: TextNote[];
  /** «Высокий риск: оценка 0,75 по 3 признакам» or «Нет данных: ни ответов, ни значений показателей». */
  summary: string;
};

/** A school's risk profile: a level for every factor of the catalogue, in catalogue order. */
export type RiskProfile = {
  factors: FactorRisk[];
  /** How many factors are at each level. */
  counts: Record<RiskLevel, number>;
};

/** What the risk profile is computed from. */
export type RiskProfileInput = {
  /** The factor catalogue; the profile has one entry per factor, in this order. */
  factors: readonly RiskFactor[];
  /** The workbook version the answers were given under; null when the school has not filled one. */
  workbook: Workbook | null;
  /** Answers by question code (absent or null: not answered). */
  answers: Readonly<Record<string, AnswerValue>>;
  indicatorRules: readonly IndicatorRule[];
  /**
   * The school's indicator values of the years that should count (the caller picks them, e.g. the
   * last three years); for each indicator the latest year given counts.
   */
  values: readonly IndicatorValue[];
  /** Names and units of the indicators, for the sentences; the preloaded catalogue by default. */
  indicators?: readonly IndicatorMeta[];
};

/**
 * Computes a school's risk profile from its workbook answers and its indicator values. The
 * combination rule is {@link combineContributions}: the mean of the contributions, any single high
 * item raising a low level to medium, no evidence giving no_data. Evidence for factors outside the
 * catalogue is ignored.
 */
export function computeRiskProfile(input: RiskProfileInput): RiskProfile {
  const map: EvidenceByFactor = new Map();
  if (input.workbook) collectAnswerEvidence(map, input.workbook, input.answers);
  collectValueEvidence(map, input.indicatorRules, input.values, input.indicators ?? INDICATOR_CATALOGUE);
  const counts: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0, no_data: 0 };
  const factors = input.factors.map((factor): FactorRisk => {
    const entry = map.get(factor.code) ?? { evidence: [], notes: [] };
    const combined = combineContributions(entry.evidence.map((item) => item.contribution));
    counts[combined.level] += 1;
    return {
      factorCode: factor.code,
      title: factor.title,
      level: combined.level,
      score: combined.score,
      isRaised: combined.isRaised,
      evidence: entry.evidence,
      notes: entry.notes,
      summary: riskSummary(combined, entry.evidence.length),
    };
  });
  return { factors, counts };
}
