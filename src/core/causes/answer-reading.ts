import { formatNumberRu } from "../identification/ru-format";
import { LEVEL_CONTRIBUTION, thresholdLevel } from "./threshold";
import type { AnswerValue, Question } from "./workbook.schema";

/**
 * What one answer is, read against its question:
 * - missing: no answer (absent, null, an empty string), which is not a zero;
 * - invalid: the answer does not fit the question (the message says why, without the question);
 * - text: a free-text answer, shown but never scored;
 * - scored: a contribution 0–1 to the risk of each of the question's factors, the answer as people
 *   read it («4 из 5», «да», the option's label) and the finding the option words, if any.
 */
export type AnswerReading =
  | { status: "missing" }
  | { status: "invalid"; message: string }
  | { status: "text"; text: string }
  | { status: "scored"; contribution: number; answerText: string; finding: string | null };

const MISSING: AnswerReading = { status: "missing" };

function invalid(message: string): AnswerReading {
  return { status: "invalid", message };
}

function clip(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** «28 ч», «25%», «3»: a number with up to two decimals and the question's unit. */
export function formatAnswerNumber(value: number, unit: string | undefined): string {
  const digits = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  const number = formatNumberRu(value, digits);
  if (!unit) return number;
  return unit === "%" ? `${number}%` : `${number} ${unit}`;
}

function readScale(question: Extract<Question, { type: "scale" }>, value: AnswerValue): AnswerReading {
  const { min, max } = question;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return invalid(`укажите целое число от ${min} до ${max}`);
  }
  const span = max - min;
  const position = span === 0 ? 0 : (value - min) / span;
  const contribution = question.worseWhen === "higher" ? position : 1 - position;
  const label = question.labels.find((item) => item.value === value)?.label;
  const base = min === 1 ? `${value} из ${max}` : `${value} (шкала ${min}–${max})`;
  return { status: "scored", contribution, answerText: label ? `${base} («${label}»)` : base, finding: null };
}

function readYesNo(question: Extract<Question, { type: "yes_no" }>, value: AnswerValue): AnswerReading {
  if (typeof value !== "boolean") return invalid("ответьте «да» или «нет»");
  return value
    ? {
        status: "scored",
        contribution: question.riskIfYes,
        answerText: "да",
        finding: question.findingIfYes ?? null,
      }
    : {
        status: "scored",
        contribution: question.riskIfNo,
        answerText: "нет",
        finding: question.findingIfNo ?? null,
      };
}

function readSingle(
  question: Extract<Question, { type: "single_choice" }>,
  value: AnswerValue,
): AnswerReading {
  if (typeof value !== "string") return invalid("выберите один из вариантов");
  const option = question.options.find((item) => item.code === value);
  if (!option) return invalid(`нет варианта «${value}»`);
  return {
    status: "scored",
    contribution: option.risk,
    answerText: option.label,
    finding: option.finding ?? null,
  };
}

function readMultiple(
  question: Extract<Question, { type: "multiple_choice" }>,
  value: AnswerValue,
): AnswerReading {
  if (!Array.isArray(value)) return invalid("отметьте варианты из списка");
  const seen = new Set<string>();
  let risk = question.baseRisk;
  const labels: string[] = [];
  for (const code of value) {
    const option = question.options.find((item) => item.code === code);
    if (!option) return invalid(`нет варианта «${code}»`);
    if (seen.has(code)) return invalid(`вариант «${option.label}» отмечен дважды`);
    seen.add(code);
    risk += option.weight;
    labels.push(option.label);
  }
  const answerText = labels.length === 0 ? "ничего не отмечено" : labels.join("; ");
  return { status: "scored", contribution: clip(risk), answerText, finding: null };
}

function readNumber(question: Extract<Question, { type: "number" }>, value: AnswerValue): AnswerReading {
  if (typeof value !== "number" || !Number.isFinite(value)) return invalid("введите число");
  if (question.isInteger && !Number.isInteger(value)) return invalid("введите целое число");
  if (question.min !== undefined && value < question.min) {
    return invalid(`число не может быть меньше ${formatAnswerNumber(question.min, undefined)}`);
  }
  if (question.max !== undefined && value > question.max) {
    return invalid(`число не может быть больше ${formatAnswerNumber(question.max, undefined)}`);
  }
  const contribution = LEVEL_CONTRIBUTION[thresholdLevel(value, question.scoring)];
  return {
    status: "scored",
    contribution,
    answerText: formatAnswerNumber(value, question.unit),
    finding: null,
  };
}

function readText(question: Extract<Question, { type: "text" }>, value: AnswerValue): AnswerReading {
  if (typeof value !== "string") return invalid("введите текст");
  const text = value.trim();
  if (text.length > question.maxLength) return invalid(`текст не длиннее ${question.maxLength} символов`);
  return { status: "text", text };
}

function isMissing(value: AnswerValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Reads one answer against its question; never throws. */
export function readAnswer(question: Question, value: AnswerValue | undefined): AnswerReading {
  if (value === undefined || isMissing(value)) return MISSING;
  switch (question.type) {
    case "scale":
      return readScale(question, value);
    case "yes_no":
      return readYesNo(question, value);
    case "single_choice":
      return readSingle(question, value);
    case "multiple_choice":
      return readMultiple(question, value);
    case "number":
      return readNumber(question, value);
    case "text":
      return readText(question, value);
  }
}

/**
 * The question as the subject of an evidence sentence: its first sentence without the final
 * question mark or full stop («Что увеличивает нагрузку учителей? Отметьте всё…» → «Что
 * увеличивает нагрузку учителей»).
 */
export function questionSubject(text: string): string {
  const match = /^(.+?)[?.!](?:\s|$)/u.exec(text.trim());
  return match?.[1] ?? text.trim();
}
