import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  mocAnnualQuerySchema,
  regionalReportQuerySchema,
  reportCatalogQuerySchema,
  reportCatalogSchema,
} from "../../../shared/reports-api";
import { type AppContext, requireActor } from "../../http/context";
import { exportMocAnnualDocx, exportMocAnnualXlsx } from "./moc-annual.service";
import { exportRegionalReportDocx } from "./regional-report.service";
import { reportCatalog } from "./reports-catalog.service";

const tags = ["reports"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The reports page and its documents: the МОЦ annual report (DOCX, XLSX) and the regional analytical report (DOCX). */
/** Sends a built document as a download under its file name. */
function sendFile(reply: FastifyReply, type: string, file: { fileName: string; buffer: Buffer }) {
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .send(file.buffer);
}

export async function reportsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/reports/catalog",
    {
      schema: {
        tags,
        summary: "Документы отчетов за год с кратким содержанием",
        querystring: reportCatalogQuerySchema,
        response: { 200: reportCatalogSchema },
      },
    },
    async (request) => reportCatalog({ db: ctx.db, actor: requireActor(request), input: request.query }),
  );
  r.get(
    "/api/reports/moc-annual.docx",
    {
      schema: {
        tags,
        summary: "Отчет МОЦ о работе за учебный год (DOCX)",
        querystring: mocAnnualQuerySchema,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        DOCX,
        await exportMocAnnualDocx({ db: ctx.db, actor: requireActor(request), query: request.query }),
      ),
  );
  r.get(
    "/api/reports/moc-annual.xlsx",
    {
      schema: {
        tags,
        summary: "Отчет МОЦ о работе за учебный год (XLSX)",
        querystring: mocAnnualQuerySchema,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        XLSX,
        await exportMocAnnualXlsx({ db: ctx.db, actor: requireActor(request), query: request.query }),
      ),
  );
  r.get(
    "/api/reports/regional.docx",
    {
      schema: {
        tags,
        summary: "Региональный аналитический отчет (DOCX)",
        querystring: regionalReportQuerySchema,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        DOCX,
        await exportRegionalReportDocx({ db: ctx.db, actor: requireActor(request), query: request.query }),
      ),
  );
}
