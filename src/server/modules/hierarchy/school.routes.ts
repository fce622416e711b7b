import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema, schoolListQuerySchema, schoolListSchema, schoolSchema } from "../../../shared/api";
import { schoolInputSchema, schoolUpdateSchema } from "../../../shared/hierarchy";
import { type AppContext, requireActor } from "../../http/context";
import { createSchool, getSchoolById, listSchools, updateSchool } from "./school.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Schools: list in scope, card, create, edit. */
export async function schoolRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/schools",
    {
      schema: {
        tags: ["schools"],
        summary: "Школы в области видимости пользователя",
        querystring: schoolListQuerySchema,
        response: { 200: schoolListSchema, ...errors },
      },
    },
    async (request) => listSchools({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.get(
    "/api/schools/:id",
    {
      schema: {
        tags: ["schools"],
        summary: "Карточка школы",
        params: idParams,
        response: { 200: schoolSchema, ...errors },
      },
    },
    async (request) => getSchoolById({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.post(
    "/api/schools",
    {
      schema: {
        tags: ["schools"],
        summary: "Создать школу",
        body: schoolInputSchema,
        response: { 200: schoolSchema, ...errors },
      },
    },
    async (request) => createSchool({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.patch(
    "/api/schools/:id",
    {
      schema: {
        tags: ["schools"],
        summary: "Изменить школу",
        params: idParams,
        body: schoolUpdateSchema,
        response: { 200: schoolSchema, ...errors },
      },
    },
    async (request) =>
      updateSchool({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
}
