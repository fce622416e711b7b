import { totalsSentence } from "../../../core/reports";
import { DEFAULT_GOALS_TEXT } from "../../../core/reports/regional";
import { counted } from "../../../core/reports/ru-text";
import type { ReportCatalog, ReportDocument } from "../../../shared/reports-api";
import type { Db } from "../../platform/db";
import { resolveActorRegionId } from "../access/access.policy";
import { municipalityScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findReportMunicipalities } from "./moc-annual.repo";
import { approvalDefaults, mocAnnualDocument } from "./moc-annual.service";
import { regionalFigures } from "./regional-report.service";
import { canReadRegional, requireReportReader } from "./reports.policy";

const query = (params: Record<string, number | undefined>) =>
  Object.entries(params)
    .flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${value}`]))
    .join("&");

async function mocAnnualEntry(
  db: Db,
  actor: Actor,
  year: number,
  municipalityId: number,
): Promise<ReportDocument> {
  const doc = await mocAnnualDocument({ db, actor, query: { year, municipalityId } });
  const params = query({ year, municipalityId });
  return {
    key: "moc_annual",
    title: "Отчет МОЦ о работе за учебный год",
    description:
      "Макет отчета МОЦ: блок «УТВЕРЖДЕН», заголовок, таблица «Месяц | Мероприятие | Содержание» по месяцам с сентября из журнала МОЦ, мероприятий, курсов и партнерств, подпись координатора.",
    preview: [
      `${doc.municipalityName}, ${doc.table.period.label} учебный год`,
      `Месяцев с записями: ${doc.table.months.length}; строк таблицы: ${doc.table.months.reduce((n, m) => n + m.rows.length, 0)}`,
      totalsSentence(doc.table),
      `Координатор МОЦ: ${doc.coordinator.name}`,
    ],
    downloads: [
      { format: "docx", url: `/api/reports/moc-annual.docx?${params}` },
      { format: "xlsx", url: `/api/reports/moc-annual.xlsx?${params}` },
    ],
  };
}

async function regionalEntry(db: Db, actor: Actor, year: number, regionId: number): Promise<ReportDocument> {
  const f = await regionalFigures({ db, actor, query: { year, regionId } });
  const flagged = f.identification
    ? f.identification.shnro + f.identification.shfnsu + f.identification.both
    : null;
  const params = query({ year, regionId: actor.regionId === null ? regionId : undefined });
  return {
    key: "regional",
    title: "Региональный аналитический отчет",
    description:
      "Структура аналитического отчета региона: контекст с показателями региона, цель и задачи, что сделано (с числами), методика идентификации, ее результаты с диаграммой, программы школ.",
    preview: [
      `${f.regionName}, ${year} год`,
      f.context.schools === null ? "Школ в регионе: нет данных" : `Школ в регионе: ${f.context.schools}`,
      flagged === null ? "Утвержденной идентификации за год нет" : `Школ проекта: ${flagged}`,
      `${counted(f.work.consultations + f.work.parentConsultations, "консультация", "консультации", "консультаций")}, ${counted(f.work.visits, "выезд", "выезда", "выездов")}, ${counted(f.work.courseEnrolments, "зачисление", "зачисления", "зачислений")} на курсы`,
    ],
    downloads: [{ format: "docx", url: `/api/reports/regional.docx?${params}` }],
  };
}

/** The reports page: the documents the actor may download for the year, each with a short preview. */
export async function reportCatalog({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { year: number; regionId?: number; municipalityId?: number };
}): Promise<ReportCatalog> {
  requireReportReader(actor);
  const regionId = resolveActorRegionId(actor, input.regionId);
  const municipalities = await findReportMunicipalities(db, municipalityScope(actor), regionId);
  const municipalityId = input.municipalityId ?? actor.municipalityId ?? municipalities[0]?.id ?? null;
  const documents: ReportDocument[] = [];
  if (municipalityId !== null) documents.push(await mocAnnualEntry(db, actor, input.year, municipalityId));
  if (canReadRegional(actor)) documents.push(await regionalEntry(db, actor, input.year, regionId));
  const chosen = municipalities.find((m) => m.id === municipalityId);
  return {
    year: input.year,
    municipalities,
    municipalityId,
    approvalDefaults: approvalDefaults(chosen?.name ?? "", input.year),
    goalsDefault: DEFAULT_GOALS_TEXT,
    documents,
    existing: [
      {
        title: "Приказ об утверждении муниципальной дорожной карты с приложением (DOCX)",
        description: "Выгружается на странице дорожной карты муниципалитета.",
        link: "/plans",
      },
      {
        title: "Отчет о выполнении плана с анализом эффективности (DOCX), план в XLSX",
        description: "Выгружается на странице любого плана: программы школы, дорожной карты МОЦ или региона.",
        link: "/plans",
      },
    ],
  };
}
