import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorSchema } from "../../../shared/api";
import {
  reportListQuerySchema,
  reportListSchema,
  reportParamsSchema,
  reportReviewSchema,
  reportSaveSchema,
  reportTransitionSchema,
  reportViewSchema,
  table2QuerySchema,
  table2Schema,
  templateQuerySchema,
  templateSaveSchema,
  templateViewSchema,
} from "../../../shared/monitoring-api";
import { type AppContext, requireActor } from "../../http/context";
import { buildReportDocx } from "./documents/report.docx";
import { buildTable2Docx } from "./documents/table2.docx";
import { buildTable2Xlsx } from "./documents/table2.xlsx";
import { getReport, reviewReport, saveReport, transitionReport } from "./report.service";
import { listReports } from "./report-list.service";
import { buildRegionTable2 } from "./table2.service";
import { getTemplateView, saveTemplate } from "./template.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["monitoring"];
const REPORT = "/api/schools/:id/monitoring/:year/:stage";

/** Monitoring: the region's template, the schools' reports and their workflow, Table 2 with its documents. */
export async function monitoringRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.db;
  r.get(
    "/api/monitoring/template",
    {
      schema: {
        tags,
        summary: "Шаблон мониторинга региона (текущая версия)",
        querystring: templateQuerySchema,
        response: { 200: templateViewSchema, ...errors },
      },
    },
    async (request) =>
      getTemplateView({ db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.put(
    "/api/monitoring/template",
    {
      schema: {
        tags,
        summary: "Новая версия шаблона мониторинга",
        body: templateSaveSchema,
        response: { 200: templateViewSchema, ...errors },
      },
    },
    async (request) => saveTemplate({ db, actor: requireActor(request), input: request.body }),
  );
  r.get(
    "/api/monitoring/reports",
    {
      schema: {
        tags,
        summary: "Школы программы года и состояние их отчётов",
        querystring: reportListQuerySchema,
        response: { 200: reportListSchema, ...errors },
      },
    },
    async (request) => listReports({ db, actor: requireActor(request), query: request.query }),
  );
  const key = (p: { id: number; year: number; stage: "entry" | "final" }) => ({
    schoolId: p.id,
    year: p.year,
    stage: p.stage,
  });
  r.get(
    REPORT,
    {
      schema: {
        tags,
        summary: "Отчёт школы о мониторинге",
        params: reportParamsSchema,
        response: { 200: reportViewSchema, ...errors },
      },
    },
    async (request) => getReport({ db, actor: requireActor(request), key: key(request.params) }),
  );
  r.put(
    REPORT,
    {
      schema: {
        tags,
        summary: "Сохранить показатели и аналитическую справку",
        params: reportParamsSchema,
        body: reportSaveSchema,
        response: { 200: reportViewSchema, ...errors },
      },
    },
    async (request) =>
      saveReport({ db, actor: requireActor(request), key: key(request.params), input: request.body }),
  );
  r.post(
    `${REPORT}/transitions`,
    {
      schema: {
        tags,
        summary: "Отправить, согласовать или вернуть отчёт",
        params: reportParamsSchema,
        body: reportTransitionSchema,
        response: { 200: reportViewSchema, ...errors },
      },
    },
    async (request) =>
      transitionReport({ db, actor: requireActor(request), key: key(request.params), input: request.body }),
  );
  r.put(
    `${REPORT}/review`,
    {
      schema: {
        tags,
        summary: "Комментарии МОЦ к отчёту и показателям",
        params: reportParamsSchema,
        body: reportReviewSchema,
        response: { 200: reportViewSchema, ...errors },
      },
    },
    async (request) =>
      reviewReport({ db, actor: requireActor(request), key: key(request.params), input: request.body }),
  );
  r.get(
    `${REPORT}/report.docx`,
    { schema: { tags, summary: "Отчёт школы о мониторинге (DOCX)", params: reportParamsSchema } },
    async (request, reply) => {
      const view = await getReport({ db, actor: requireActor(request), key: key(request.params) });
      const file = await buildReportDocx(view);
      return reply
        .type(DOCX)
        .header(
          "content-disposition",
          `attachment; filename="monitoring-${view.schoolId}-${view.year}-${view.stage}.docx"`,
        )
        .send(file);
    },
  );
  r.get(
    "/api/monitoring/table2",
    {
      schema: {
        tags,
        summary: "Таблица 2: количественные показатели мониторинга за выбранные годы",
        querystring: table2QuerySchema,
        response: { 200: table2Schema, ...errors },
      },
    },
    async (request) => buildRegionTable2(db, requireActor(request), request.query),
  );
  r.get(
    "/api/monitoring/table2.xlsx",
    { schema: { tags, summary: "Таблица 2 (XLSX)", querystring: table2QuerySchema } },
    async (request, reply) => {
      const table = await buildRegionTable2(db, requireActor(request), request.query);
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="table2-${table.years.join("-")}.xlsx"`)
        .send(await buildTable2Xlsx(table));
    },
  );
  r.get(
    "/api/monitoring/table2.docx",
    { schema: { tags, summary: "Таблица 2 (DOCX)", querystring: table2QuerySchema } },
    async (request, reply) => {
      const table = await buildRegionTable2(db, requireActor(request), request.query);
      return reply
        .type(DOCX)
        .header("content-disposition", `attachment; filename="table2-${table.years.join("-")}.docx"`)
        .send(await buildTable2Docx(table));
    },
  );
}
