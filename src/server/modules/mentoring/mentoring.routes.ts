import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  changeMentorInputSchema,
  createMentorInputSchema,
  matchingInputSchema,
  matchingResultSchema,
  meetingInputSchema,
  mentorListQuerySchema,
  mentorListSchema,
  mentorSchema,
  pairDetailSchema,
  pairListQuerySchema,
  pairListSchema,
  updateMentorInputSchema,
} from "../../../shared/mentoring-api";
import { type AppContext, requireActor } from "../../http/context";
import {
  addMeeting,
  changePairMentor,
  confirmPair,
  createMentor,
  getPair,
  listMentors,
  listPairs,
  rejectPair,
  runMatching,
  updateMentor,
} from "./mentoring.service";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["mentoring"];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Mentoring (issue 12, point 6): the mentors registry, the matching, pairs and their meetings. */
export async function mentoringRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/mentoring/mentors",
    {
      schema: {
        tags,
        summary: "Реестр наставников региона или муниципалитета",
        querystring: mentorListQuerySchema,
        response: { 200: mentorListSchema, ...errors },
      },
    },
    async (request) => listMentors(ctx.db, requireActor(request), request.query),
  );
  r.post(
    "/api/mentoring/mentors",
    {
      schema: {
        tags,
        summary: "Новый наставник: педагог, руководитель или сотрудник МОЦ",
        querystring: yearQuery,
        body: createMentorInputSchema,
        response: { 200: mentorSchema, ...errors },
      },
    },
    async (request) => createMentor(ctx.db, requireActor(request), request.body, request.query.year),
  );
  r.put(
    "/api/mentoring/mentors/:id",
    {
      schema: {
        tags,
        summary: "Изменение наставника: сильные стороны, предметы, ёмкость",
        params: idParams,
        querystring: yearQuery,
        body: updateMentorInputSchema,
        response: { 200: mentorSchema, ...errors },
      },
    },
    async (request) =>
      updateMentor(ctx.db, requireActor(request), request.params.id, request.body, request.query.year),
  );
  r.post(
    "/api/mentoring/matching",
    {
      schema: {
        tags,
        summary: "Подбор наставников: точное назначение с учётом ёмкости",
        body: matchingInputSchema,
        response: { 200: matchingResultSchema, ...errors },
      },
    },
    async (request) => runMatching(ctx.db, requireActor(request), request.body),
  );
  r.get(
    "/api/mentoring/pairs",
    {
      schema: {
        tags,
        summary: "Пары наставничества в области видимости (наставник — свои подопечные)",
        querystring: pairListQuerySchema,
        response: { 200: pairListSchema, ...errors },
      },
    },
    async (request) => listPairs(ctx.db, requireActor(request), request.query),
  );
  r.get(
    "/api/mentoring/pairs/:id",
    {
      schema: {
        tags,
        summary: "Карточка пары: встречи, изменение дефицитов",
        params: idParams,
        response: { 200: pairDetailSchema, ...errors },
      },
    },
    async (request) => getPair(ctx.db, requireActor(request), request.params.id),
  );
  // The three decisions on a suggested pair differ only in the path, the words and the body.
  const decisions = [
    { path: "confirm", summary: "Подтвердить предложенную пару", decide: confirmPair },
    { path: "reject", summary: "Отклонить предложенную пару", decide: rejectPair },
  ] as const;
  for (const d of decisions) {
    r.post(
      `/api/mentoring/pairs/:id/${d.path}`,
      {
        schema: {
          tags,
          summary: d.summary,
          params: idParams,
          response: { 200: pairDetailSchema, ...errors },
        },
      },
      async (request) => d.decide(ctx.db, requireActor(request), request.params.id),
    );
  }
  r.put(
    "/api/mentoring/pairs/:id/mentor",
    {
      schema: {
        tags,
        summary: "Выбрать другого наставника (оценка и причина пересчитываются)",
        params: idParams,
        body: changeMentorInputSchema,
        response: { 200: pairDetailSchema, ...errors },
      },
    },
    async (request) =>
      changePairMentor(ctx.db, requireActor(request), request.params.id, request.body.mentorId),
  );
  r.post(
    "/api/mentoring/pairs/:id/meetings",
    {
      schema: {
        tags,
        summary: "Записать встречу наставника с подопечным",
        params: idParams,
        body: meetingInputSchema,
        response: { 200: pairDetailSchema, ...errors },
      },
    },
    async (request) => addMeeting(ctx.db, requireActor(request), request.params.id, request.body),
  );
}
