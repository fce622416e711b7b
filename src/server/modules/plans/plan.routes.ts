import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { isoDateSchema, planInputSchema } from "../../../core/plans";
import { errorSchema } from "../../../shared/api";
import { planDetailSchema, planVersionViewSchema } from "../../../shared/plans-api";
import {
  planCommentInputSchema,
  planOrderInputSchema,
  planTransitionInputSchema,
} from "../../../shared/plans-input";
import { type AppContext, requireActor } from "../../http/context";
import { addPlanComment } from "./plan-comment.service";
import { getPlan, getPlanVersion } from "./plan-detail.service";
import { updatePlanContent, updatePlanOrder } from "./plan-edit.service";
import { transitionPlan } from "./plan-transition.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["plans"];
const detail = { 200: planDetailSchema, ...errors };

/** One plan: read it (and an old version), edit its content, move it, comment on it, fill its order. */
export async function planRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/plans/:id",
    {
      schema: {
        tags,
        summary: "План: содержание текущей версии, выполнение, замечания, качество, права",
        params: idParams,
        querystring: z.object({ today: isoDateSchema.optional() }),
        response: detail,
      },
    },
    async (request) =>
      getPlan({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        today: request.query.today,
      }),
  );
  r.get(
    "/api/plans/:id/versions/:version",
    {
      schema: {
        tags,
        summary: "Версия плана, как она была записана",
        params: idParams.extend({ version: z.coerce.number().int().positive() }),
        response: { 200: planVersionViewSchema, ...errors },
      },
    },
    async (request) => getPlanVersion({ db: ctx.db, actor: requireActor(request), ...request.params }),
  );
  r.put(
    "/api/plans/:id/content",
    {
      schema: {
        tags,
        summary: "Сохранить содержание плана (черновик или возвращённый)",
        params: idParams,
        body: planInputSchema,
        response: detail,
      },
    },
    async (request) =>
      updatePlanContent({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.post(
    "/api/plans/:id/transitions",
    {
      schema: {
        tags,
        summary: "Отправить, вернуть с замечаниями, утвердить, закрыть план или создать новую версию",
        params: idParams,
        body: planTransitionInputSchema,
        response: detail,
      },
    },
    async (request) =>
      transitionPlan({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.post(
    "/api/plans/:id/comments",
    {
      schema: {
        tags,
        summary: "Замечание проверяющего или ответ составителя",
        params: idParams,
        body: planCommentInputSchema,
        response: detail,
      },
    },
    async (request) =>
      addPlanComment({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.patch(
    "/api/plans/:id/order",
    {
      schema: {
        tags,
        summary: "Реквизиты приказа об утверждении дорожной карты",
        params: idParams,
        body: planOrderInputSchema,
        response: detail,
      },
    },
    async (request) =>
      updatePlanOrder({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
}
