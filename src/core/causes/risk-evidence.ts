import { formatIndicatorValue } from "../identification/ru-format";
import type { IndicatorMeta } from "../identification/types";
import { questionSubject, readAnswer } from "./answer-reading";
import type { IndicatorRule } from "./indicator-rule.schema";
import { RISK_LEVEL_LABELS } from "./risk-combine";
import { contributionLevel, type EvidenceLevel, LEVEL_CONTRIBUTION, thresholdLevel } from "./threshold";
import { type AnswerValue, listQuestions, type Workbook } from "./workbook.schema";

/** An answer that counted for a factor. */
export type AnswerEvidence = {
  kind: "answer";
  questionCode: string;
  /** «2.4». */
  questionNumber: string;
  answerText: string;
  contribution: number;
  level: EvidenceLevel;
  /** «Учителя не проходили курсы за три года (ответ на вопрос 2.4) — высокий риск». */
  sentence: string;
};

/** An indicator value that counted for a factor. */
export type ValueEvidence = {
  kind: "indicator";
  indicatorCode: string;
  indicatorName: string;
  year: number;
  value: number;
  contribution: number;
  level: EvidenceLevel;
  /** «Вакансий учителей — 3 (показатель «Количество вакансий …», 2025) — высокий риск». */
  sentence: string;
};

/** One piece of evidence for a factor. */
export type Evidence = AnswerEvidence | ValueEvidence;

/** A free-text answer shown beside a factor; it is not scored. */
export type TextNote = { questionCode: string; questionNumber: string; question: string; text: string };

/** A school's value of a catalogue indicator in a year. */
export type IndicatorValue = { indicatorCode: string; year: number; value: number };

/** Evidence and notes by factor code. */
export type EvidenceByFactor = Map<string, { evidence: Evidence[]; notes: TextNote[] }>;

function slot(map: EvidenceByFactor, factorCode: string) {
  let entry = map.get(factorCode);
  if (!entry) {
    entry = { evidence: [], notes: [] };
    map.set(factorCode, entry);
  }
  return entry;
}

/**
 * Adds the evidence of the answers: every answered, valid, scored question counts for each of its
 * factors; text answers become notes; missing and invalid answers are left out.
 */
export function collectAnswerEvidence(
  map: EvidenceByFactor,
  workbook: Workbook,
  answers: Readonly<Record<string, AnswerValue>>,
): void {
  for (const { number, question } of listQuestions(workbook)) {
    const reading = readAnswer(question, answers[question.code]);
    if (reading.status === "text") {
      const note = {
        questionCode: question.code,
        questionNumber: number,
        question: question.text,
        text: reading.text,
      };
      for (const code of question.factorCodes) slot(map, code).notes.push(note);
      continue;
    }
    if (reading.status !== "scored") continue;
    const level = contributionLevel(reading.contribution);
    const statement = reading.finding ?? `${questionSubject(question.text)}: ${reading.answerText}`;
    const evidence: AnswerEvidence = {
      kind: "answer",
      questionCode: question.code,
      questionNumber: number,
      answerText: reading.answerText,
      contribution: reading.contribution,
      level,
      sentence: `${statement} (ответ на вопрос ${number}) — ${RISK_LEVEL_LABELS[level]}`,
    };
    for (const code of question.factorCodes) slot(map, code).evidence.push(evidence);
  }
}

/** The latest value of each indicator (by year). */
function latestValues(values: readonly IndicatorValue[]): Map<string, IndicatorValue> {
  const latest = new Map<string, IndicatorValue>();
  for (const item of values) {
    if (!Number.isFinite(item.value)) continue;
    const current = latest.get(item.indicatorCode);
    if (!current || item.year > current.year) latest.set(item.indicatorCode, item);
  }
  return latest;
}

/**
 * Adds the evidence of the indicator values: for each rule, the indicator's latest value counts
 * for the rule's factor, scored by the rule's threshold. An indicator without a value adds nothing.
 */
export function collectValueEvidence(
  map: EvidenceByFactor,
  rules: readonly IndicatorRule[],
  values: readonly IndicatorValue[],
  indicators: readonly IndicatorMeta[],
): void {
  const latest = latestValues(values);
  for (const rule of rules) {
    const item = latest.get(rule.indicatorCode);
    if (!item) continue;
    const meta = indicators.find((indicator) => indicator.code === rule.indicatorCode);
    const name = meta?.name ?? rule.indicatorCode;
    const valueText = meta
      ? formatIndicatorValue(item.value, meta.unit)
      : String(item.value).replace(".", ",");
    const level = thresholdLevel(item.value, rule.threshold);
    slot(map, rule.factorCode).evidence.push({
      kind: "indicator",
      indicatorCode: rule.indicatorCode,
      indicatorName: name,
      year: item.year,
      value: item.value,
      contribution: LEVEL_CONTRIBUTION[level],
      level,
      sentence: `${rule.label} — ${valueText} (показатель «${name}», ${item.year}) — ${RISK_LEVEL_LABELS[level]}`,
    });
  }
}
