import type { Case } from "../case";
import { type MatrixWorld, multipartFile } from "../matrix-world";
import { courseOfA, enrolmentOfS1, namedCourseOfA, S1_TEACHER, teacherOfS1 } from "./events.fixtures";

const course = () => ({
  title: "Функциональная грамотность",
  hours: 36,
  format: "blended",
  blocks: ["methodical"],
});
const COURSES_CSV = "Название;Часы;Формат\nЦифровые инструменты учителя;24;дистанционно\n";
const enrolmentsCsv = async (w: MatrixWorld) => {
  const course = await namedCourseOfA(w);
  const teacher = await teacherOfS1(w);
  return `Курс;Код школы;ФИО;Дата зачисления\n${course.title};${w.s1.code};${teacher.fullName};01.10.2024\n`;
};
/** Writers of the catalogue: the regional operator; a МОЦ reads it, others lack the right; region B is out. */
const catalogueWriters = {
  adminA: 200,
  analystA: 200,
  mocM1: 403,
  directorS1: 403,
  mentorS1: 403,
  federal: 403,
  adminB: 404,
};
/** Who enrols an S1 teacher: M1's МОЦ and the region; M2's МОЦ does not see S1; others lack the right. */
const enrollersOfS1 = {
  mocM1: 200,
  adminA: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  federal: 403,
  adminB: 404,
};
/** Everyone who reads S1. */
const readersOfS1 = {
  directorS1: 200,
  mocM1: 200,
  mentorS1: 200,
  specialistS1: 200,
  adminA: 200,
  analystA: 200,
  federal: 200,
  mocM2: 404,
  adminB: 404,
};
const outsideM1 = { mocM2: () => [S1_TEACHER], adminB: () => [S1_TEACHER] };

/** The course catalogue, its import, enrolments and their import (issue 12, point 3). */
export const COURSE_CASES: Case[] = [
  {
    route: "GET /api/courses",
    request: () => ({ method: "GET", url: "/api/courses" }),
    self: "each user reads the course catalogue of their own region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, adminB: 200 },
  },
  {
    route: "POST /api/courses",
    request: () => ({ method: "POST", url: "/api/courses", payload: course() }),
    self: "each region's operator adds courses to its own catalogue",
    expect: {
      adminA: 200,
      analystA: 200,
      adminB: 200,
      mocM1: 403,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
    },
  },
  {
    route: "POST /api/courses/import",
    request: () => ({
      method: "POST",
      url: "/api/courses/import?dryRun=false",
      ...multipartFile("courses.csv", COURSES_CSV),
    }),
    self: "each region's operator imports into its own catalogue",
    expect: { adminA: 200, adminB: 200, mocM1: 403, directorS1: 403, federal: 403 },
  },
  {
    route: "POST /api/courses/enrolments/import",
    request: async (w) => ({
      method: "POST",
      url: "/api/courses/enrolments/import?dryRun=false",
      ...multipartFile("enrolments.csv", await enrolmentsCsv(w)),
    }),
    self: "each МОЦ imports enrolments of its own teachers; a teacher out of scope is an error of the row",
    expect: { mocM1: 200, adminA: 200, directorS1: 403, mentorS1: 403, federal: 403 },
    mustNotSee: outsideM1,
  },
  {
    route: "GET /api/courses/:id",
    request: async (w) => ({
      method: "GET",
      url: `/api/courses/${await courseOfA(w)}?regionId=${w.regionA.id}`,
    }),
    regionWide: "the catalogue is the region's: every user of the region reads a course",
    expect: {
      adminA: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 200,
      mentorS1: 200,
      federal: 200,
      adminB: 404,
    },
  },
  {
    route: "PATCH /api/courses/:id",
    request: async (w) => ({
      method: "PATCH",
      url: `/api/courses/${await courseOfA(w)}`,
      payload: { hours: 72 },
    }),
    expect: catalogueWriters,
  },
  {
    route: "DELETE /api/courses/:id",
    request: async (w) => ({ method: "DELETE", url: `/api/courses/${await courseOfA(w)}` }),
    expect: catalogueWriters,
  },
  {
    route: "GET /api/courses/:id/candidates",
    request: async (w) => {
      await teacherOfS1(w);
      return { method: "GET", url: `/api/courses/${await courseOfA(w)}/candidates` };
    },
    regionWide: "the course is the region's; each enroller sees the teachers of its own scope",
    expect: { mocM1: 200, mocM2: 200, adminA: 200, directorS1: 403, federal: 403, adminB: 404 },
    mustNotSee: { mocM2: () => [S1_TEACHER] },
  },
  {
    route: "POST /api/courses/:id/enrolments",
    request: async (w) => {
      const teacher = await teacherOfS1(w);
      return {
        method: "POST",
        url: `/api/courses/${await courseOfA(w)}/enrolments`,
        payload: { teacherIds: [teacher.id], enrolledOn: "2024-10-01" },
      };
    },
    expect: enrollersOfS1,
  },
  {
    route: "PATCH /api/course-enrolments/:id",
    request: async (w) => ({
      method: "PATCH",
      url: `/api/course-enrolments/${await enrolmentOfS1(w)}`,
      payload: { status: "completed", completedOn: "2024-10-20" },
    }),
    expect: enrollersOfS1,
  },
  {
    route: "DELETE /api/course-enrolments/:id",
    request: async (w) => ({ method: "DELETE", url: `/api/course-enrolments/${await enrolmentOfS1(w)}` }),
    expect: enrollersOfS1,
  },
  {
    route: "GET /api/schools/:id/enrolments",
    request: async (w) => {
      await enrolmentOfS1(w);
      return { method: "GET", url: `/api/schools/${w.s1.id}/enrolments` };
    },
    expect: readersOfS1,
  },
];
