import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema, userSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import { userCreateSchema, userUpdateSchema } from "./user.schemas";
import { createUser, listUsers, updateUser } from "./user.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** User accounts of the region (region admin). */
export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Пользователи региона",
        response: { 200: z.array(userSchema), ...errors },
      },
    },
    async (request) => listUsers({ db: ctx.db, actor: requireActor(request) }),
  );
  r.post(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Создать пользователя",
        body: userCreateSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => createUser({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Изменить пользователя",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: userUpdateSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) =>
      updateUser({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
}
