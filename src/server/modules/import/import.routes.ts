import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import { inspectionSchema } from "../../../shared/import-api";
import { type AppContext, requireActor } from "../../http/context";
import { AppError } from "../../platform/errors";
import { startUploadedImport, uploadImportFile } from "./import-upload.service";

const kindSchema = z.enum(["values", "schools"]);
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };

const runSchema = z.object({
  uploadId: z.string().uuid(),
  kind: kindSchema.default("values"),
  mapping: z.unknown().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  dryRun: z.boolean().default(true),
});

/** Import: upload a file (→ columns and proposed mapping), then run it as a job (dry run or for real). */
export async function importRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/import/uploads",
    {
      schema: {
        tags: ["import"],
        summary: "Загрузить файл XLSX/CSV: столбцы, первые строки и предлагаемое сопоставление",
        querystring: z.object({ kind: kindSchema.default("values") }),
        response: { 200: inspectionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await request.file();
      if (!file) throw new AppError("invalid_input", "Прикрепите файл XLSX или CSV");
      return uploadImportFile({
        db: ctx.db,
        actor,
        kind: request.query.kind,
        fileName: file.filename,
        stream: file.file,
        isTruncated: () => file.file.truncated,
      });
    },
  );
  r.post(
    "/api/import/runs",
    {
      schema: {
        tags: ["import"],
        summary: "Запустить загрузку (или проверку) файла как задание; прогресс — GET /api/jobs/:id",
        body: runSchema,
        response: { 200: z.object({ jobId: z.number() }), ...errors },
      },
    },
    async (request) =>
      startUploadedImport({
        db: ctx.db,
        actor: requireActor(request),
        input: request.body,
        onFailure: (error) => request.log.error({ err: error }, "import job failed"),
      }),
  );
}
