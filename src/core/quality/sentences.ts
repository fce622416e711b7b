/**
 * The Russian sentence of each report-quality flag (issue 13, 5): the flag states what was found,
 * naming the reports, the score, the recommendation, the indicators or the year.
 */
import { shortenText } from "../causes/ru-text";

/** A share as whole percent with a non-breaking space: 0.874 → «87 %». */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}\u00a0%`;
}

/** (a) Two texts near-duplicate. */
export function duplicateSentence(p: { a: string; b: string; score: number; passages: number }): string {
  return `Текст «${p.a}» совпадает с текстом «${p.b}» на ${percentText(p.score)} (оценка MinHash по фрагментам из 5 слов); общих фрагментов: ${p.passages}. Возможно копирование сведений из одного отчёта в другой.`;
}

/** (b) Template indicators missing from a school's report. */
export function missingIndicatorsSentence(p: { report: string; labels: readonly string[] }): string {
  const list = p.labels.map((label) => `«${shortenText(label, 80)}»`).join(", ");
  const noun = p.labels.length === 1 ? "показатель шаблона мониторинга" : "показатели шаблона мониторинга";
  return `В отчёте «${p.report}» нет ${p.labels.length === 1 ? "значения" : "значений"}: ${noun} ${list}.`;
}

/** (c) A МОЦ recommendation tied to nothing. */
export function unlinkedRecommendationSentence(p: { report: string; number: number; text: string }): string {
  return `Рекомендация № ${p.number} «${shortenText(p.text, 120)}» в отчёте «${p.report}» не связана ни с одним показателем и ни с одной подтверждённой причиной.`;
}

/** (d) A gross deficiency repeated a second year without a decision. */
export function repeatedDeficiencySentence(p: { school: string; label: string; year: number }): string {
  return `У школы «${p.school}» второй год подряд (${p.year - 1} и ${p.year}) «${shortenText(p.label, 100)}», а управленческое решение не записано.`;
}

/** (e) Results listed with no comparison to the previous year. */
export function noComparisonSentence(p: { report: string; year: number; example: string }): string {
  return `Отчёт «${p.report}» приводит результаты без сравнения с ${p.year - 1} годом (нет ни «по сравнению», ни «в прошлом году», ни значений прошлого года), например: «${shortenText(p.example, 160)}».`;
}
