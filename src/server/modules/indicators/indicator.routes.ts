import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  indicatorDetailSchema,
  indicatorInputSchema,
  indicatorListSchema,
  indicatorRetireSchema,
} from "../../../shared/data-collection";
import { type AppContext, requireActor } from "../../http/context";
import {
  createIndicator,
  getIndicatorById,
  listIndicators,
  retireIndicator,
  updateIndicator,
} from "./indicator.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["indicators"];

/** The indicator catalogue: list, card with versions, create, edit (a new version), retire. */
export async function indicatorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/indicators",
    {
      schema: {
        tags,
        summary: "Каталог показателей региона",
        querystring: z.object({ regionId: z.coerce.number().int().positive().optional() }),
        response: { 200: indicatorListSchema, ...errors },
      },
    },
    async (request) =>
      listIndicators({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.get(
    "/api/indicators/:id",
    {
      schema: {
        tags,
        summary: "Показатель со всеми версиями определения",
        params: idParams,
        response: { 200: indicatorDetailSchema, ...errors },
      },
    },
    async (request) => getIndicatorById({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.post(
    "/api/indicators",
    {
      schema: {
        tags,
        summary: "Добавить показатель",
        body: indicatorInputSchema,
        response: { 200: indicatorDetailSchema, ...errors },
      },
    },
    async (request) => createIndicator({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.patch(
    "/api/indicators/:id",
    {
      schema: {
        tags,
        summary: "Изменить показатель (новая версия определения; прежние значения сохраняют свою)",
        params: idParams,
        body: indicatorInputSchema,
        response: { 200: indicatorDetailSchema, ...errors },
      },
    },
    async (request) =>
      updateIndicator({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.post(
    "/api/indicators/:id/retire",
    {
      schema: {
        tags,
        summary: "Вывести показатель из употребления (или вернуть)",
        params: idParams,
        body: indicatorRetireSchema,
        response: { 200: indicatorDetailSchema, ...errors },
      },
    },
    async (request) =>
      retireIndicator({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        isRetired: request.body.isRetired,
      }),
  );
}
