import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  materialCreateSchema,
  materialItemSchema,
  materialLinkCreateSchema,
  materialLinkListSchema,
  materialLinksQuerySchema,
  materialListSchema,
  materialPatchSchema,
  materialQuerySchema,
} from "../../../shared/materials-api";
import { type AppContext, requireActor } from "../../http/context";
import { AppError } from "../../platform/errors";
import { openMaterialFile, uploadMaterialFile } from "./material-file.service";
import { createMaterialLink, deleteMaterialLink, listLinkedMaterials } from "./material-links.service";
import {
  createMaterial,
  deleteMaterial,
  getMaterial,
  listMaterials,
  updateMaterial,
} from "./materials.service";
import { attachmentHeader, createDocumentStore } from "./stored-files";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};
const tags = ["materials"];

/** Types a browser could run or render as a page: such files are sent as plain bytes. */
const ACTIVE_TYPE = /html|xml|svg|javascript|ecmascript/i;

/** The materials bank: search, the materials and their files, the links from measures, courses and plans. */
export async function materialsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const store = createDocumentStore(ctx.config.dataDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/materials",
    {
      schema: {
        tags,
        summary: "Банк методических материалов: поиск по-русски, фильтры по виду, уровню и метке",
        querystring: materialQuerySchema,
        response: { 200: materialListSchema, ...errors },
      },
    },
    async (request) => listMaterials({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/materials",
    {
      schema: {
        tags,
        summary: "Добавить материал",
        body: materialCreateSchema,
        response: { 200: materialItemSchema, ...errors },
      },
    },
    async (request) => createMaterial({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.get(
    "/api/materials/:id",
    {
      schema: {
        tags,
        summary: "Материал",
        params: idParams,
        response: { 200: materialItemSchema, ...errors },
      },
    },
    async (request) => getMaterial({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.patch(
    "/api/materials/:id",
    {
      schema: {
        tags,
        summary: "Изменить материал",
        params: idParams,
        body: materialPatchSchema,
        response: { 200: materialItemSchema, ...errors },
      },
    },
    async (request) =>
      updateMaterial({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.delete(
    "/api/materials/:id",
    {
      schema: {
        tags,
        summary: "Удалить материал",
        params: idParams,
        response: { 200: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request) =>
      deleteMaterial({ db: ctx.db, actor: requireActor(request), store, id: request.params.id }),
  );
  r.put(
    "/api/materials/:id/file",
    {
      schema: {
        tags,
        summary: "Прикрепить файл материала (multipart/form-data, поле file)",
        params: idParams,
        response: { 200: materialItemSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await request.file({ preservePath: true });
      if (!file) throw new AppError("invalid_input", "Прикрепите файл материала");
      return uploadMaterialFile({
        db: ctx.db,
        actor,
        store,
        id: request.params.id,
        fileName: file.filename,
        fileType: file.mimetype,
        stream: file.file,
      });
    },
  );
  r.get(
    "/api/materials/:id/file",
    { schema: { tags, summary: "Файл материала", params: idParams } },
    async (request, reply) => {
      const file = await openMaterialFile({
        db: ctx.db,
        actor: requireActor(request),
        store,
        id: request.params.id,
      });
      return reply
        .type(ACTIVE_TYPE.test(file.fileType) ? "application/octet-stream" : file.fileType)
        .header("content-disposition", attachmentHeader(file.fileName))
        .send(file.stream);
    },
  );
  r.get(
    "/api/material-links",
    {
      schema: {
        tags,
        summary: "Материалы, привязанные к мере, курсу или плану",
        querystring: materialLinksQuerySchema,
        response: { 200: materialLinkListSchema, ...errors },
      },
    },
    async (request) =>
      listLinkedMaterials({
        db: ctx.db,
        actor: requireActor(request),
        entity: request.query.entity,
        entityId: request.query.entityId,
      }),
  );
  r.post(
    "/api/material-links",
    {
      schema: {
        tags,
        summary: "Привязать материал к мере, курсу или плану",
        body: materialLinkCreateSchema,
        response: { 200: z.object({ linkId: z.number() }), ...errors },
      },
    },
    async (request) => createMaterialLink({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.delete(
    "/api/material-links/:id",
    {
      schema: {
        tags,
        summary: "Отвязать материал",
        params: idParams,
        response: { 200: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request) =>
      deleteMaterialLink({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
}
