import type { IndicatorMeta } from "../../../core/identification/types";
import { type IsoDate, listActivities, PLAN_KIND_LEVEL, PLAN_TEMPLATES } from "../../../core/plans";
import type { OverdueList, PlanList } from "../../../shared/plans-api";
import type { PlanListQuery } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { regionIndicatorMeta } from "./plan-access.service";
import { findActivityStates } from "./plan-execution.repo";
import { findConfirmedCauses } from "./plan-sources.repo";
import { causesYearOf, mergeActivityStates, placeOf, planFigures, todayIso } from "./plan-view";
import { findPlans, type PlanFilters, type PlanRow } from "./plans.repo";
import { planScope } from "./plans-scope.repo";

/** Each plan of the rows with its content merged with execution and its figures on `today`. */
async function withFigures(db: Db, rows: PlanRow[], today: IsoDate) {
  const schoolIds = [...new Set(rows.flatMap((row) => (row.schoolId === null ? [] : [row.schoolId])))];
  const years = [...new Set(rows.map((row) => causesYearOf(row.year)))];
  const regionIds = [...new Set(rows.map((row) => row.regionId))];
  const [states, causes, indicatorLists] = await Promise.all([
    findActivityStates(
      db,
      rows.map((row) => row.id),
    ),
    findConfirmedCauses(db, schoolIds, years),
    Promise.all(regionIds.map((regionId) => regionIndicatorMeta(db, regionId))),
  ]);
  const indicators = new Map<number, IndicatorMeta[] | undefined>(
    regionIds.map((regionId, index) => [regionId, indicatorLists[index]]),
  );
  return rows.map((row) => {
    const plan = mergeActivityStates(row.content, states.get(row.id));
    const causesYear = causesYearOf(row.year);
    const confirmed = causes.filter((cause) => cause.schoolId === row.schoolId && cause.year === causesYear);
    const figures = planFigures({
      plan,
      status: row.status,
      confirmed,
      indicators: indicators.get(row.regionId),
      today,
    });
    return { row, plan, figures };
  });
}

/**
 * The plans in the actor's scope (a school its programmes, a МОЦ its schools' programmes and its road
 * maps, the region all), filtered by level, year, municipality, school, state and (for a federal
 * operator) region: title, kind, place, state, version, completion share, overdue count on `today`
 * and the number of quality warnings.
 */
export async function listPlans({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: PlanListQuery;
}): Promise<PlanList> {
  const { today = todayIso(), ...filters } = query;
  const rows = await findPlans(db, planScope(actor), filters satisfies PlanFilters);
  const items = (await withFigures(db, rows, today)).map(({ row, plan, figures }) => ({
    id: row.id,
    level: row.level,
    kind: plan.kind,
    title: plan.title,
    year: row.year,
    period: plan.period,
    place: placeOf(row),
    status: row.status,
    version: row.version,
    activityCount: figures.completion.total,
    completionShare: figures.completion.share,
    overdueCount: figures.overdue.length,
    qualityWarningCount: figures.quality.filter((issue) => issue.severity === "warning").length,
    updatedAt: row.updatedAt.toISOString(),
  }));
  return { items };
}

/**
 * The overdue activities of the approved plans in the actor's scope on `today` (a МОЦ's and the
 * region's pages), optionally of one municipality (its road maps and its schools' programmes), the
 * earliest deadline first.
 */
export async function listOverdue({
  db,
  actor,
  municipalityId,
  regionId,
  today = todayIso(),
}: {
  db: Db;
  actor: Actor;
  municipalityId?: number;
  regionId?: number;
  today?: IsoDate;
}): Promise<OverdueList> {
  const rows = await findPlans(db, planScope(actor), { municipalityId, regionId, status: "approved" });
  const items = (await withFigures(db, rows, today)).flatMap(({ row, plan, figures }) => {
    const statuses = new Map(listActivities(plan).map(({ activity }) => [activity.id, activity.status]));
    return figures.overdue.map((item) => ({
      ...item,
      planId: row.id,
      planTitle: plan.title,
      kind: plan.kind,
      place: placeOf(row),
      status: statuses.get(item.activityId) ?? "planned",
    }));
  });
  items.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.planId - b.planId));
  return { today, items };
}

/** The preloaded templates: seed 004's road map, seed 001's regional one, the МОЦ plans of seeds 000 and 002. */
export function listTemplates() {
  return PLAN_TEMPLATES.map((template) => ({
    key: template.key,
    title: template.title,
    kind: template.kind,
    level: PLAN_KIND_LEVEL[template.kind],
    source: template.source,
    period: template.period,
    sectionCount: template.sections.length,
    activityCount: template.sections.reduce((sum, section) => sum + section.activities.length, 0),
    notes: template.notes,
  }));
}
