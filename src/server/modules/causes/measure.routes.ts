import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  measureCreateSchema,
  measureItemSchema,
  measureListSchema,
  measurePatchSchema,
  measureQuerySchema,
} from "../../../shared/causes-api";
import { type AppContext, requireActor } from "../../http/context";
import { createMeasure, listMeasures, updateMeasure } from "./measure.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["causes"];

/** The region's measure library: list (by factor), add, edit, retire. */
export async function measureRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/measures",
    {
      schema: {
        tags,
        summary: "Библиотека мер (все или по фактору)",
        querystring: measureQuerySchema,
        response: { 200: measureListSchema, ...errors },
      },
    },
    async (request) =>
      listMeasures({
        db: ctx.db,
        actor: requireActor(request),
        factorCode: request.query.factor,
        regionId: request.query.regionId,
      }),
  );
  r.post(
    "/api/measures",
    {
      schema: {
        tags,
        summary: "Добавить меру",
        body: measureCreateSchema,
        response: { 200: measureItemSchema, ...errors },
      },
    },
    async (request) => createMeasure({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.patch(
    "/api/measures/:id",
    {
      schema: {
        tags,
        summary: "Изменить меру или вывести её из употребления",
        params: idParams,
        body: measurePatchSchema,
        response: { 200: measureItemSchema, ...errors },
      },
    },
    async (request) =>
      updateMeasure({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
}
