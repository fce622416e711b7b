import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { deficitScaleSchema, LIKERT_LABELS, SELF_ASSESSMENT_STATEMENTS } from "../../../core/teachers";
import { errorSchema } from "../../../shared/api";
import {
  assessmentInputSchema,
  deficitScaleAnswerSchema,
  individualPlanInputSchema,
  individualPlanSchema,
  questionnaireSchema,
  teacherCardSchema,
  teacherInputSchema,
  teacherListSchema,
  teacherPatchSchema,
} from "../../../shared/teachers-api";
import { type AppContext, requireActor } from "../../http/context";
import { addAssessment } from "./assessment.service";
import { getDeficitScale, setDeficitScale } from "./deficit-scale.service";
import { getIndividualPlan, saveTeacherPlan } from "./individual-plan.service";
import {
  createTeacher,
  currentSchoolYear,
  getTeacherCard,
  listSchoolTeachers,
  updateTeacher,
} from "./teachers.service";
import { teacherImportRoutes } from "./teachers-import.routes";

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ["teachers"];
const schoolParams = z.object({ schoolId: z.coerce.number().int().positive() });
const teacherParams = z.object({ id: z.coerce.number().int().positive() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

async function registryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/schools/:schoolId/teachers",
    {
      schema: {
        tags,
        summary: "Педагоги школы: последняя диагностика дефицитов и приоритетная группа года",
        params: schoolParams,
        querystring: yearQuery,
        response: { 200: teacherListSchema, ...errors },
      },
    },
    async (request) =>
      listSchoolTeachers({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.schoolId,
        ...request.query,
      }),
  );
  r.post(
    "/api/schools/:schoolId/teachers",
    {
      schema: {
        tags,
        summary: "Добавить педагога в реестр школы",
        params: schoolParams,
        body: teacherInputSchema,
        response: { 200: teacherCardSchema, ...errors },
      },
    },
    async (request) =>
      createTeacher({
        db: ctx.db,
        actor: requireActor(request),
        schoolId: request.params.schoolId,
        input: request.body,
      }),
  );
  r.get(
    "/api/teachers/:id",
    {
      schema: {
        tags,
        summary: "Карточка педагога: диагностики по блокам и их история",
        params: teacherParams,
        querystring: yearQuery,
        response: { 200: teacherCardSchema, ...errors },
      },
    },
    async (request) =>
      getTeacherCard({
        db: ctx.db,
        actor: requireActor(request),
        teacherId: request.params.id,
        ...request.query,
      }),
  );
  r.patch(
    "/api/teachers/:id",
    {
      schema: {
        tags,
        summary: "Изменить педагога; isActive: false — вывести из реестра",
        params: teacherParams,
        body: teacherPatchSchema,
        response: { 200: teacherCardSchema, ...errors },
      },
    },
    async (request) =>
      updateTeacher({
        db: ctx.db,
        actor: requireActor(request),
        teacherId: request.params.id,
        patch: request.body,
      }),
  );
  r.post(
    "/api/teachers/:id/assessments",
    {
      schema: {
        tags,
        summary: "Записать диагностику дефицитов: баллы теста или ответы самооценки",
        params: teacherParams,
        body: assessmentInputSchema,
        response: { 200: teacherCardSchema, ...errors },
      },
    },
    async (request) =>
      addAssessment({
        db: ctx.db,
        actor: requireActor(request),
        teacherId: request.params.id,
        input: request.body,
      }),
  );
}

async function planRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/teachers/:id/plan",
    {
      schema: {
        tags,
        summary: "ИОМ педагога: дефициты → курсы → наставник → мероприятия → повторная диагностика",
        params: teacherParams,
        querystring: yearQuery,
        response: { 200: individualPlanSchema, ...errors },
      },
    },
    async (request) =>
      getIndividualPlan({
        db: ctx.db,
        actor: requireActor(request),
        teacherId: request.params.id,
        year: request.query.year ?? currentSchoolYear(),
      }),
  );
  r.put(
    "/api/teachers/:id/plan",
    {
      schema: {
        tags,
        summary: "Сохранить ИОМ: примечание и мероприятия со сроками",
        params: teacherParams,
        body: individualPlanInputSchema,
        response: { 200: individualPlanSchema, ...errors },
      },
    },
    async (request) =>
      saveTeacherPlan({
        db: ctx.db,
        actor: requireActor(request),
        teacherId: request.params.id,
        input: request.body,
      }),
  );
  r.get(
    "/api/teachers/questionnaire",
    {
      schema: {
        tags,
        summary: "Анкета самооценки: утверждения по блокам профстандарта",
        response: { 200: questionnaireSchema, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { statements: [...SELF_ASSESSMENT_STATEMENTS], answers: [...LIKERT_LABELS] };
    },
  );
  r.get(
    "/api/teachers/deficit-scale",
    {
      schema: {
        tags,
        summary: "Уровни дефицитов региона",
        querystring: z.object({ regionId: z.coerce.number().int().positive().optional() }),
        response: { 200: deficitScaleAnswerSchema, ...errors },
      },
    },
    async (request) =>
      getDeficitScale({ db: ctx.db, actor: requireActor(request), regionId: request.query.regionId }),
  );
  r.put(
    "/api/teachers/deficit-scale",
    {
      schema: {
        tags,
        summary: "Установить уровни дефицитов региона (региональный оператор)",
        body: deficitScaleSchema,
        response: { 200: deficitScaleAnswerSchema, ...errors },
      },
    },
    async (request) => setDeficitScale({ db: ctx.db, actor: requireActor(request), scale: request.body }),
  );
}

/** Every route of teachers: the registry, diagnoses, the ИОМ, the scale, the questionnaire, the imports. */
export async function teachersRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registryRoutes(app, ctx);
  await planRoutes(app, ctx);
  await teacherImportRoutes(app, ctx);
}
