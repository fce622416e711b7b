import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorSchema } from "../../../shared/api";
import {
  overdueListSchema,
  planDetailSchema,
  planListSchema,
  planTemplateListSchema,
  programmeOptionsSchema,
} from "../../../shared/plans-api";
import {
  createPlanInputSchema,
  overdueQuerySchema,
  planListQuerySchema,
  programmeOptionsQuerySchema,
} from "../../../shared/plans-input";
import { type AppContext, requireActor } from "../../http/context";
import { planRoutes } from "./plan.routes";
import { createPlan } from "./plan-create.service";
import { planDocumentRoutes } from "./plan-documents.routes";
import { planExecutionRoutes } from "./plan-execution.routes";
import { listOverdue, listPlans, listTemplates } from "./plan-list.service";
import { getProgrammeOptions } from "./plan-programme.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["plans"];

/** The plans list, the templates, creating a plan, overdue activities and a school's programme options. */
async function planCollectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/plans",
    {
      schema: {
        tags,
        summary: "Планы в области видимости: программы школ, муниципальные и региональные дорожные карты",
        querystring: planListQuerySchema,
        response: { 200: planListSchema, ...errors },
      },
    },
    async (request) => listPlans({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.get(
    "/api/plans/templates",
    { schema: { tags, summary: "Шаблоны планов", response: { 200: planTemplateListSchema, ...errors } } },
    async (request) => {
      requireActor(request);
      return listTemplates();
    },
  );
  r.post(
    "/api/plans",
    {
      schema: {
        tags,
        summary: "Создать план: пустой, по шаблону или программу школы по подтверждённым причинам",
        body: createPlanInputSchema,
        response: { 200: planDetailSchema, ...errors },
      },
    },
    async (request) => createPlan({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.get(
    "/api/plans/overdue",
    {
      schema: {
        tags,
        summary: "Просроченные мероприятия утверждённых планов",
        querystring: overdueQuerySchema,
        response: { 200: overdueListSchema, ...errors },
      },
    },
    async (request) => listOverdue({ db: ctx.db, actor: requireActor(request), ...request.query }),
  );
  r.get(
    "/api/plans/programme-options",
    {
      schema: {
        tags,
        summary: "Подтверждённые причины школы с рекомендованными мерами: из чего строится программа",
        querystring: programmeOptionsQuerySchema,
        response: { 200: programmeOptionsSchema, ...errors },
      },
    },
    async (request) => getProgrammeOptions({ db: ctx.db, actor: requireActor(request), ...request.query }),
  );
}

/** Every route of plans: the collection, one plan, its execution and its documents. */
export async function plansRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await planCollectionRoutes(app, ctx);
  await planRoutes(app, ctx);
  await planExecutionRoutes(app, ctx);
  await planDocumentRoutes(app, ctx);
}
