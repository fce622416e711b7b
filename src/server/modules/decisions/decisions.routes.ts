import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  decisionItemSchema,
  decisionProposeSchema,
  decisionReturnSchema,
  decisionsPageSchema,
  decisionsQuerySchema,
  funnelSchema,
} from "../../../shared/decisions-api";
import { type AppContext, requireActor } from "../../http/context";
import { decideDecision, proposeDecision } from "./decision-write.service";
import { getDecisionsPage } from "./decisions.service";
import { buildDecisionsXlsx } from "./decisions-xlsx";
import { getProgrammeFunnel } from "./funnel.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["decisions"];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The programme's results and decisions of a year, the proposals and approvals, the funnel. */
export async function decisionsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/decisions",
    {
      schema: {
        tags,
        summary: "Результаты программы и решения по школам программы за год",
        querystring: decisionsQuerySchema,
        response: { 200: decisionsPageSchema, ...errors },
      },
    },
    async (request) => getDecisionsPage({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.get(
    "/api/decisions.xlsx",
    { schema: { tags, summary: "Результаты программы и решения (XLSX)", querystring: decisionsQuerySchema } },
    async (request, reply) => {
      const page = await getDecisionsPage({ db: ctx.db, actor: requireActor(request), query: request.query });
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="decisions-${page.year}.xlsx"`)
        .send(await buildDecisionsXlsx(page));
    },
  );
  r.post(
    "/api/decisions",
    {
      schema: {
        tags,
        summary: "МОЦ предлагает решение по школе программы",
        body: decisionProposeSchema,
        response: { 200: decisionItemSchema, ...errors },
      },
    },
    async (request) => proposeDecision({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.post(
    "/api/decisions/:id/approve",
    {
      schema: {
        tags,
        summary: "Регион утверждает решение",
        params: idParams,
        response: { 200: decisionItemSchema, ...errors },
      },
    },
    async (request) =>
      decideDecision({ db: ctx.db, actor: requireActor(request), id: request.params.id, action: "approve" }),
  );
  r.post(
    "/api/decisions/:id/return",
    {
      schema: {
        tags,
        summary: "Регион возвращает решение МОЦ с сообщением",
        params: idParams,
        body: decisionReturnSchema,
        response: { 200: decisionItemSchema, ...errors },
      },
    },
    async (request) =>
      decideDecision({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        action: "return",
        message: request.body.message,
      }),
  );
  r.get(
    "/api/programme/funnel",
    {
      schema: {
        tags,
        summary: "Воронка программы: выявлены → причины → программа → поддержка → мониторинг → решение",
        querystring: decisionsQuerySchema,
        response: { 200: funnelSchema, ...errors },
      },
    },
    async (request) => getProgrammeFunnel({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
}
