import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  municipalityValuesSchema,
  schoolValuesSchema,
  valueHistorySchema,
  yearSchema,
} from "../../../shared/data-collection";
import { type AppContext, requireActor } from "../../http/context";
import { getMunicipalityValues, getSchoolValues, getValueHistory } from "./values.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tags = ["values"];

/** Indicator values: a school's values by year, one value's history. */
export async function valueRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/schools/:id/values",
    {
      schema: {
        tags,
        summary: "Значения показателей школы за год (без year — за все годы)",
        params: idParams,
        querystring: z.object({ year: yearSchema.optional() }),
        response: { 200: schoolValuesSchema, ...errors },
      },
    },
    async (request) =>
      getSchoolValues({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        year: request.query.year,
      }),
  );
  r.get(
    "/api/municipalities/:id/values",
    {
      schema: {
        tags,
        summary: "Значения муниципальных показателей за год (без year — за все годы)",
        params: idParams,
        querystring: z.object({ year: yearSchema.optional() }),
        response: { 200: municipalityValuesSchema, ...errors },
      },
    },
    async (request) =>
      getMunicipalityValues({
        db: ctx.db,
        actor: requireActor(request),
        municipalityId: request.params.id,
        year: request.query.year,
      }),
  );
  r.get(
    "/api/values/:id/history",
    {
      schema: {
        tags,
        summary: "История изменений значения",
        params: idParams,
        response: { 200: valueHistorySchema, ...errors },
      },
    },
    async (request) =>
      getValueHistory({ db: ctx.db, actor: requireActor(request), valueId: request.params.id }),
  );
}
