import type { MultiDetail, Observation } from "./observation";
import {
  distinguishingDigits,
  formatIndicatorValue,
  formatNumberRu,
  indicatorSubject,
  ordinalRu,
  pluralRu,
  subjectWithDash,
  yearsRu,
} from "./ru-format";
import type {
  ComparisonOp,
  Criterion,
  MultiThresholdCriterion,
  SingleIndicatorCriterion,
} from "./rule-set.schema";
import type { IndicatorMeta } from "./types";
import type { WindowDetail, WindowOutcome } from "./windows";

/** Looks up an indicator by code; the caller has checked that every code is known. */
export type IndicatorLookup = (code: string) => IndicatorMeta;

const OP_PHRASES: Record<ComparisonOp, string> = {
  ">=": "не ниже порога",
  ">": "выше порога",
  "<=": "не выше порога",
  "<": "ниже порога",
};

/** «0,31», or «0,31 в 2023 г.» when the value is not the run year's; `digits` from distinguishingDigits. */
function valueText(
  observation: Observation,
  indicator: IndicatorMeta,
  runYear: number,
  digits: number,
): string {
  const value = formatIndicatorValue(observation.value, indicator.unit, digits);
  return observation.year !== null && observation.year !== runYear
    ? `${value} в ${observation.year} г.`
    : value;
}

/** The threshold or region boundary, with as many decimals as tell it apart from the value (`digits`). */
function boundaryText(observation: Observation, indicator: IndicatorMeta, digits: number): string {
  return formatIndicatorValue(observation.threshold, indicator.unit, digits);
}

/** How many more decimals the observation's value and threshold need to print apart. */
function digitsOf(observation: Observation, indicator: IndicatorMeta): number {
  return distinguishingDigits(observation.value, observation.threshold, indicator.unit);
}

/** What the criterion says about the value, after the value itself: «при пороге 0,20». */
function comparisonText(
  criterion: SingleIndicatorCriterion,
  observation: Observation,
  indicator: IndicatorMeta,
  digits: number,
): string {
  const threshold = boundaryText(observation, indicator, digits);
  switch (criterion.kind) {
    case "threshold":
      return `при пороге ${threshold}`;
    case "bottom_percent":
      return `${worstGroup(criterion.percent, indicator)} региона при границе ${threshold}`;
    case "below_mean_sd": {
      const side = indicator.direction === "higher_better" ? "ниже" : "выше";
      return `${side} среднего по региону на ${formatNumberRu(observation.sdWorse ?? 0, 1)} стандартного отклонения`;
    }
  }
}

/** «в нижних 10%» for an indicator where higher is better, «в худших 10%» where a high value is bad. */
function worstGroup(percent: number, indicator: IndicatorMeta): string {
  const text = `${formatNumberRu(percent, Number.isInteger(percent) ? 0 : 1)}%`;
  return indicator.direction === "higher_better" ? `в нижних ${text}` : `в худших ${text}`;
}

function singleCore(
  criterion: SingleIndicatorCriterion,
  observation: Observation,
  indicator: IndicatorMeta,
  runYear: number,
): string {
  const digits = digitsOf(observation, indicator);
  const value = valueText(observation, indicator, runYear, digits);
  const comparison = comparisonText(criterion, observation, indicator, digits);
  if (observation.year === null) {
    const years = yearsRu(observation.yearsUsed.length);
    const separator = criterion.kind === "threshold" ? " " : ", ";
    return `${indicatorSubject(indicator.name)}: среднее за ${years} — ${value}${separator}${comparison}`;
  }
  if (criterion.kind === "bottom_percent") {
    const threshold = boundaryText(observation, indicator, digits);
    const group = worstGroup(criterion.percent, indicator);
    return subjectWithDash(indicator.name, `${group} региона: ${value} при границе ${threshold}`);
  }
  const separator = criterion.kind === "threshold" ? " " : ", ";
  return subjectWithDash(indicator.name, `${value}${separator}${comparison}`);
}

function multiCore(
  criterion: MultiThresholdCriterion,
  detail: MultiDetail,
  observation: Observation,
  indicatorOf: IndicatorLookup,
  runYear: number,
): string {
  const first = indicatorOf(criterion.indicatorCodes[0] ?? detail.headlineCode);
  const threshold = formatIndicatorValue(criterion.value, first.unit);
  if (!detail.isMetByCount) {
    const indicator = indicatorOf(detail.headlineCode);
    const value = valueText(observation, indicator, runYear, digitsOf(observation, indicator));
    return subjectWithDash(indicator.name, `${value} при пороге ${threshold}, второй год подряд`);
  }
  const count = detail.hits.length;
  const items = detail.hits.map((hit) => {
    const indicator = indicatorOf(hit.code);
    return subjectWithDash(indicator.name, formatIndicatorValue(hit.value, indicator.unit));
  });
  const yearNote = observation.year !== runYear ? ` в ${observation.year} г.` : "";
  const indicatorsWord = pluralRu(count, "показателю", "показателям", "показателям");
  return `по ${count} ${indicatorsWord} из ${criterion.indicatorCodes.length}${yearNote} значение ${OP_PHRASES[criterion.op]} ${threshold}: ${items.join("; ")}`;
}

function windowSuffix(detail: WindowDetail, outcome: WindowOutcome, indicator: IndicatorMeta): string {
  switch (detail.kind) {
    case "year":
    case "mean_of_n":
      return "";
    case "k_of_n":
      if (detail.n === 1) return "";
      if (detail.streak >= 2 && detail.streak === detail.metCount)
        return `, ${ordinalRu(detail.streak)} год подряд`;
      return `, в ${detail.metCount} из ${detail.n} последних лет`;
    case "trend": {
      if (detail.worseningStreak >= 2) return `, ухудшение ${ordinalRu(detail.worseningStreak)} год подряд`;
      const unit = indicator.unit === "bool" ? "share" : indicator.unit;
      const perYear = formatIndicatorValue(Math.abs(detail.slope), unit);
      return `, ухудшение за ${yearsRu(outcome.yearsUsed.length)} (в среднем на ${perYear} в год)`;
    }
  }
}

/**
 * The text as one flat string. V8 keeps a string built by concatenation as a tree of its pieces
 * until a character is read; a run keeps a sentence for every met criterion of every school (tens
 * of thousands at national scale), and those trees cost the garbage collector more than building
 * the sentences did. Reading one character flattens the tree in place.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * A plain Russian sentence for a met criterion, e.g. «доля участников ЕГЭ по математике, не
 * преодолевших минимальный порог, — 0,31 при пороге 0,20, третий год подряд»; null when the
 * criterion is not met.
 */
export function buildSentence(
  criterion: Criterion,
  outcome: WindowOutcome,
  indicatorOf: IndicatorLookup,
  runYear: number,
): string | null {
  const observation = outcome.headline;
  if (outcome.verdict !== "met" || !observation) return null;
  if (criterion.kind === "multi_threshold") {
    if (!observation.multi) return null;
    const core = multiCore(criterion, observation.multi, observation, indicatorOf, runYear);
    return flat(core + windowSuffix(outcome.detail, outcome, indicatorOf(observation.multi.headlineCode)));
  }
  const indicator = indicatorOf(criterion.indicatorCode);
  return flat(
    singleCore(criterion, observation, indicator, runYear) + windowSuffix(outcome.detail, outcome, indicator),
  );
}
