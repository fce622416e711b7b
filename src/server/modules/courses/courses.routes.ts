import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../../../shared/api";
import {
  candidateListSchema,
  courseCreateSchema,
  courseDetailSchema,
  courseItemSchema,
  courseListSchema,
  coursePatchSchema,
  courseQuerySchema,
  enrolmentItemSchema,
  enrolmentListSchema,
  enrolmentPatchSchema,
  enrolSchema,
  tableImportQuerySchema,
  tableImportResultSchema,
} from "../../../shared/events-api";
import { type AppContext, requireActor } from "../../http/context";
import {
  createCourse,
  deleteCourse,
  getCourse,
  importCourses,
  listCourses,
  updateCourse,
} from "./courses.service";
import {
  deleteEnrolment,
  enrolTeachers,
  importEnrolments,
  listCandidates,
  listSchoolEnrolments,
  updateEnrolment,
} from "./enrolments.service";
import { receiveTable } from "./table-import";

const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};
const tags = ["courses"];
const ok = z.object({ ok: z.literal(true) });
const regionQuery = z.object({ regionId: z.coerce.number().int().positive().optional() });

/** The course catalogue, its XLSX import, enrolments and their import (issue 12, point 3). */
export async function coursesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/courses",
    {
      schema: {
        tags,
        summary: "Каталог курсов региона (с фильтрами)",
        querystring: courseQuerySchema,
        response: { 200: courseListSchema, ...errors },
      },
    },
    async (request) => listCourses({ db: ctx.db, actor: requireActor(request), query: request.query }),
  );
  r.post(
    "/api/courses",
    {
      schema: {
        tags,
        summary: "Добавить курс",
        body: courseCreateSchema,
        response: { 200: courseItemSchema, ...errors },
      },
    },
    async (request) => createCourse({ db: ctx.db, actor: requireActor(request), input: request.body }),
  );
  r.post(
    "/api/courses/import",
    {
      schema: {
        tags,
        summary: "Загрузить курсы из XLSX/CSV (по умолчанию — проверка без записи)",
        querystring: tableImportQuerySchema,
        response: { 200: tableImportResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await receiveTable(request);
      try {
        return await importCourses({ db: ctx.db, actor, file, ...request.query });
      } finally {
        await file.dispose();
      }
    },
  );
  r.post(
    "/api/courses/enrolments/import",
    {
      schema: {
        tags,
        summary: "Загрузить зачисления на курсы из XLSX/CSV (курс, код школы, ФИО)",
        querystring: tableImportQuerySchema,
        response: { 200: tableImportResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await receiveTable(request);
      try {
        return await importEnrolments({ db: ctx.db, actor, file, ...request.query });
      } finally {
        await file.dispose();
      }
    },
  );
  r.get(
    "/api/courses/:id",
    {
      schema: {
        tags,
        summary: "Карточка курса с зачислениями",
        params: idParams,
        querystring: regionQuery,
        response: { 200: courseDetailSchema, ...errors },
      },
    },
    async (request) =>
      getCourse({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        regionId: request.query.regionId,
      }),
  );
  r.patch(
    "/api/courses/:id",
    {
      schema: {
        tags,
        summary: "Изменить курс",
        params: idParams,
        body: coursePatchSchema,
        response: { 200: courseItemSchema, ...errors },
      },
    },
    async (request) =>
      updateCourse({ db: ctx.db, actor: requireActor(request), id: request.params.id, input: request.body }),
  );
  r.delete(
    "/api/courses/:id",
    {
      schema: {
        tags,
        summary: "Удалить курс с зачислениями",
        params: idParams,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => deleteCourse({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.get(
    "/api/courses/:id/candidates",
    {
      schema: {
        tags,
        summary: "Педагоги, которых можно зачислить на курс",
        params: idParams,
        querystring: z.object({ q: z.string().trim().max(200).optional() }),
        response: { 200: candidateListSchema, ...errors },
      },
    },
    async (request) =>
      listCandidates({
        db: ctx.db,
        actor: requireActor(request),
        courseId: request.params.id,
        q: request.query.q,
      }),
  );
  r.post(
    "/api/courses/:id/enrolments",
    {
      schema: {
        tags,
        summary: "Зачислить педагогов на курс",
        params: idParams,
        body: enrolSchema,
        response: { 200: z.object({ added: z.number(), items: z.array(enrolmentItemSchema) }), ...errors },
      },
    },
    async (request) =>
      enrolTeachers({
        db: ctx.db,
        actor: requireActor(request),
        courseId: request.params.id,
        input: request.body,
      }),
  );
  r.patch(
    "/api/course-enrolments/:id",
    {
      schema: {
        tags,
        summary: "Отметить завершение курса или выбытие",
        params: idParams,
        body: enrolmentPatchSchema,
        response: { 200: enrolmentItemSchema, ...errors },
      },
    },
    async (request) =>
      updateEnrolment({
        db: ctx.db,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  r.delete(
    "/api/course-enrolments/:id",
    { schema: { tags, summary: "Удалить зачисление", params: idParams, response: { 200: ok, ...errors } } },
    async (request) => deleteEnrolment({ db: ctx.db, actor: requireActor(request), id: request.params.id }),
  );
  r.get(
    "/api/schools/:id/enrolments",
    {
      schema: {
        tags,
        summary: "Курсы педагогов школы",
        params: idParams,
        response: { 200: enrolmentListSchema, ...errors },
      },
    },
    async (request) =>
      listSchoolEnrolments({ db: ctx.db, actor: requireActor(request), schoolId: request.params.id }),
  );
}
