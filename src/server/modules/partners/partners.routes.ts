import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  agreementCreateSchema,
  agreementFromSuggestionSchema,
  agreementItemSchema,
  agreementPatchSchema,
  partnersOverviewQuerySchema,
  partnersOverviewSchema,
  schoolPartnersSchema,
} from "../../../shared/partners-api";
import { type AppContext, requireActor } from "../../http/context";
import { AppError } from "../../platform/errors";
import { attachmentHeader, createDocumentStore } from "../materials/stored-files";
import {
  createAgreement,
  createAgreementFromSuggestion,
  deleteAgreement,
  openAgreementFile,
  updateAgreement,
  uploadAgreementFile,
} from "./agreement-write.service";
import { getPartnersOverview, getSchoolPartners } from "./partners.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};
const tags = ["partners"];

/** Partnerships: a school's agreements and suggested partner schools, the overview, the agreements' documents. */
export async function partnersRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const store = createDocumentStore(ctx.config.dataDir);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/schools/:id/partners",
    {
      schema: {
        tags,
        summary: "Партнёрства школы: договоры и предлагаемые школы-партнёры с обоснованием",
        params: idParams,
        response: { 200: schoolPartnersSchema, ...errors },
      },
    },
    async (request) =>
      getSchoolPartners({ db: ctx.db, actor: requireActor(request), schoolId: request.params.id }),
  );
  r.post(
    "/api/schools/:id/partners",
    {
      schema: {
        tags,
        summary: "Добавить договор со школой-партнёром или социальным партнёром",
        params: idParams,
        body: agreementCreateSchema,
        response: { 200: agreementItemSchema, ...errors },
      },
    },
    async (request) =>
      createAgreement({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        input: request.body,
      }),
  );
  r.post(
    "/api/schools/:id/partners/from-suggestion",
    {
      schema: {
        tags,
        summary: "Проект договора с предложенной школой-партнёром (в один щелчок)",
        params: idParams,
        body: agreementFromSuggestionSchema,
        response: { 200: agreementItemSchema, ...errors },
      },
    },
    async (request) =>
      createAgreementFromSuggestion({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        input: request.body,
      }),
  );
  r.patch(
    "/api/partner-agreements/:id",
    {
      schema: {
        tags,
        summary: "Изменить договор о партнёрстве",
        params: idParams,
        body: agreementPatchSchema,
        response: { 200: agreementItemSchema, ...errors },
      },
    },
    async (request) =>
      updateAgreement({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.delete(
    "/api/partner-agreements/:id",
    {
      schema: {
        tags,
        summary: "Удалить договор о партнёрстве",
        params: idParams,
        response: { 200: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request) =>
      deleteAgreement({ db: ctx.db, actor: requireActor(request), store, id: request.params.id }),
  );
  r.put(
    "/api/partner-agreements/:id/file",
    {
      schema: {
        tags,
        summary: "Прикрепить файл договора (multipart/form-data, поле file)",
        params: idParams,
        response: { 200: agreementItemSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await request.file({ preservePath: true });
      if (!file) throw new AppError("invalid_input", "Прикрепите файл договора");
      return uploadAgreementFile({
        db: ctx.db,
        actor,
        store,
        id: request.params.id,
        fileName: file.filename,
        stream: file.file,
      });
    },
  );
  r.get(
    "/api/partner-agreements/:id/file",
    { schema: { tags, summary: "Файл договора", params: idParams } },
    async (request, reply) => {
      const file = await openAgreementFile({
        db: ctx.db,
        actor: requireActor(request),
        store,
        id: request.params.id,
      });
      return reply
        .type("application/octet-stream")
        .header("content-disposition", attachmentHeader(file.fileName))
        .send(file.stream);
    },
  );
  r.get(
    "/api/partners/overview",
    {
      schema: {
        tags,
        summary:
          "Партнёрства региона или муниципалитета: по муниципалитетам, по видам партнёров, все договоры",
        querystring: partnersOverviewQuerySchema,
        response: { 200: partnersOverviewSchema, ...errors },
      },
    },
    async (request) =>
      getPartnersOverview({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
}
