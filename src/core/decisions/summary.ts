import { pluralRu } from "../identification/ru-format";
import type { DecisionKind, DecisionStatus } from "./decision";
import type { Dynamics, ResultKind, TargetVerdict } from "./results";

/**
 * The region's (or a municipality's) counts of the programme's results and decisions, and the
 * sentences of seed 003 computed from them: «в 24 ОО (41 %) повысились предметные результаты
 * обучающихся», «полностью целевых показателей достигла 1 школа», «по остальным 46 школам вывод
 * руководителя МОЦ отсутствует».
 */

/** What the summary needs of a school. */
export type SummaryRow = {
  dynamics: Record<ResultKind, Dynamics>;
  targetVerdict: TargetVerdict;
  decision: { kind: DecisionKind; status: DecisionStatus } | null;
};

/** Counts of a territory's programme schools. */
export type ResultsSummary = {
  schools: number;
  dynamics: Record<ResultKind, Record<Dynamics, number>>;
  targets: Record<TargetVerdict, number>;
  /** Schools by the kind of their decision, proposed or approved (returned ones count as none). */
  decisions: Record<DecisionKind, number>;
  /** Of those, approved by the region. */
  approved: number;
  /** Schools with no decision, or with one returned to the МОЦ: «вывод отсутствует». */
  withoutDecision: number;
};

const zeroDynamics = (): Record<Dynamics, number> => ({ improved: 0, unchanged: 0, declined: 0, no_data: 0 });

/** Counts the rows. */
export function summarizeResults(rows: readonly SummaryRow[]): ResultsSummary {
  const summary: ResultsSummary = {
    schools: rows.length,
    dynamics: { subject: zeroDynamics(), personal: zeroDynamics(), olympiad: zeroDynamics() },
    targets: { all: 0, some: 0, none: 0, no_data: 0, no_targets: 0 },
    decisions: { leaves: 0, continues: 0, closed: 0, reorganised: 0 },
    approved: 0,
    withoutDecision: 0,
  };
  for (const row of rows) {
    for (const kind of ["subject", "personal", "olympiad"] as const) {
      summary.dynamics[kind][row.dynamics[kind]] += 1;
    }
    summary.targets[row.targetVerdict] += 1;
    if (row.decision === null || row.decision.status === "returned") {
      summary.withoutDecision += 1;
      continue;
    }
    summary.decisions[row.decision.kind] += 1;
    if (row.decision.status === "approved") summary.approved += 1;
  }
  return summary;
}

/** «41 %»: the share of the base, rounded to a whole percent. */
export function percentRu(count: number, base: number): string {
  return `${base === 0 ? 0 : Math.round((count / base) * 100)} %`;
}

/** «1 школа», «2 школы», «5 школ». */
export function schoolsRu(n: number): string {
  return `${n} ${pluralRu(n, "школа", "школы", "школ")}`;
}

/** «1 школе», «46 школам» (dative: «по 46 школам», «10 школам рекомендовано»). */
export function schoolsDativeRu(n: number): string {
  return `${n} ${pluralRu(n, "школе", "школам", "школам")}`;
}

const isOne = (n: number) => pluralRu(n, "one", "few", "many") === "one";

/** «в 24 ОО (41 %)». */
function inSchools(n: number, base: number): string {
  return `в ${n} ОО (${percentRu(n, base)})`;
}

const DYNAMICS_TEXT: Record<ResultKind, { subject: string; rose: string }> = {
  subject: { subject: "предметные результаты обучающихся", rose: "повысились" },
  personal: { subject: "личностные результаты обучающихся", rose: "повысились" },
  olympiad: { subject: "достижения обучающихся в олимпиадах и конкурсах", rose: "выросли" },
};

function dynamicsSentence(kind: ResultKind, counts: Record<Dynamics, number>, base: number): string {
  const text = DYNAMICS_TEXT[kind];
  const known = counts.improved + counts.unchanged + counts.declined;
  if (known === 0) return `${capitalize(text.subject)}: нет данных.`;
  const parts = [`${capitalize(inSchools(counts.improved, base))} ${text.rose} ${text.subject}`];
  if (counts.unchanged > 0) parts.push(`${inSchools(counts.unchanged, base)} — остались почти без изменений`);
  if (counts.declined > 0) parts.push(`${inSchools(counts.declined, base)} — понизились`);
  if (counts.no_data > 0) parts.push(`по ${schoolsDativeRu(counts.no_data)} нет данных`);
  return `${parts.join(", ")}.`;
}

function capitalize(text: string): string {
  return text.slice(0, 1).toUpperCase() + text.slice(1);
}

function targetsSentence(t: Record<TargetVerdict, number>): string {
  const parts = [
    `Полностью целевых показателей ${isOne(t.all) ? "достигла" : "достигли"} ${schoolsRu(t.all)}`,
  ];
  if (t.some > 0) parts.push(`частично — ${schoolsRu(t.some)}`);
  if (t.none > 0) parts.push(`ни одного — ${schoolsRu(t.none)}`);
  if (t.no_data > 0)
    parts.push(`нет фактических значений у ${t.no_data} ${pluralRu(t.no_data, "школы", "школ", "школ")}`);
  if (t.no_targets > 0) parts.push(`без целевых показателей в программе — ${schoolsRu(t.no_targets)}`);
  return `${parts.join(", ")}.`;
}

function decisionsSentence(s: ResultsSummary): string {
  const d = s.decisions;
  const parts: string[] = [];
  if (d.leaves > 0)
    parts.push(`${schoolsRu(d.leaves)} ${isOne(d.leaves) ? "выходит" : "выходят"} из программы`);
  if (d.closed > 0)
    parts.push(`${schoolsRu(d.closed)} ${isOne(d.closed) ? "ликвидирована" : "ликвидированы"}`);
  if (d.reorganised > 0)
    parts.push(`${schoolsRu(d.reorganised)} ${isOne(d.reorganised) ? "реорганизована" : "реорганизованы"}`);
  if (d.continues > 0)
    parts.push(`${schoolsDativeRu(d.continues)} МОЦ рекомендует продолжить работу по программе`);
  const decided = s.schools - s.withoutDecision;
  if (s.withoutDecision > 0) {
    const rest = decided === 0 ? "по" : isOne(s.withoutDecision) ? "по остальной" : "по остальным";
    parts.push(`${rest} ${schoolsDativeRu(s.withoutDecision)} вывод руководителя МОЦ отсутствует`);
  }
  if (parts.length === 0) return "Школ программы нет.";
  return `${capitalize(parts.join(", "))}.`;
}

/** The sentences of seed 003's «Результативность» paragraph, computed from the counts. */
export function summarySentences(s: ResultsSummary): string[] {
  if (s.schools === 0) return ["Школ программы нет."];
  return [
    dynamicsSentence("subject", s.dynamics.subject, s.schools),
    dynamicsSentence("personal", s.dynamics.personal, s.schools),
    dynamicsSentence("olympiad", s.dynamics.olympiad, s.schools),
    targetsSentence(s.targets),
    decisionsSentence(s),
  ];
}
