import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  analyticsOptionsSchema,
  clustersQuerySchema,
  clustersResponseSchema,
  contextModelQuerySchema,
  contextModelResponseSchema,
} from "../../../core/analytics";
import { errorSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import { getAnalyticsOptions, runClusters, runContextModel } from "./analytics.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

const CONTEXT_SUMMARY = "Контекстная модель: ожидаемый результат школы по её социальному контексту";
const CONTEXT_DESCRIPTION =
  "Линейная регрессия показателя результата на показатели контекста по всем школам региона за год. " +
  "Для каждой школы — ожидаемое значение (индекс контекста), 95% интервал прогноза, остаток и группа. " +
  "Трудные условия — ожидаемое значение в худшей трети школ региона; низкий/высокий результат — фактическое " +
  "значение в худшей/лучшей трети; «ниже ожидаемого» — остаток хуже −k·σ или вне интервала. Группа по порядку: " +
  "низкий результат в трудных условиях, ниже ожидаемого, устойчивая, прочие. Направление показателей " +
  "(больше/меньше — лучше) берётся из каталога. Школы без данных перечислены в excluded. Координатор МОЦ " +
  "получает строки своего муниципалитета, модель строится по всему региону.";
const CLUSTERS_SUMMARY = "Кластеры школ по социальным условиям";
const CLUSTERS_DESCRIPTION =
  "Z-оценки выбранных показателей, k-средних (k-means++, фиксированное зерно: повторный расчёт даёт те же " +
  "кластеры); k выбирается по наибольшему среднему силуэту для k = 2…8 или задаётся. Профили: размер, " +
  "средние в исходных единицах, доли ШНРО, ШФНСУ (по выявлению за год) и сельских школ.";

/** The contextual model and the clusters: GET with a query string or POST with a JSON body. */
export async function analyticsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/analytics/options",
    {
      schema: {
        tags: ["analytics"],
        summary: "Показатели и годы, доступные для аналитики",
        querystring: z.object({ regionId: z.coerce.number().int().positive().optional() }),
        response: { 200: analyticsOptionsSchema, ...errors },
      },
    },
    async (request) =>
      getAnalyticsOptions({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  const context = { tags: ["analytics"], summary: CONTEXT_SUMMARY, description: CONTEXT_DESCRIPTION };
  const contextResponse = { 200: contextModelResponseSchema, ...errors };
  r.get(
    "/api/analytics/context",
    { schema: { ...context, querystring: contextModelQuerySchema, response: contextResponse } },
    async (request) => runContextModel({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/analytics/context",
    { schema: { ...context, body: contextModelQuerySchema, response: contextResponse } },
    async (request) => runContextModel({ db: ctx.db, actor: requireActor(request), query: request.body }),
  );
  const clusters = { tags: ["analytics"], summary: CLUSTERS_SUMMARY, description: CLUSTERS_DESCRIPTION };
  const clustersResponse = { 200: clustersResponseSchema, ...errors };
  r.get(
    "/api/analytics/clusters",
    { schema: { ...clusters, querystring: clustersQuerySchema, response: clustersResponse } },
    async (request) => runClusters({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/analytics/clusters",
    { schema: { ...clusters, body: clustersQuerySchema, response: clustersResponse } },
    async (request) => runClusters({ db: ctx.db, actor: requireActor(request), query: request.body }),
  );
}
