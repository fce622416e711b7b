import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  resultsQuerySchema,
  runComparisonSchema,
  runInputSchema,
  runResultsPageSchema,
  runSchema,
  runSummarySchema,
  schoolHistorySchema,
  withdrawInputSchema,
} from "../../../core/identification/api.schema";
import { errorSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import { getRunById, listRuns } from "./run.service";
import { approveRun, withdrawRun } from "./run-approval.service";
import { exportRunDocx, exportRunXlsx } from "./run-export.service";
import { startIdentificationRun } from "./run-job.service";
import { getRunResultsPage } from "./run-page.service";
import { compareRunsById, getRunSummary, getSchoolHistory } from "./run-results.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["identification"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Identification runs: run, list, results, summary, compare, approve, withdraw, exports; a school's history. */
export async function runRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/identification/runs",
    {
      schema: {
        tags,
        summary: "Запустить идентификацию по всем школам региона как задание; ход — GET /api/jobs/:id",
        body: runInputSchema,
        response: { 200: z.object({ jobId: z.number() }), ...errors },
      },
    },
    async (request) =>
      startIdentificationRun({
        db: ctx.db,
        actor: requireActor(request),
        input: request.body,
        onFailure: (error) => request.log.error({ err: error }, "identification run failed"),
      }),
  );
  r.get(
    "/api/identification/runs",
    {
      schema: {
        tags,
        summary: "Запуски идентификации",
        querystring: z.object({ regionId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.array(runSchema), ...errors },
      },
    },
    async (request) =>
      listRuns({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.get(
    "/api/identification/runs/:id",
    { schema: { tags, summary: "Запуск", params: idParams, response: { 200: runSchema, ...errors } } },
    async (request) => getRunById({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.post(
    "/api/identification/runs/:id/approve",
    {
      schema: {
        tags,
        summary: "Утвердить запуск",
        params: idParams,
        response: { 200: runSchema, ...errors },
      },
    },
    async (request) => approveRun({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.post(
    "/api/identification/runs/:id/withdraw",
    {
      schema: {
        tags,
        summary: "Отозвать утверждение перечня (с причиной); запуск снова не утверждён",
        params: idParams,
        body: withdrawInputSchema,
        response: { 200: runSchema, ...errors },
      },
    },
    async (request) =>
      withdrawRun({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        reason: request.body.reason,
      }),
  );
  r.get(
    "/api/identification/runs/:id/results",
    {
      schema: {
        tags,
        summary:
          "Результаты запуска по школам, постранично: по умолчанию выявленные школы; фильтры и поиск по названию или коду",
        params: idParams,
        querystring: resultsQuerySchema,
        response: { 200: runResultsPageSchema, ...errors },
      },
    },
    async (request) =>
      getRunResultsPage({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        query: request.query,
      }),
  );
  r.get(
    "/api/identification/runs/:id/summary",
    {
      schema: {
        tags,
        summary: "Сводка по региону и муниципалитетам",
        params: idParams,
        response: { 200: runSummarySchema, ...errors },
      },
    },
    async (request) => getRunSummary({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.get(
    "/api/identification/compare",
    {
      schema: {
        tags,
        summary: "Сравнить два запуска: вошли, вышли, остались",
        querystring: z.object({
          before: z.coerce.number().int().positive(),
          after: z.coerce.number().int().positive(),
        }),
        response: { 200: runComparisonSchema, ...errors },
      },
    },
    async (request) =>
      compareRunsById({
        db: ctx.db,
        actor: requireActor(request),
        beforeId: request.query.before,
        afterId: request.query.after,
      }),
  );
  r.get(
    "/api/identification/runs/:id/export.xlsx",
    { schema: { tags, summary: "Выгрузка запуска в XLSX", params: idParams } },
    async (request, reply) => {
      const file = await exportRunXlsx({ db: ctx.db, actor: requireActor(request), id: request.params.id });
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="identification-${request.params.id}.xlsx"`)
        .send(file);
    },
  );
  r.get(
    "/api/identification/runs/:id/order.docx",
    { schema: { tags, summary: "Утверждённый перечень: приложение к приказу (DOCX)", params: idParams } },
    async (request, reply) => {
      const file = await exportRunDocx({ db: ctx.db, actor: requireActor(request), id: request.params.id });
      return reply
        .type(DOCX)
        .header("content-disposition", `attachment; filename="order-appendix-${request.params.id}.docx"`)
        .send(file);
    },
  );
  r.get(
    "/api/schools/:id/identification",
    {
      schema: {
        tags,
        summary: "Категории школы по годам с причинами",
        params: idParams,
        response: { 200: schoolHistorySchema, ...errors },
      },
    },
    async (request) =>
      getSchoolHistory({ db: ctx.db, actor: requireActor(request), schoolId: request.params.id }),
  );
}
