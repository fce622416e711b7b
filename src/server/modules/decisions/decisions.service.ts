import {
  type IndicatorMeta,
  type SchoolValue,
  schoolResults,
  summarizeResults,
  summarySentences,
  type TargetInput,
} from "../../../core/decisions";
import { INDICATOR_GROUPS, type IndicatorGroup } from "../../../core/indicators";
import type { Plan } from "../../../core/plans";
import type { DecisionItem, DecisionRow, DecisionsPage, DecisionsQuery } from "../../../shared/decisions-api";
import type { Db } from "../../platform/db";
import { can, requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findIndicators } from "../indicators/indicator.repo";
import {
  type DecisionRecord,
  findDecisionSchools,
  findDecisions,
  findSchoolPlanVersions,
  findSchoolValues,
} from "./decisions.repo";
import { resolveProgrammeScope } from "./programme-scope";

const isGroup = (group: string): group is IndicatorGroup => INDICATOR_GROUPS.some((g) => g === group);

/** The target indicators of a programme: each activity's catalogue indicator with a target. */
export function planTargets(plan: Plan): TargetInput[] {
  return plan.sections.flatMap((section) =>
    section.activities.flatMap(({ indicator }) =>
      indicator.code === null || indicator.target === null
        ? []
        : [
            {
              code: indicator.code,
              text: indicator.text,
              baseline: indicator.baseline,
              target: indicator.target,
              year: indicator.year,
            },
          ],
    ),
  );
}

type PlanVersionRow = Awaited<ReturnType<typeof findSchoolPlanVersions>>[number];

/** The version of each school's programme that speaks: the latest approved (or locked), else the latest. */
function speakingVersions(rows: readonly PlanVersionRow[]): Map<number, Plan> {
  const out = new Map<number, { plan: Plan; isApproved: boolean }>();
  for (const row of rows) {
    if (row.schoolId === null) continue;
    const isApproved = row.status === "approved" || row.status === "locked";
    const held = out.get(row.schoolId);
    if (held?.isApproved && !isApproved) continue;
    out.set(row.schoolId, { plan: row.content, isApproved });
  }
  return new Map([...out].map(([id, v]) => [id, v.plan]));
}

/** A decision as the API gives it. */
export function toDecisionItem(row: DecisionRecord): DecisionItem {
  return {
    id: row.id,
    kind: row.kind,
    reasons: row.reasons,
    status: row.status,
    message: row.message,
    proposedByName: row.proposedByName,
    proposedAt: row.proposedAt.toISOString(),
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/**
 * The programme's results and decisions of a year (`school.read`, scoped): for the programme schools
 * of the actor's territory, each one's targets with actual values, the verdicts, the decision and its
 * state; the counts and seed 003's sentences; whether the actor may propose or approve.
 */
export async function getDecisionsPage({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: DecisionsQuery;
}): Promise<DecisionsPage> {
  requirePermission(actor, "school.read");
  const scope = await resolveProgrammeScope(db, actor, query);
  const { year, schoolIds: ids } = scope;
  const [schoolRows, versions, catalogue, decisions] = await Promise.all([
    findDecisionSchools(db, ids),
    findSchoolPlanVersions(db, ids, year),
    findIndicators(db, scope.regionId),
    findDecisions(db, ids, year),
  ]);
  const plansBySchool = speakingVersions(versions);
  const targetsBySchool = new Map([...plansBySchool].map(([id, plan]) => [id, planTargets(plan)]));
  const years = new Set([year - 1, year]);
  for (const targets of targetsBySchool.values())
    for (const t of targets) if (t.year !== null) years.add(t.year);
  const values = await findSchoolValues(db, ids, [...years]);
  const valuesBySchool = new Map<number, SchoolValue[]>();
  for (const v of values) {
    if (v.schoolId === null) continue;
    const list = valuesBySchool.get(v.schoolId) ?? [];
    list.push({ code: v.code, year: v.year, value: v.value });
    valuesBySchool.set(v.schoolId, list);
  }
  const metas: IndicatorMeta[] = catalogue.flatMap((i) =>
    isGroup(i.group)
      ? [{ code: i.code, name: i.name, unit: i.unit, direction: i.direction, group: i.group }]
      : [],
  );
  const decisionOf = new Map(decisions.map((d) => [d.schoolId, d]));
  const rows: DecisionRow[] = schoolRows.map((school) => {
    const results = schoolResults({
      year,
      targets: targetsBySchool.get(school.schoolId) ?? [],
      catalogue: metas,
      values: valuesBySchool.get(school.schoolId) ?? [],
    });
    const decision = decisionOf.get(school.schoolId);
    return {
      schoolId: school.schoolId,
      code: school.code,
      name: school.name,
      municipalityId: school.municipalityId,
      municipalityName: school.municipalityName,
      targets: results.targets,
      targetVerdict: results.targetVerdict,
      dynamics: results.dynamics,
      decision: decision ? toDecisionItem(decision) : null,
      isWithoutDecision: !decision || decision.status === "returned",
    };
  });
  const summary = summarizeResults(rows);
  return {
    year,
    territory: scope.territory,
    municipalityId: scope.municipalityId,
    municipalityOptions: scope.municipalityOptions,
    schools: rows,
    summary,
    sentences: summarySentences(summary),
    canPropose: can(actor, "decision.propose"),
    canApprove: can(actor, "decision.approve"),
  };
}
