import { INDICATOR_CATALOGUE } from "../../../core/indicators/catalogue";
import {
  formatDateRu,
  formatPeriodRu,
  type IsoDate,
  listActivities,
  PLAN_STATUS_LABELS,
} from "../../../core/plans";
import { planOrderSchema } from "../../../shared/plans-api";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Actor } from "../access/actor";
import { executionAnalysis } from "./documents/execution-analysis";
import { buildExecutionReportDocx } from "./documents/execution-report.docx";
import { buildPlanXlsx } from "./documents/plan.xlsx";
import { reportSections, roadMapSections, sheetSections } from "./documents/plan-document.mapper";
import { buildRoadMapOrderDocx } from "./documents/road-map-order.docx";
import { standardRoadMapOrderPoints } from "./documents/road-map-order.model";
import { type ReadablePlan, regionIndicatorMeta, requirePlan } from "./plan-access.service";
import { confirmedCausesOf } from "./plan-detail.service";
import { findActivityStates, findCheckIns } from "./plan-execution.repo";
import { orderDraftOf, orderFieldLabel, shortPersonName } from "./plan-order";
import {
  findProgrammeSchools,
  findRegionFactors,
  findRegionMeasures,
  findSchoolValuesByCode,
} from "./plan-sources.repo";
import { mergeActivityStates, placeName, placeOf, planFigures, todayIso } from "./plan-view";

/** Which plan a document is of. */
type Target = { db: Db; actor: Actor; id: number; today?: IsoDate };

async function loaded(db: Db, plan: ReadablePlan, today: IsoDate) {
  const { row } = plan;
  const [states, checkIns, confirmed, indicators] = await Promise.all([
    findActivityStates(db, [row.id]),
    findCheckIns(db, row.id),
    confirmedCausesOf(db, row),
    regionIndicatorMeta(db, row.regionId),
  ]);
  const content = mergeActivityStates(row.content, states.get(row.id));
  const figures = planFigures({ plan: content, status: row.status, confirmed, indicators, today });
  return { content, checkIns, figures, indicators: indicators ?? INDICATOR_CATALOGUE };
}

/**
 * The order approving a municipal road map with the road map as its appendix (seed 004's layout):
 * the stored order details over the defaults of the place, the standard points with the municipality's programme schools of the
 * plan's year (the schools with a school plan of that year) and their directors from the users
 * table, and the appendix table from the current version. 409 for another level of plan or while
 * the order's details are incomplete. Everyone who reads the plan may download it.
 */
export async function exportOrderDocx({ db, actor, id }: Target): Promise<Buffer> {
  const { row } = await requirePlan(db, actor, id);
  if (row.level !== "municipal" || row.municipalityId === null) {
    throw new AppError(
      "conflict",
      "Приказ об утверждении формируется только для муниципальной дорожной карты",
    );
  }
  const order = planOrderSchema.safeParse(orderDraftOf(row));
  if (!order.success) {
    const fields = [...new Set(order.error.issues.map((issue) => String(issue.path[0] ?? "")))];
    throw new AppError("conflict", `Заполните реквизиты приказа: ${fields.map(orderFieldLabel).join(", ")}`);
  }
  const schools = await findProgrammeSchools(db, row.municipalityId, row.year);
  const details = order.data;
  return buildRoadMapOrderDocx({
    headerLines: details.headerLines,
    date: details.date,
    number: details.number,
    place: details.place,
    title: details.title,
    preamble: details.preamble,
    points: standardRoadMapOrderPoints({
      year: row.year,
      schools: schools.map((school) => ({
        name: school.name,
        director: school.director === null ? null : shortPersonName(school.director),
      })),
    }),
    signer: { position: details.signerPosition, name: details.signerName },
    appendix: {
      authorityLines: details.authorityLines,
      title: row.content.title,
      sections: roadMapSections(row.content),
    },
  });
}

/**
 * The report on a plan's execution (seed 002's layout): the «Информация» column from the check-ins,
 * then the effectiveness analysis computed on `today` from completion, overdue activities, check-ins
 * and, for a school programme, the school's indicator values against the targets.
 */
export async function exportReportDocx({ db, actor, id, today = todayIso() }: Target): Promise<Buffer> {
  const plan = await requirePlan(db, actor, id);
  const { row } = plan;
  const { content, checkIns, figures, indicators } = await loaded(db, plan, today);
  const codes = [
    ...new Set(
      listActivities(content).flatMap(({ activity }) =>
        activity.indicator.code ? [activity.indicator.code] : [],
      ),
    ),
  ];
  const values = row.schoolId === null ? new Map() : await findSchoolValuesByCode(db, row.schoolId, codes);
  const period = formatPeriodRu(content.period);
  return buildExecutionReportDocx({
    titleLines: ["ОТЧЕТ", "о реализации плана", content.title, placeName(placeOf(row)), period],
    period,
    sections: reportSections(content, checkIns),
    analysis: executionAnalysis({
      plan: content,
      checkIns,
      overdue: figures.overdue,
      today,
      indicators,
      values,
    }),
    signature: null,
  });
}

/** Any plan as XLSX (the full sheet: indicators, statuses with overdue on `today`, causes, measures, check-ins). */
export async function exportPlanXlsx({ db, actor, id, today = todayIso() }: Target): Promise<Buffer> {
  const plan = await requirePlan(db, actor, id);
  const { row } = plan;
  const { content, checkIns, indicators } = await loaded(db, plan, today);
  const [factors, measures] = await Promise.all([
    findRegionFactors(db, row.regionId),
    findRegionMeasures(db, row.regionId),
  ]);
  const state = `${PLAN_STATUS_LABELS[row.status]}, версия ${row.version}`;
  return buildPlanXlsx({
    title: content.title,
    subtitleLines: [
      placeName(placeOf(row)),
      `${formatPeriodRu(content.period)} · ${state}`,
      `Выгружено ${formatDateRu(today)}`,
    ],
    sections: sheetSections(content, checkIns, {
      causes: new Map(factors.map((factor) => [factor.code, factor.title])),
      measures: new Map(measures.map(({ measure }) => [measure.code, measure.title])),
      indicators,
      overdueOn: row.status === "approved" ? today : null,
    }),
  });
}
