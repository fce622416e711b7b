import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorSchema } from "../../../shared/api";
import { causeRegistrySchema, registryQuerySchema } from "../../../shared/school-causes-api";
import { type AppContext, requireActor } from "../../http/context";
import { getCauseRegistry } from "./registry.service";
import { exportRegistryDocx, exportRegistryXlsx } from "./registry-documents.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const tags = ["causes"];

/** The registry of causes: as JSON, XLSX and DOCX. */
export async function registryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/causes/registry",
    {
      schema: {
        tags,
        summary: "Реестр причин: школ по каждой причине, изменение к прошлому году",
        querystring: registryQuerySchema,
        response: { 200: causeRegistrySchema, ...errors },
      },
    },
    async (request) => getCauseRegistry({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.get(
    "/api/causes/registry.xlsx",
    { schema: { tags, summary: "Реестр причин (XLSX)", querystring: registryQuerySchema } },
    async (request, reply) => {
      const file = await exportRegistryXlsx({
        db: ctx.db,
        actor: requireActor(request),
        query: request.query,
      });
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="causes-registry-${request.query.year}.xlsx"`)
        .send(file);
    },
  );
  r.get(
    "/api/causes/registry.docx",
    { schema: { tags, summary: "Реестр причин (DOCX)", querystring: registryQuerySchema } },
    async (request, reply) => {
      const file = await exportRegistryDocx({
        db: ctx.db,
        actor: requireActor(request),
        query: request.query,
      });
      return reply
        .type(DOCX)
        .header("content-disposition", `attachment; filename="causes-registry-${request.query.year}.docx"`)
        .send(file);
    },
  );
}
