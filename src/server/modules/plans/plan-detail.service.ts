import type { IndicatorMeta } from "../../../core/identification/types";
import { INDICATOR_CATALOGUE } from "../../../core/indicators/catalogue";
import { canRecordExecution, type IsoDate, listActivities, type Plan } from "../../../core/plans";
import { type PlanDetail, type PlanVersionMeta, planOrderSchema } from "../../../shared/plans-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { regionIndicatorMeta, requirePlan } from "./plan-access.service";
import {
  findActivityStates,
  findAssigneeCandidates,
  findAssignees,
  findCheckIns,
} from "./plan-execution.repo";
import { orderDraftOf } from "./plan-order";
import { findPlanComments, findPlanEvents } from "./plan-review.repo";
import { findConfirmedCauses, findRegionFactors, findRegionMeasures } from "./plan-sources.repo";
import { causesYearOf, mergeActivityStates, placeOf, planFigures, todayIso } from "./plan-view";
import { findPlanVersion, findPlanVersions, type PlanRow } from "./plans.repo";

type VersionRow = Awaited<ReturnType<typeof findPlanVersions>>[number];

/** A version row as the API shows it. */
export function versionMeta(row: VersionRow): PlanVersionMeta {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedByName: row.approvedByName,
  };
}

/** The causes a plan's school confirmed that the plan answers (those of the year before; none for a road map). */
export async function confirmedCausesOf(db: Db, row: PlanRow) {
  if (row.schoolId === null) return [];
  const rows = await findConfirmedCauses(db, [row.schoolId], [causesYearOf(row.year)]);
  return rows.map((cause) => ({ code: cause.code, title: cause.title }));
}

/**
 * Titles of the causes and measures a plan's activities name, from the region's catalogue and
 * library, and the indicators they name; for an editor also every factor and measure in use and the
 * region's indicators to link.
 */
async function linkTitles(
  db: Db,
  regionId: number,
  plan: Plan,
  indicators: readonly IndicatorMeta[] | undefined,
  isEditor: boolean,
) {
  const [factors, measures] = await Promise.all([
    findRegionFactors(db, regionId),
    findRegionMeasures(db, regionId),
  ]);
  const activities = listActivities(plan).map(({ activity }) => activity);
  const causeCodes = new Set(activities.flatMap((activity) => activity.causeCodes));
  if (plan.riskFactorCode) causeCodes.add(plan.riskFactorCode);
  const measureCodes = new Set(activities.flatMap((activity) => activity.measureCodes));
  const causeOf = (factor: { code: string; title: string }) => ({ code: factor.code, title: factor.title });
  const measureOf = (item: { measure: { code: string; title: string } }) => ({
    code: item.measure.code,
    title: item.measure.title,
  });
  const catalogue = indicators ?? INDICATOR_CATALOGUE;
  const indicatorCodes = new Set(activities.flatMap((activity) => activity.indicator.code ?? []));
  return {
    indicators: catalogue
      .filter((item) => indicatorCodes.has(item.code))
      .map(({ code, name, unit, direction }) => ({ code, name, unit, direction })),
    causeTitles: factors.filter((factor) => causeCodes.has(factor.code)).map(causeOf),
    measureTitles: measures.filter(({ measure }) => measureCodes.has(measure.code)).map(measureOf),
    linkOptions: isEditor
      ? {
          causes: factors.map(causeOf),
          measures: measures.filter((item) => !item.isRetired).map(measureOf),
          indicators: catalogue.map(({ code, name, unit, direction }) => ({ code, name, unit, direction })),
        }
      : { causes: [], measures: [], indicators: [] },
  };
}

/**
 * A plan as its page shows it (see planDetailSchema): the current version's content with execution
 * merged in, everything beside it, and what the actor may do. `today` fixes the day overdue is
 * counted on (the server's date by default). 404 when out of scope.
 */
export async function getPlan({
  db,
  actor,
  id,
  today = todayIso(),
}: {
  db: Db;
  actor: Actor;
  id: number;
  today?: IsoDate;
}): Promise<PlanDetail> {
  const { row, access } = await requirePlan(db, actor, id);
  const [versions, events, comments, states, checkIns, assignees, confirmed, indicators] = await Promise.all([
    findPlanVersions(db, id),
    findPlanEvents(db, id),
    findPlanComments(db, id),
    findActivityStates(db, [id]),
    findCheckIns(db, id),
    findAssignees(db, id),
    confirmedCausesOf(db, row),
    regionIndicatorMeta(db, row.regionId),
  ]);
  const content = mergeActivityStates(row.content, states.get(id));
  const figures = planFigures({ plan: content, status: row.status, confirmed, indicators, today });
  const candidates = access.canAssign ? await findAssigneeCandidates(db, row) : [];
  const current = versions.find((version) => version.id === row.versionId);
  if (!current) throw notFound("Версия плана");
  const mine = assignees.filter((item) => item.userId === actor.userId).map((item) => item.activityId);
  const executable = canRecordExecution(row.status) && can(actor, "plan.checkin");
  const allIds = listActivities(content).map(({ activity }) => activity.id);
  const stored = row.order === null ? null : planOrderSchema.safeParse(row.order);
  return {
    id: row.id,
    level: row.level,
    kind: content.kind,
    year: row.year,
    place: placeOf(row),
    current: versionMeta(current),
    versions: versions.map(versionMeta),
    content,
    checkIns: checkIns.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
    comments: comments.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
    events: events.map((item) => ({ ...item, at: item.at.toISOString() })),
    assignees,
    assigneeCandidates: candidates,
    ...figures,
    confirmedCauses: confirmed,
    ...(await linkTitles(db, row.regionId, content, indicators, access.canEdit)),
    order: stored?.success ? stored.data : null,
    orderDraft: row.level === "municipal" ? orderDraftOf(row) : null,
    today,
    side: access.side,
    sides: access.sides,
    actions: access.actions,
    permissions: {
      canEdit: access.canEdit,
      canComment: access.canComment,
      canRecordExecution: access.canRecordExecution,
      canAssign: access.canAssign,
      canEditOrder: access.canEditOrder,
      checkInActivityIds: executable
        ? allIds.filter((activityId) => access.canCheckInAll || mine.includes(activityId))
        : [],
    },
  };
}

/** One version of a plan (an old one kept after a revision) as it was written; 404 when out of scope. */
export async function getPlanVersion({
  db,
  actor,
  id,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
}) {
  await requirePlan(db, actor, id);
  const found = await findPlanVersion(db, id, version);
  if (!found) throw notFound("Версия плана");
  const { content, ...meta } = found;
  return { planId: id, meta: versionMeta(meta), content };
}
