import { FUNNEL_STAGES, type Funnel, type FunnelStage } from "../../../shared/decisions-api";
import type { Db } from "../../platform/db";
import { requirePermission } from "../access/access.policy";
import type { Actor } from "../access/actor";
import {
  findCourseSupport,
  findEventSupport,
  findLogSupport,
  findMentoringSupport,
  findPartnerSupport,
  findRequestSupport,
} from "../addressed/addressed.repo";
import { supportPeriod } from "../addressed/addressed.service";
import { findReportsOfSchools } from "../monitoring/monitoring.repo";
import { causesYearOf } from "../plans/plan-view";
import {
  findDecisionSchools,
  findDecisions,
  findSchoolsWithApprovedPlan,
  findSchoolsWithConfirmedCauses,
} from "./decisions.repo";
import { resolveProgrammeScope } from "./programme-scope";

/**
 * The schools that had any addressed support in the programme year's period: a МОЦ log entry, a
 * specialist request, a course enrolment, a mentoring pair, an event or a partnership (the sources
 * of the addressed-support page).
 */
async function findSupportedSchoolIds(db: Db, ids: readonly number[], year: number): Promise<Set<number>> {
  const period = supportPeriod(year);
  const sources = await Promise.all([
    findLogSupport(db, ids, period),
    findRequestSupport(db, ids, period),
    findCourseSupport(db, ids, period),
    findMentoringSupport(db, ids, year, period),
    findEventSupport(db, ids, period),
    findPartnerSupport(db, ids, period),
  ]);
  return new Set(sources.flat().flatMap((row) => (row.count > 0 ? [row.schoolId] : [])));
}

/** The «monitored» stage: the schools with an approved final monitoring report of the programme year. */
export async function findMonitoredSchoolIds(
  db: Db,
  ids: readonly number[],
  year: number,
): Promise<Set<number>> {
  const reports = await findReportsOfSchools(db, ids, [year], "final");
  return new Set(reports.filter((r) => r.status === "approved").map((r) => r.schoolId));
}

/**
 * The programme funnel of a year (`school.read`, scoped): of the programme schools of the actor's
 * territory, how many reached each stage — identified → causes confirmed → plan approved → supported
 * → monitored → decided (the region approved the decision) — in total, per municipality and per school.
 */
export async function getProgrammeFunnel({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { year?: number; municipalityId?: number; regionId?: number };
}): Promise<Funnel> {
  requirePermission(actor, "school.read");
  const scope = await resolveProgrammeScope(db, actor, query);
  const { year, schoolIds: ids } = scope;
  const [schoolRows, causes, plans, supported, monitored, decisions] = await Promise.all([
    findDecisionSchools(db, ids),
    findSchoolsWithConfirmedCauses(db, ids, causesYearOf(year)),
    findSchoolsWithApprovedPlan(db, ids, year),
    findSupportedSchoolIds(db, ids, year),
    findMonitoredSchoolIds(db, ids, year),
    findDecisions(db, ids, year),
  ]);
  const causesSet = new Set(causes);
  const planSet = new Set(plans);
  const decided = new Set(decisions.filter((d) => d.status === "approved").map((d) => d.schoolId));
  const zero = (): Record<FunnelStage, number> =>
    Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>;
  const totals = zero();
  const byMunicipality = new Map<
    number,
    { municipalityId: number; name: string; counts: Record<FunnelStage, number> }
  >();
  const schools = schoolRows.map((school) => {
    const stages: Record<FunnelStage, boolean> = {
      identified: true,
      causes: causesSet.has(school.schoolId),
      plan: planSet.has(school.schoolId),
      supported: supported.has(school.schoolId),
      monitored: monitored.has(school.schoolId),
      decided: decided.has(school.schoolId),
    };
    const group = byMunicipality.get(school.municipalityId) ?? {
      municipalityId: school.municipalityId,
      name: school.municipalityName,
      counts: zero(),
    };
    byMunicipality.set(school.municipalityId, group);
    for (const stage of FUNNEL_STAGES) {
      if (!stages[stage]) continue;
      group.counts[stage] += 1;
      totals[stage] += 1;
    }
    return {
      schoolId: school.schoolId,
      code: school.code,
      name: school.name,
      municipalityName: school.municipalityName,
      stages,
    };
  });
  return {
    year,
    period: supportPeriod(year),
    territory: scope.territory,
    municipalityId: scope.municipalityId,
    municipalityOptions: scope.municipalityOptions,
    totals,
    municipalities: [...byMunicipality.values()],
    schools,
  };
}
