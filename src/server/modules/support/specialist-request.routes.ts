import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  requestAssignSchema,
  requestCreateSchema,
  requestDetailSchema,
  requestListSchema,
  requestQuerySchema,
  sessionCreateSchema,
  specialistOptionsSchema,
} from "../../../shared/support-api";
import { type AppContext, requireActor } from "../../http/context";
import {
  assignRequest,
  completeRequest,
  fileRequest,
  getRequest,
  listRequests,
  listSpecialistOptions,
  recordSession,
} from "./specialist-request.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["support"];

/** Specialist requests: list, file, read, assign, record work as counts, complete. */
export async function specialistRequestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/support/requests",
    {
      schema: {
        tags,
        summary: "Заявки на специалистов в области видимости (специалист — только свои)",
        querystring: requestQuerySchema,
        response: { 200: requestListSchema, ...errors },
      },
    },
    async (request) => listRequests({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/support/requests",
    {
      schema: {
        tags,
        summary: "Подать заявку на специалиста от школы",
        body: requestCreateSchema,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => fileRequest({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.get(
    "/api/support/requests/:id",
    {
      schema: {
        tags,
        summary: "Заявка с проведённой работой, сроками этапов и просрочкой",
        params: idParams,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => getRequest({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.get(
    "/api/support/requests/:id/specialists",
    {
      schema: {
        tags,
        summary: "Специалисты, закреплённые за школой заявки: кого можно назначить",
        params: idParams,
        response: { 200: specialistOptionsSchema, ...errors },
      },
    },
    async (request) =>
      listSpecialistOptions({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.post(
    "/api/support/requests/:id/assign",
    {
      schema: {
        tags,
        summary: "Назначить специалиста и дату",
        params: idParams,
        body: requestAssignSchema,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) =>
      assignRequest({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  r.post(
    "/api/support/requests/:id/sessions",
    {
      schema: {
        tags,
        summary: "Внести обследование или консультацию числами по группам и возрасту (без имён)",
        params: idParams,
        body: sessionCreateSchema,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) =>
      recordSession({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  r.post(
    "/api/support/requests/:id/complete",
    {
      schema: {
        tags,
        summary: "Завершить заявку",
        params: idParams,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => completeRequest({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
}
