import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  logEntryCreateSchema,
  logEntrySchema,
  logEntryUpdateSchema,
  logListSchema,
  logQuerySchema,
} from "../../../shared/support-api";
import { type AppContext, requireActor } from "../../http/context";
import { createLogEntry, deleteLogEntry, listLog, updateLogEntry } from "./support-log.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["support"];

/** The МОЦ log: list with filters, add, edit, delete an entry. */
export async function supportLogRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/support/log",
    {
      schema: {
        tags,
        summary: "Журнал МОЦ: консультации, собеседования, выезды (по школе, муниципалитету, виду, датам)",
        querystring: logQuerySchema,
        response: { 200: logListSchema, ...errors },
      },
    },
    async (request) => listLog({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/support/log",
    {
      schema: {
        tags,
        summary: "Добавить запись в журнал МОЦ",
        body: logEntryCreateSchema,
        response: { 200: logEntrySchema, ...errors },
      },
    },
    async (request) => createLogEntry({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.put(
    "/api/support/log/:id",
    {
      schema: {
        tags,
        summary: "Изменить запись журнала МОЦ",
        params: idParams,
        body: logEntryUpdateSchema,
        response: { 200: logEntrySchema, ...errors },
      },
    },
    async (request) =>
      updateLogEntry({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.delete(
    "/api/support/log/:id",
    {
      schema: {
        tags,
        summary: "Удалить запись журнала МОЦ",
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => deleteLogEntry({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
}
