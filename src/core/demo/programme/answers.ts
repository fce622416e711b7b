import type { AnswerValue, Question, RiskFactor, Workbook } from "../../causes";
import type { Rng } from "../random";

/** How much a school's situation speaks for each factor, 0 (not at all) to 1: the demo's hidden truth. */
export type FactorRisks = Readonly<Record<string, number>>;

/**
 * Draws a programme school's hidden factor risks: two to four factors are its real causes (0.75–0.95),
 * the rest lie low (0.05–0.4). Schools in a hard context (ШФНСУ) lean to the students' and families'
 * factors, schools below what their context predicts (ШНРО) to teaching and management.
 */
export function drawFactorRisks(rng: Rng, factors: readonly RiskFactor[], hardContext: boolean): FactorRisks {
  const leaning = (factor: RiskFactor) =>
    factor.group === "students" || factor.group === "families" || factor.group === "conditions";
  const weighted = factors.map((factor) => ({
    code: factor.code,
    key: rng.uniform(0, 1) * (leaning(factor) === hardContext ? 1.6 : 1),
  }));
  const causeCount = rng.int(2, 4);
  const causes = new Set(
    [...weighted]
      .sort((a, b) => b.key - a.key)
      .slice(0, causeCount)
      .map((item) => item.code),
  );
  return Object.fromEntries(
    factors.map((factor) => [
      factor.code,
      causes.has(factor.code) ? rng.uniform(0.75, 0.95) : rng.uniform(0.05, 0.4),
    ]),
  );
}

function targetRisk(question: Question, risks: FactorRisks, rng: Rng): number {
  const known = question.factorCodes.map((code) => risks[code] ?? 0.2);
  const mean = known.reduce((sum, risk) => sum + risk, 0) / Math.max(1, known.length);
  return Math.min(1, Math.max(0, mean + rng.normal(0, 0.08)));
}

/** The option whose risk lies nearest the target (ties: the first). */
function nearest<T>(items: readonly T[], riskOf: (item: T) => number, target: number): T | undefined {
  let best: T | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const d = Math.abs(riskOf(item) - target);
    if (d < distance) {
      best = item;
      distance = d;
    }
  }
  return best;
}

const TEXT_ANSWERS = [
  "Основные трудности связаны с подготовкой к ГИА по математике и русскому языку.",
  "Родители редко приходят на собрания; связь держится через классных руководителей.",
  "Не хватает учителя физики; часы распределены между совместителями.",
  "Внутришкольный контроль ведётся по плану, но результаты не сопоставляются с ВПР.",
  "Педагоги просят курсы по формирующему оцениванию и работе с неуспевающими.",
];

/** A number answer on the side of its thresholds that the target says. */
function numberAnswer(question: Extract<Question, { type: "number" }>, target: number, rng: Rng): number {
  const { high, medium, worseWhen } = question.scoring;
  const low = question.min ?? 0;
  const top = question.max ?? Math.max(low + 10, (high ?? medium ?? 10) * 2);
  const boundary = target >= 0.66 ? (high ?? medium) : target >= 0.33 ? (medium ?? high) : undefined;
  let value: number;
  if (boundary === undefined) {
    // safe side of the lowest threshold
    const edge = worseWhen === "higher" ? (medium ?? high ?? top) : (medium ?? high ?? low);
    value =
      worseWhen === "higher" ? rng.uniform(low, Math.max(low, edge - 1e-6)) : rng.uniform(edge + 1e-6, top);
  } else {
    value =
      worseWhen === "higher" ? rng.uniform(boundary, Math.max(boundary, top)) : rng.uniform(low, boundary);
  }
  const bounded = Math.min(top, Math.max(low, value));
  return question.isInteger ? Math.round(bounded) : Math.round(bounded * 100) / 100;
}

/** An answer to one question whose contribution lies near the school's risk for the question's factors. */
export function demoAnswer(question: Question, risks: FactorRisks, rng: Rng): AnswerValue {
  const target = targetRisk(question, risks, rng);
  switch (question.type) {
    case "scale": {
      const share = question.worseWhen === "higher" ? target : 1 - target;
      return Math.round(question.min + share * (question.max - question.min));
    }
    case "yes_no":
      return Math.abs(question.riskIfYes - target) <= Math.abs(question.riskIfNo - target);
    case "single_choice":
      return nearest(question.options, (option) => option.risk, target)?.code ?? null;
    case "multiple_choice": {
      // add options while the contribution comes nearer the target
      const chosen: string[] = [];
      let risk = question.baseRisk;
      for (const option of rng.shuffle(question.options)) {
        const next = Math.min(1, Math.max(0, risk + option.weight));
        if (Math.abs(next - target) < Math.abs(risk - target)) {
          chosen.push(option.code);
          risk = next;
        }
      }
      return chosen;
    }
    case "number":
      return numberAnswer(question, target, rng);
    case "text":
      return rng.pick(TEXT_ANSWERS);
  }
}

/** Every question of a workbook answered for a school with these risks. */
export function demoAnswers(workbook: Workbook, risks: FactorRisks, rng: Rng): Record<string, AnswerValue> {
  return Object.fromEntries(
    workbook.sections.flatMap((section) =>
      section.questions.map((question) => [question.code, demoAnswer(question, risks, rng)]),
    ),
  );
}
