import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  eventCreateSchema,
  eventItemSchema,
  eventListSchema,
  eventPatchSchema,
  eventQuerySchema,
  tableImportQuerySchema,
  tableImportResultSchema,
} from "../../../shared/events-api";
import { type AppContext, requireActor } from "../../http/context";
import { receiveTable } from "../courses/table-import";
import { createEvent, deleteEvent, getEvent, importEvents, listEvents, updateEvent } from "./events.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};
const tags = ["events"];

/** Events of every level with their schools and numbers, and their XLSX import (issue 12, point 3). */
export async function eventsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Мероприятия (с фильтрами) и их число по уровням и месяцам",
        querystring: eventQuerySchema,
        response: { 200: eventListSchema, ...errors },
      },
    },
    async (request) => listEvents({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/events",
    {
      schema: {
        tags,
        summary: "Добавить мероприятие",
        body: eventCreateSchema,
        response: { 200: eventItemSchema, ...errors },
      },
    },
    async (request) => createEvent({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.post(
    "/api/events/import",
    {
      schema: {
        tags,
        summary: "Загрузить мероприятия из XLSX/CSV (по умолчанию — проверка без записи)",
        querystring: tableImportQuerySchema,
        response: { 200: tableImportResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await receiveTable(request);
      try {
        return await importEvents({ db: ctx.db, actor, file, ...request.query });
      } finally {
        await file.dispose();
      }
    },
  );
  r.get(
    "/api/events/:id",
    {
      schema: {
        tags,
        summary: "Мероприятие",
        params: idParams,
        querystring: z.object({ regionId: z.coerce.number().int().positive().optional() }),
        response: { 200: eventItemSchema, ...errors },
      },
    },
    async (request) =>
      getEvent({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        regionId: request.query.regionId,
      }),
  );
  r.patch(
    "/api/events/:id",
    {
      schema: {
        tags,
        summary: "Изменить мероприятие",
        params: idParams,
        body: eventPatchSchema,
        response: { 200: eventItemSchema, ...errors },
      },
    },
    async (request) =>
      updateEvent({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  r.delete(
    "/api/events/:id",
    {
      schema: {
        tags,
        summary: "Удалить мероприятие",
        params: idParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (request) => deleteEvent({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
}
