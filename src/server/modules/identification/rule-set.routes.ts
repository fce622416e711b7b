import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  previewInputSchema,
  previewSchema,
  ruleSetDetailSchema,
  ruleSetInputSchema,
  ruleSetSummarySchema,
} from "../../../core/identification/api.schema";
import { errorSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import {
  createRuleSet,
  deleteRuleSetById,
  getRuleSetById,
  listRuleSets,
  previewRuleSet,
  setRuleSetActiveById,
  updateRuleSet,
} from "./rule-set.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const regionQuery = z.object({ regionId: z.coerce.number().int().positive().optional() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["identification"];

/** Rule sets: list, card, create, new version, on/off, delete, live preview. */
export async function ruleSetRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/identification/rule-sets",
    {
      schema: {
        tags,
        summary: "Наборы правил региона",
        querystring: regionQuery,
        response: { 200: z.array(ruleSetSummarySchema), ...errors },
      },
    },
    async (request) =>
      listRuleSets({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.get(
    "/api/identification/rule-sets/:id",
    {
      schema: {
        tags,
        summary: "Набор правил с версиями",
        params: idParams,
        querystring: regionQuery,
        response: { 200: ruleSetDetailSchema, ...errors },
      },
    },
    async (request) =>
      getRuleSetById({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        regionId: request.query.regionId,
      }),
  );
  r.post(
    "/api/identification/rule-sets",
    {
      schema: {
        tags,
        summary: "Создать набор правил",
        body: ruleSetInputSchema,
        response: { 200: ruleSetDetailSchema, ...errors },
      },
    },
    async (request) => createRuleSet({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.put(
    "/api/identification/rule-sets/:id",
    {
      schema: {
        tags,
        summary: "Сохранить новую версию набора правил",
        params: idParams,
        body: ruleSetInputSchema,
        response: { 200: ruleSetDetailSchema, ...errors },
      },
    },
    async (request) =>
      updateRuleSet({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  r.patch(
    "/api/identification/rule-sets/:id",
    {
      schema: {
        tags,
        summary: "Включить или выключить набор правил",
        params: idParams,
        body: z.object({ isActive: z.boolean(), regionId: z.number().int().positive().optional() }),
        response: { 200: ruleSetDetailSchema, ...errors },
      },
    },
    async (request) =>
      setRuleSetActiveById({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        isActive: request.body.isActive,
        regionId: request.body.regionId,
      }),
  );
  r.delete(
    "/api/identification/rule-sets/:id",
    {
      schema: {
        tags,
        summary: "Удалить набор правил (прошедшие запуски сохраняют свою копию)",
        params: idParams,
        querystring: regionQuery,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      await deleteRuleSetById({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        regionId: request.query.regionId,
      });
      return { ok: true as const };
    },
  );
  r.post(
    "/api/identification/preview",
    {
      schema: {
        tags,
        summary: "Предпросмотр: сколько школ отбирает каждый критерий (без сохранения)",
        body: previewInputSchema,
        response: { 200: previewSchema, ...errors },
      },
    },
    async (request) => previewRuleSet({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
}
