import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  answersSaveSchema,
  causesSaveSchema,
  examinationInputSchema,
  riskProfileSchema,
  schoolCausesSchema,
  schoolExaminationSchema,
  schoolWorkbookSchema,
  yearQuerySchema,
} from "../../../shared/school-causes-api";
import { type AppContext, requireActor } from "../../http/context";
import { getSchoolCauses, saveSchoolCauses } from "./confirmed-causes.service";
import { getSchoolExamination, saveSchoolExamination } from "./examination.service";
import { getRiskProfile } from "./risk-profile.service";
import { getSchoolWorkbook, saveSchoolAnswers, submitSchoolAnswers } from "./school-workbook.service";

const params = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["causes"];

/** A school's causes: its workbook answers, the МОЦ's examination, the risk profile, the confirmed causes. */
export async function schoolCausesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const target = (request: { params: { id: number }; query: { year: number } }) => ({
    db: ctx.db,
    schoolId: request.params.id,
    year: request.query.year,
  });
  const workbook = {
    tags,
    params,
    querystring: yearQuerySchema,
    response: { 200: schoolWorkbookSchema, ...errors },
  };
  r.get(
    "/api/schools/:id/workbook",
    { schema: { ...workbook, summary: "Рабочая тетрадь школы за год" } },
    async (request) => getSchoolWorkbook({ ...target(request), actor: requireActor(request) }),
  );
  r.put(
    "/api/schools/:id/workbook",
    { schema: { ...workbook, summary: "Сохранить ответы (черновик)", body: answersSaveSchema } },
    async (request) =>
      saveSchoolAnswers({ ...target(request), actor: requireActor(request), answers: request.body.answers }),
  );
  r.post(
    "/api/schools/:id/workbook/submit",
    { schema: { ...workbook, summary: "Отправить рабочую тетрадь" } },
    async (request) => submitSchoolAnswers({ ...target(request), actor: requireActor(request) }),
  );
  const examination = {
    tags,
    params,
    querystring: yearQuerySchema,
    response: { 200: schoolExaminationSchema, ...errors },
  };
  r.get(
    "/api/schools/:id/examination",
    { schema: { ...examination, summary: "Комплексное обследование школы" } },
    async (request) => getSchoolExamination({ ...target(request), actor: requireActor(request) }),
  );
  r.put(
    "/api/schools/:id/examination",
    {
      schema: { ...examination, summary: "Записать комплексное обследование", body: examinationInputSchema },
    },
    async (request) =>
      saveSchoolExamination({ ...target(request), actor: requireActor(request), input: request.body }),
  );
  r.get(
    "/api/schools/:id/risk-profile",
    {
      schema: {
        tags,
        summary: "Профиль рисков школы: уровень каждого фактора с доказательствами",
        params,
        querystring: yearQuerySchema,
        response: { 200: riskProfileSchema, ...errors },
      },
    },
    async (request) => getRiskProfile({ ...target(request), actor: requireActor(request) }),
  );
  const causes = {
    tags,
    params,
    querystring: yearQuerySchema,
    response: { 200: schoolCausesSchema, ...errors },
  };
  r.get(
    "/api/schools/:id/causes",
    { schema: { ...causes, summary: "Подтверждённые причины школы" } },
    async (request) => getSchoolCauses({ ...target(request), actor: requireActor(request) }),
  );
  r.put(
    "/api/schools/:id/causes",
    { schema: { ...causes, summary: "Подтвердить причины школы (МОЦ)", body: causesSaveSchema } },
    async (request) =>
      saveSchoolCauses({ ...target(request), actor: requireActor(request), input: request.body }),
  );
}
