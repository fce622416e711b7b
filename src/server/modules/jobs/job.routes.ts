import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import { getJobById } from "./job.service";

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The state of a job: created, running, done or failed. */
export const jobSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(["created", "running", "done", "failed"]),
  stage: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  result: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Jobs: the state, progress and result of a long piece of work. */
export async function jobRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/jobs/:id",
    {
      schema: {
        tags: ["jobs"],
        summary: "Состояние задания (загрузки, выявления): этап, прогресс и итог",
        params: idParams,
        response: { 200: jobSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (request) => getJobById({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
}
