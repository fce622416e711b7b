import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import { teacherImportResultSchema } from "../../../shared/teachers-api";
import { type AppContext, requireActor } from "../../http/context";
import { AppError } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { checkUploadFileName } from "../import/upload-file-name";
import { importTeachers } from "./teachers-import.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };

const mappingParam = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === "") return undefined;
    try {
      const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "Сопоставление — объект JSON «поле: столбец»" });
    return z.NEVER;
  });

const querySchema = z.object({
  kind: z.enum(["registry", "tests"]),
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  mapping: mappingParam,
});

/**
 * The teachers imports: POST a file (multipart, XLSX or CSV) with kind registry or tests; a dry run
 * (the default) says what would change or every problem with its row and column; dryRun=false writes
 * it, all or nothing. The mapping (field → column) is guessed from the header unless given.
 */
export async function teacherImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/teachers/import",
    {
      schema: {
        tags: ["teachers"],
        summary: "Загрузить реестр педагогов или результаты тестирования по блокам (XLSX/CSV), с проверкой",
        querystring: querySchema,
        response: { 200: teacherImportResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, "teachers.write");
      const file = await request.file({ preservePath: true });
      if (!file) throw new AppError("invalid_input", "Прикрепите файл XLSX или CSV");
      try {
        checkUploadFileName(file.filename);
      } catch (error) {
        file.file.resume();
        throw error;
      }
      const dir = await mkdtemp(join(tmpdir(), "opora-teachers-"));
      const path = join(dir, randomUUID());
      try {
        await pipeline(file.file, createWriteStream(path));
        if (file.file.truncated) throw new AppError("payload_too_large", "Файл слишком большой");
        return await importTeachers({
          db: ctx.db,
          actor,
          kind: request.query.kind,
          file: { path, fileName: file.filename },
          mapping: request.query.mapping,
          dryRun: request.query.dryRun,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
