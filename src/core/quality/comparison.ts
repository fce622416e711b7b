/**
 * Rule (e) of issue 13, 5: a report that lists results with no comparison to the previous year.
 *
 * The rule, applied to a report's whole text for a year Y:
 * - a **result figure** is a sentence with a number (not a year, not a list number at its start)
 *   and a word of results: результат, балл, успеваемость, качество (знаний, обученности), доля,
 *   процент or «%», ЕГЭ, ОГЭ, ВПР, ГИА, олимпиада, аттестат, медаль, отметка;
 * - the text **compares with the previous year** when it has any of: «по сравнению», «в сравнении»,
 *   «сравнительн…», «прошл… год», «предыдущ… год», «прошлого учебного года», «динамик…»,
 *   «с X до Y» (a number to a number), «(не) изменил…/повысил…/понизил…/снизил…/вырос…/увеличил…/
 *   уменьшил…», or the year Y−1 itself (as «2018», «2018 г», «2017/2018», «2017-2018»);
 * - the report is flagged when it has a result figure and no comparison; the first result sentence
 *   is quoted as the evidence.
 */

/** What rule (e) found in one text. */
export type ComparisonCheck = {
  /** The sentences with result figures. */
  resultSentences: string[];
  /** True when the text compares with the previous year. */
  hasComparison: boolean;
  /** True when the report is flagged: results listed and no comparison. */
  isFlagged: boolean;
};

const RESULT_WORD =
  /(результат|балл|успеваем|качеств|обученност|дол[яиейю]\b|процент|%|ЕГЭ|ОГЭ|ВПР|ГИА|олимпиад|аттестат|медал|отметк)/iu;

const COMPARISON =
  /(по\s+сравнению|в\s+сравнении|сравнительн|прошл\p{L}*\s+(учебн\p{L}*\s+)?год|предыдущ\p{L}*\s+(учебн\p{L}*\s+)?год|динамик|\bс\s+\d+[,.]?\d*\s*%?\s+до\s+\d|(повысил|понизил|снизил|вырос|вырос|увеличил|уменьшил|изменил|улучшил|ухудшил)\p{L}*)/iu;

/** The sentences of a text: split after «.», «!», «?» or «;» followed by a space, and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/u)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length > 0);
}

/** True when the sentence has a number that is neither a year (1990–2100) nor a leading list number. */
function hasFigure(sentence: string): boolean {
  const body = sentence.replace(/^\s*(\d+[.)]\s*)+/u, "");
  for (const match of body.matchAll(/\d+(?:[,.]\d+)?/gu)) {
    const value = Number(match[0].replace(",", "."));
    const isYear = /^\d{4}$/.test(match[0]) && value >= 1990 && value <= 2100;
    if (!isYear) return true;
  }
  return false;
}

/** True when the text names the year before `year` (as a year, alone or in «2017/2018», «2017-2018»). */
function namesPreviousYear(text: string, year: number): boolean {
  return new RegExp(`(^|[^\\d])${year - 1}([^\\d]|$)`, "u").test(text);
}

/** Applies rule (e) to the text of a report for `year`. */
export function checkPreviousYearComparison(text: string, year: number): ComparisonCheck {
  const resultSentences = sentencesOf(text).filter((s) => RESULT_WORD.test(s) && hasFigure(s));
  const hasComparison = COMPARISON.test(text) || namesPreviousYear(text, year);
  return { resultSentences, hasComparison, isFlagged: resultSentences.length > 0 && !hasComparison };
}
