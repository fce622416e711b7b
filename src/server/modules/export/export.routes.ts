import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import { yearSchema } from "../../../shared/data-collection";
import { type AppContext, requireActor } from "../../http/context";
import { type ExportFile, exportTemplate, exportValues } from "./export.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const id = z.coerce.number().int().positive();

function sendFile(reply: FastifyReply, file: ExportFile) {
  const ascii = file.fileName.replace(/[^\w.-]/g, "_");
  return reply
    .type(XLSX)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.buffer);
}

/** XLSX export: the year's values in scope, and a blank template for a school or a municipality. */
export async function exportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/export/values",
    {
      schema: {
        tags: ["export"],
        summary: "Значения показателей за год (XLSX) в области видимости пользователя",
        querystring: z.object({ year: yearSchema, regionId: id.optional() }),
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exportValues({
          db: ctx.db,
          actor: requireActor(request),
          year: request.query.year,
          regionId: request.query.regionId,
        }),
      ),
  );
  r.get(
    "/api/export/template",
    {
      schema: {
        tags: ["export"],
        summary: "Пустой шаблон XLSX с проверкой ячеек для школы или муниципалитета",
        querystring: z.object({
          schoolId: id.optional(),
          municipalityId: id.optional(),
          year: yearSchema.optional(),
        }),
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exportTemplate({
          db: ctx.db,
          actor: requireActor(request),
          schoolId: request.query.schoolId,
          municipalityId: request.query.municipalityId,
          year: request.query.year,
        }),
      ),
  );
}
