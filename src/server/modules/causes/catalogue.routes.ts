import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  currentWorkbookSchema,
  factorCreateSchema,
  factorItemSchema,
  factorListSchema,
  factorPatchSchema,
  regionIdField,
  workbookUpdateSchema,
  workbookVersionSummarySchema,
} from "../../../shared/causes-api";
import { type AppContext, requireActor } from "../../http/context";
import { createFactor, listFactors, updateFactor } from "./factor.service";
import { getCurrentWorkbook, listWorkbookVersions, saveWorkbookVersion } from "./workbook.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const regionQuery = z.object({ regionId: regionIdField });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["causes"];

/** The region's catalogue of causes: factors and the workbook of causes with its versions. */
export async function catalogueRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/causes/factors",
    {
      schema: {
        tags,
        summary: "Факторы риска и причины региона",
        querystring: regionQuery,
        response: { 200: factorListSchema, ...errors },
      },
    },
    async (request) =>
      listFactors({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.post(
    "/api/causes/factors",
    {
      schema: {
        tags,
        summary: "Добавить фактор",
        body: factorCreateSchema,
        response: { 200: factorItemSchema, ...errors },
      },
    },
    async (request) => createFactor({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.patch(
    "/api/causes/factors/:id",
    {
      schema: {
        tags,
        summary: "Изменить фактор или вывести его из употребления",
        params: idParams,
        body: factorPatchSchema,
        response: { 200: factorItemSchema, ...errors },
      },
    },
    async (request) =>
      updateFactor({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  r.get(
    "/api/causes/workbook",
    {
      schema: {
        tags,
        summary: "Текущая версия рабочей тетради по выявлению причин",
        querystring: regionQuery,
        response: { 200: currentWorkbookSchema, ...errors },
      },
    },
    async (request) =>
      getCurrentWorkbook({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.get(
    "/api/causes/workbook/versions",
    {
      schema: {
        tags,
        summary: "Версии рабочей тетради",
        querystring: regionQuery,
        response: { 200: z.array(workbookVersionSummarySchema), ...errors },
      },
    },
    async (request) =>
      listWorkbookVersions({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.put(
    "/api/causes/workbook",
    {
      schema: {
        tags,
        summary: "Сохранить новую версию рабочей тетради",
        body: workbookUpdateSchema,
        response: { 200: currentWorkbookSchema, ...errors },
      },
    },
    async (request) => saveWorkbookVersion({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
}
