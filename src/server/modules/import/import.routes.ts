import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import { inspectionSchema } from "../../../shared/import-api";
import { type AppContext, requireActor } from "../../http/context";
import { AppError } from "../../platform/errors";
import { startUploadedImport, uploadImportFile } from "./import-upload.service";
import { createUploadStore } from "./upload-store";

const kindSchema = z.enum(["values", "schools", "support_log"]);
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};

const runSchema = z.object({
  uploadId: z.string().uuid(),
  kind: kindSchema.default("values"),
  mapping: z.unknown().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  dryRun: z.boolean().default(true),
});

/** The longest a periodic sweep of expired uploads waits. */
const MAX_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Import: upload a file (→ columns and proposed mapping), then run it as a job (dry run or for real).
 * Uploads wait under the data directory; expired ones are swept at start-up and periodically.
 */
export async function importRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const store = createUploadStore(ctx.config.uploads);
  const sweep = () =>
    store.sweep().catch((error: unknown) => app.log.warn({ err: error }, "upload sweep failed"));
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    await sweep();
    timer = setInterval(sweep, Math.min(MAX_SWEEP_INTERVAL_MS, ctx.config.uploads.ttlMs)).unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/import/uploads",
    {
      schema: {
        tags: ["import"],
        summary: "Загрузить файл XLSX/CSV: столбцы, первые строки и предлагаемое сопоставление",
        description:
          "replaces — id прежней загрузки того же пользователя, которую новый файл заменяет (она удаляется).",
        querystring: z.object({ kind: kindSchema.default("values"), replaces: z.string().uuid().optional() }),
        response: { 200: inspectionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // The name as the browser sent it, path and all, so that a hostile one is refused, not cut short.
      const file = await request.file({ preservePath: true });
      if (!file) throw new AppError("invalid_input", "Прикрепите файл XLSX или CSV");
      return uploadImportFile({
        db: ctx.db,
        actor,
        store,
        kind: request.query.kind,
        fileName: file.filename,
        stream: file.file,
        isTruncated: () => file.file.truncated,
        replaces: request.query.replaces,
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
        store,
        input: request.body,
        onFailure: (error) => request.log.error({ err: error }, "import job failed"),
      }),
  );
}
