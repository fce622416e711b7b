import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  addCandidateInputSchema,
  candidateListQuerySchema,
  candidateListSchema,
  mentorSchema,
} from "../../../shared/mentoring-api";
import { type AppContext, requireActor } from "../../http/context";
import { addCandidate, listCandidates } from "./mentor-candidates.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["mentoring"];

/** Mentor candidates: the staff of resilient and high-result schools with strong blocks, and adding one. */
export async function mentorCandidatesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/mentoring/candidates",
    {
      schema: {
        tags,
        summary: "Кандидаты в наставники: педагоги устойчивых школ и школ с высокими результатами",
        querystring: candidateListQuerySchema,
        response: { 200: candidateListSchema, ...errors },
      },
    },
    async (request) => listCandidates(ctx.db, requireActor(request), request.query),
  );
  r.post(
    "/api/mentoring/candidates/:teacherId",
    {
      schema: {
        tags,
        summary: "Добавить кандидата в реестр наставников с ёмкостью",
        params: z.object({ teacherId: z.coerce.number().int().positive() }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: addCandidateInputSchema,
        response: { 200: mentorSchema, ...errors },
      },
    },
    async (request) =>
      addCandidate(ctx.db, requireActor(request), request.params.teacherId, request.body, request.query.year),
  );
}
