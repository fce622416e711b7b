import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  formDashboardSchema,
  formListSchema,
  formSaveSchema,
  formTransitionSchema,
  formUnlockSchema,
  schoolFormSchema,
  yearSchema,
} from "../../../shared/data-collection";
import { type AppContext, requireActor } from "../../http/context";
import { getFormDashboard, listForms } from "./form-dashboard.service";
import { saveSchoolForm } from "./form-save.service";
import { transitionForm, unlockFormValue } from "./form-transition.service";
import { getSchoolForm } from "./forms.service";

const formParams = z.object({ id: z.coerce.number().int().positive(), year: yearSchema });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["forms"];

/** School data forms: read, save, transitions, unlocks; the submission dashboard. */
export async function formRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags, params: formParams, response: { 200: schoolFormSchema, ...errors } };
  r.get(
    "/api/schools/:id/forms/:year",
    { schema: { ...schema, summary: "Форма данных школы за год" } },
    async (request) =>
      getSchoolForm({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        year: request.params.year,
      }),
  );
  r.put(
    "/api/schools/:id/forms/:year",
    { schema: { ...schema, summary: "Сохранить значения формы", body: formSaveSchema } },
    async (request) =>
      saveSchoolForm({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        year: request.params.year,
        input: request.body,
      }),
  );
  r.post(
    "/api/schools/:id/forms/:year/transitions",
    {
      schema: {
        ...schema,
        summary: "Отправить, согласовать, принять или вернуть форму",
        body: formTransitionSchema,
      },
    },
    async (request) =>
      transitionForm({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        year: request.params.year,
        input: request.body,
      }),
  );
  r.post(
    "/api/schools/:id/forms/:year/unlocks",
    { schema: { ...schema, summary: "Разблокировать одно значение (регион)", body: formUnlockSchema } },
    async (request) =>
      unlockFormValue({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.id,
        year: request.params.year,
        input: request.body,
      }),
  );
  r.get(
    "/api/forms/dashboard",
    {
      schema: {
        tags,
        summary: "Ход сбора данных: школы по состоянию формы по муниципалитетам",
        querystring: z.object({
          year: yearSchema.optional(),
          regionId: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: formDashboardSchema, ...errors },
      },
    },
    async (request) =>
      getFormDashboard({
        db: ctx.db,
        actor: requireActor(request),
        year: request.query.year,
        regionId: request.query.regionId,
      }),
  );
  r.get(
    "/api/forms",
    {
      schema: {
        tags,
        summary: "Школы с состоянием формы за год",
        querystring: z.object({
          year: yearSchema.optional(),
          municipalityId: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: formListSchema, ...errors },
      },
    },
    async (request) =>
      listForms({
        db: ctx.db,
        actor: requireActor(request),
        year: request.query.year,
        municipalityId: request.query.municipalityId,
      }),
  );
}
