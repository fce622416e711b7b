import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import { planDetailSchema } from "../../../shared/plans-api";
import {
  activityStateInputSchema,
  assigneesInputSchema,
  checkInInputSchema,
} from "../../../shared/plans-input";
import { type AppContext, requireActor } from "../../http/context";
import { addCheckIn, setActivityAssignees, setActivityStatus } from "./plan-execution.service";

const activityParams = z.object({
  id: z.coerce.number().int().positive(),
  activityId: z.string().min(1).max(64),
});
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["plans"];
const detail = { 200: planDetailSchema, ...errors };

/** Execution of an approved plan: an activity's status, its check-ins, its assignees. */
export async function planExecutionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    "/api/plans/:id/activities/:activityId/state",
    {
      schema: {
        tags,
        summary: "Состояние выполнения мероприятия",
        params: activityParams,
        body: activityStateInputSchema,
        response: detail,
      },
    },
    async (request) =>
      setActivityStatus({
        db: ctx.db,
        actor: requireActor(request),
        ...request.params,
        status: request.body.status,
      }),
  );
  r.post(
    "/api/plans/:id/activities/:activityId/check-ins",
    {
      schema: {
        tags,
        summary: "Отметка о выполнении мероприятия",
        params: activityParams,
        body: checkInInputSchema,
        response: detail,
      },
    },
    async (request) =>
      addCheckIn({ db: ctx.db, actor: requireActor(request), ...request.params, input: request.body }),
  );
  r.put(
    "/api/plans/:id/activities/:activityId/assignees",
    {
      schema: {
        tags,
        summary: "Исполнители мероприятия: наставники, специалисты, сотрудники МОЦ",
        params: activityParams,
        body: assigneesInputSchema,
        response: detail,
      },
    },
    async (request) =>
      setActivityAssignees({
        db: ctx.db,
        actor: requireActor(request),
        ...request.params,
        userIds: request.body.userIds,
      }),
  );
}
