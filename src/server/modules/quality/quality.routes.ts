import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  mocReportCreateSchema,
  mocReportDetailSchema,
  mocReportListSchema,
  mocReportPatchSchema,
  qualityFlagsSchema,
  qualityQuerySchema,
} from "../../../shared/quality-api";
import { type AppContext, requireActor } from "../../http/context";
import { AppError } from "../../platform/errors";
import {
  createMocReport,
  deleteMocReport,
  getMocReport,
  importMocReportDocx,
  listMocReports,
  updateMocReport,
} from "./moc-report.service";
import { getQualityFlags } from "./quality-flags.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};
const tags = ["quality"];

/** Report-quality control: the flags of a year, the МОЦ reports and their DOCX text. */
export async function qualityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/quality/flags",
    {
      schema: {
        tags,
        summary:
          "Контроль качества отчётов: совпадения текстов, рекомендации без связи, результаты без сравнения",
        querystring: qualityQuerySchema,
        response: { 200: qualityFlagsSchema, ...errors },
      },
    },
    async (request) => getQualityFlags({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.get(
    "/api/quality/moc-reports",
    {
      schema: {
        tags,
        summary: "Отчёты МОЦ за учебный год",
        querystring: qualityQuerySchema,
        response: { 200: mocReportListSchema, ...errors },
      },
    },
    async (request) => listMocReports({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/quality/moc-reports",
    {
      schema: {
        tags,
        summary: "Создать отчёт МОЦ своего муниципалитета",
        body: mocReportCreateSchema,
        response: { 200: mocReportDetailSchema, ...errors },
      },
    },
    async (request) => createMocReport({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.get(
    "/api/quality/moc-reports/:id",
    {
      schema: {
        tags,
        summary: "Отчёт МОЦ с замечаниями",
        params: idParams,
        response: { 200: mocReportDetailSchema, ...errors },
      },
    },
    async (request) => getMocReport({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.patch(
    "/api/quality/moc-reports/:id",
    {
      schema: {
        tags,
        summary: "Изменить отчёт МОЦ",
        params: idParams,
        body: mocReportPatchSchema,
        response: { 200: mocReportDetailSchema, ...errors },
      },
    },
    async (request) =>
      updateMocReport({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.delete(
    "/api/quality/moc-reports/:id",
    {
      schema: {
        tags,
        summary: "Удалить отчёт МОЦ",
        params: idParams,
        response: { 200: z.object({ id: z.number() }), ...errors },
      },
    },
    async (request) => deleteMocReport({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.put(
    "/api/quality/moc-reports/:id/docx",
    {
      schema: {
        tags,
        summary: "Загрузить текст отчёта МОЦ из DOCX (multipart/form-data, поле file)",
        params: idParams,
        response: { 200: mocReportDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new AppError("invalid_input", "Прикрепите файл отчёта .docx");
      const bytes = await file.toBuffer();
      return importMocReportDocx({
        db: ctx.db,
        actor,
        id: request.params.id,
        fileName: file.filename,
        bytes,
      });
    },
  );
}
