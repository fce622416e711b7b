import type { IndicatorCode } from "../indicators/indicator-codes";
import { type RuleSet, type RuleSetInput, ruleSetSchema } from "./rule-set.schema";

/** A preloaded rule set: a stable key (the rule set's identity across regions and versions) and its content. */
export type PreloadedRuleSet = { key: string; ruleSet: RuleSet };

/** Only catalogue codes may appear in a preloaded rule set (checked by the compiler). */
const code = (value: IndicatorCode): IndicatorCode => value;

/**
 * ШНРО modelled on seed 001 (Smolensk, «Основные критерии»): ЕГЭ and ОГЭ results over the last
 * 3 years, graduates without a certificate, olympiad participation. A school is ШНРО when at least
 * two of the five criteria hold; schools with fewer than 10 students are not judged.
 */
const SMOLENSK_SHNRO: RuleSetInput = {
  name: "Смоленская модель: ШНРО",
  description:
    "Критерии Смоленской области (2018): результаты ЕГЭ и ОГЭ за последние 3 года, доля не получивших аттестат, участие во ВсОШ. Школа относится к ШНРО, если выполнены не менее двух критериев.",
  category: "shnro",
  combine: { kind: "at_least", k: 2 },
  minStudents: 10,
  criteria: [
    {
      id: "ege_math_fail",
      label: "ЕГЭ по математике: не преодолели минимальный порог — не менее 20% в 2 из 3 последних лет",
      kind: "threshold",
      indicatorCode: code("ege_math_below_min_share"),
      op: ">=",
      value: 0.2,
      window: { kind: "k_of_n", k: 2, n: 3 },
    },
    {
      id: "ege_rus_low",
      label: "ЕГЭ по русскому языку: средний балл за 3 года — в нижних 10% региона",
      kind: "bottom_percent",
      indicatorCode: code("ege_rus_mean"),
      percent: 10,
      window: { kind: "mean_of_n", n: 3 },
    },
    {
      id: "oge_math_low",
      label: "ОГЭ по математике: средняя отметка за 3 года — в нижних 10% региона",
      kind: "bottom_percent",
      indicatorCode: code("oge_math_mean"),
      percent: 10,
      window: { kind: "mean_of_n", n: 3 },
    },
    {
      id: "no_certificate",
      label: "Доля не получивших аттестат — не менее 5%",
      kind: "threshold",
      indicatorCode: code("no_certificate_share"),
      op: ">=",
      value: 0.05,
    },
    {
      id: "olympiad_low",
      label: "Участники ВсОШ — ниже среднего по региону на 1 стандартное отклонение",
      kind: "below_mean_sd",
      indicatorCode: code("olympiad_participants_share"),
      sd: 1,
    },
  ],
};

/**
 * ШФНСУ modelled on seed 001: students on prevention registers (КДНиЗП, ПДН, in-school) and
 * disadvantaged families. A school is ШФНСУ when either share is among the worst 8% of the region.
 */
const SMOLENSK_SHFNSU: RuleSetInput = {
  name: "Смоленская модель: ШФНСУ",
  description:
    "Критерии Смоленской области (2018): доля обучающихся на профилактическом учёте и доля неблагополучных семей. Школа относится к ШФНСУ, если хотя бы одна доля — среди 8% худших в регионе.",
  category: "shfnsu",
  combine: { kind: "any" },
  minStudents: 10,
  criteria: [
    {
      id: "prevention_register",
      label: "Доля обучающихся на профилактическом учёте — в худших 8% региона",
      kind: "bottom_percent",
      indicatorCode: code("prevention_register_share"),
      percent: 8,
    },
    {
      id: "disadvantaged_families",
      label: "Доля обучающихся из неблагополучных семей — в худших 8% региона",
      kind: "bottom_percent",
      indicatorCode: code("disadvantaged_families_share"),
      percent: 8,
    },
  ],
};

/**
 * The Rosobrnadzor risk indicator (2025): at least 30% of participants below the minimum threshold
 * (the upper bound of mark «2») in two or more assessment procedures in the year, or in the same
 * procedure two years running. The procedures are ЕГЭ and ОГЭ in mathematics and Russian.
 */
const ROSOBRNADZOR_RISK: RuleSetInput = {
  name: "Индикатор риска Рособрнадзора",
  description:
    "Не менее 30% участников не преодолели минимальный порог в двух и более оценочных процедурах в году или в одной и той же процедуре два года подряд (ЕГЭ и ОГЭ по математике и русскому языку).",
  category: "risk",
  riskFlag: "Риск низких результатов (Рособрнадзор)",
  combine: { kind: "any" },
  criteria: [
    {
      id: "below_min_30",
      label: "Не менее 30% ниже минимального порога: в 2 процедурах за год или в одной 2 года подряд",
      kind: "multi_threshold",
      indicatorCodes: [
        code("ege_math_below_min_share"),
        code("ege_rus_below_min_share"),
        code("oge_math_below_min_share"),
        code("oge_rus_below_min_share"),
      ],
      op: ">=",
      value: 0.3,
      minCount: 2,
      orSameTwoYears: true,
    },
  ],
};

/** The rule sets every region starts with, validated by the same schema as a user's file. */
export const PRELOADED_RULE_SETS: readonly PreloadedRuleSet[] = [
  { key: "smolensk_shnro", ruleSet: ruleSetSchema.parse(SMOLENSK_SHNRO) },
  { key: "smolensk_shfnsu", ruleSet: ruleSetSchema.parse(SMOLENSK_SHFNSU) },
  { key: "rosobrnadzor_risk", ruleSet: ruleSetSchema.parse(ROSOBRNADZOR_RISK) },
];
