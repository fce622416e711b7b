import type { RiskFactor } from "../causes/factor.schema";
import { readDeadline } from "./deadline";
import type { Measure } from "./measure.schema";
import type { Activity, Plan, PlanKind } from "./plan.schema";
import type { PlanPeriod } from "./plan-period";

/** The measures of the library that address a factor, in library order. */
export function recommendedMeasures(factorCode: string, measures: readonly Measure[]): Measure[] {
  return measures.filter((measure) => measure.factorCodes.includes(factorCode));
}

/** A confirmed cause and the measures chosen for it; without a choice, every recommended measure. */
export type ProgrammeCause = { factorCode: string; measureCodes?: readonly string[] };

/** What a school programme draft is built from. */
export type ProgrammeDraftInput = {
  kind: Extract<PlanKind, "transition_programme" | "quality_programme" | "anti_risk_programme">;
  title: string;
  period: PlanPeriod;
  /** The school's confirmed causes, in the order the sections should follow; one for an anti-risk programme. */
  causes: readonly ProgrammeCause[];
  factors: readonly RiskFactor[];
  measures: readonly Measure[];
  /** The school's latest values by indicator code, to fill each activity's baseline. */
  baselines?: Readonly<Record<string, number>>;
};

/** A built draft, or a Russian reason why it cannot be built. */
export type ProgrammeDraftResult = { ok: true; plan: Plan } | { ok: false; message: string };

function activityOf(
  measure: Measure,
  factorCode: string,
  ids: { section: number; item: number },
  input: ProgrammeDraftInput,
): Activity {
  const code = measure.indicatorCodes[0] ?? null;
  const baseline = code === null ? undefined : input.baselines?.[code];
  return {
    id: `s${ids.section}-a${ids.item}`,
    number: `${ids.section}.${ids.item}.`,
    title: measure.title,
    owners: [...measure.owners],
    deadline: readDeadline(measure.deadlineText, input.period),
    status: "planned",
    indicator: { text: measure.resultText, code, baseline: baseline ?? null, target: null, year: null },
    causeCodes: [factorCode],
    measureCodes: [measure.code],
  };
}

function problemOf(input: ProgrammeDraftInput): string | null {
  if (input.causes.length === 0) return "Выберите хотя бы одну подтверждённую причину";
  if (input.kind === "anti_risk_programme" && input.causes.length !== 1) {
    return "Антирисковая программа пишется для одного риска";
  }
  const seen = new Set<string>();
  for (const cause of input.causes) {
    const factor = input.factors.find((item) => item.code === cause.factorCode);
    if (!factor) return `Причины «${cause.factorCode}» нет в каталоге`;
    if (seen.has(cause.factorCode)) return `Причина «${factor.title}» выбрана дважды`;
    seen.add(cause.factorCode);
    const unknown = cause.measureCodes?.find(
      (code) => !input.measures.some((measure) => measure.code === code),
    );
    if (unknown !== undefined) return `Меры «${unknown}» нет в библиотеке`;
  }
  return null;
}

/**
 * Builds a school programme draft from confirmed causes by picking measures: a section per cause
 * (numbered «1.», titled by the cause), an activity per chosen measure («1.1.», the measure's title,
 * owners, deadline read against the period, implementation indicator and first indicator code),
 * linked to its cause and measure. An anti-risk programme has one cause, its risk.
 */
export function buildSchoolProgrammeDraft(input: ProgrammeDraftInput): ProgrammeDraftResult {
  const problem = problemOf(input);
  if (problem) return { ok: false, message: problem };
  const sections = input.causes.map((cause, index) => {
    const section = index + 1;
    const title = input.factors.find((factor) => factor.code === cause.factorCode)?.title ?? cause.factorCode;
    const chosen =
      cause.measureCodes === undefined
        ? recommendedMeasures(cause.factorCode, input.measures)
        : cause.measureCodes.flatMap((code) => input.measures.filter((measure) => measure.code === code));
    const activities = chosen.map((measure, item) =>
      activityOf(measure, cause.factorCode, { section, item: item + 1 }, input),
    );
    return { id: `s${section}`, number: `${section}.`, title, activities };
  });
  const riskFactorCode = input.kind === "anti_risk_programme" ? (input.causes[0]?.factorCode ?? null) : null;
  return {
    ok: true,
    plan: {
      level: "school",
      kind: input.kind,
      title: input.title,
      period: input.period,
      riskFactorCode,
      sections,
    },
  };
}
