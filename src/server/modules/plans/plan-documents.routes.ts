import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { isoDateSchema } from "../../../core/plans";
import { type AppContext, requireActor } from "../../http/context";
import { exportOrderDocx, exportPlanXlsx, exportReportDocx } from "./plan-documents.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const todayQuery = z.object({ today: isoDateSchema.optional() });
const tags = ["plans"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A plan's documents: the order with the road map as appendix, the execution report, the XLSX of any plan. */
export async function planDocumentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/plans/:id/order.docx",
    {
      schema: {
        tags,
        summary: "Приказ об утверждении муниципальной дорожной карты с приложением (DOCX)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await exportOrderDocx({ db: ctx.db, actor: requireActor(request), id: request.params.id });
      return reply
        .type(DOCX)
        .header("content-disposition", `attachment; filename="plan-${request.params.id}-order.docx"`)
        .send(file);
    },
  );
  r.get(
    "/api/plans/:id/report.docx",
    {
      schema: {
        tags,
        summary: "Отчёт о выполнении плана с анализом эффективности (DOCX)",
        params: idParams,
        querystring: todayQuery,
      },
    },
    async (request, reply) => {
      const file = await exportReportDocx({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        today: request.query.today,
      });
      return reply
        .type(DOCX)
        .header("content-disposition", `attachment; filename="plan-${request.params.id}-report.docx"`)
        .send(file);
    },
  );
  r.get(
    "/api/plans/:id/export.xlsx",
    { schema: { tags, summary: "План в XLSX", params: idParams, querystring: todayQuery } },
    async (request, reply) => {
      const file = await exportPlanXlsx({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        today: request.query.today,
      });
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="plan-${request.params.id}.xlsx"`)
        .send(file);
    },
  );
}
