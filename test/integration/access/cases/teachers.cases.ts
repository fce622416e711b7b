import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";
import { multipartFile } from "../matrix-world";

const teacher = (w: MatrixWorld, rest = "") => `/api/teachers/${w.fixtures.teachers.s1Teacher}${rest}`;

/** Readers of S1's teachers: the school, its МОЦ, the region, S1's mentor and specialist, the federal operator. */
const S1_READERS = {
  adminA: 200,
  analystA: 200,
  federal: 200,
  mocM1: 200,
  directorS1: 200,
  mentorS1: 200,
  specialistS1: 200,
  mocM2: 404,
  adminB: 404,
} as const;

/** Writers of S1's teachers (teachers.write): the director, its МОЦ, the region; the others refused. */
const S1_WRITERS = {
  directorS1: 200,
  mocM1: 200,
  adminA: 200,
  analystA: 200,
  mentorS1: 403,
  specialistS1: 403,
  federal: 403,
  mocM2: 404,
  adminB: 404,
} as const;

let serial = 0;

/** The teacher registry, diagnoses, the ИОМ, the deficit scale, the questionnaire and the imports. */
export const TEACHER_CASES: Case[] = [
  {
    route: "GET /api/schools/:schoolId/teachers",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s1.id}/teachers?year=2025` }),
    expect: S1_READERS,
    mustNotSee: { directorS1: () => ["Чужедальняя"], mocM1: () => ["Чужедальняя"] },
  },
  {
    route: "POST /api/schools/:schoolId/teachers",
    request: (w) => {
      serial += 1;
      return {
        method: "POST",
        url: `/api/schools/${w.s1.id}/teachers`,
        payload: { fullName: `Новикова Ирина ${serial}-я`, subjects: ["физика"] },
      };
    },
    expect: S1_WRITERS,
  },
  {
    route: "GET /api/teachers/:id",
    request: (w) => ({ method: "GET", url: teacher(w) }),
    expect: S1_READERS,
  },
  {
    route: "PATCH /api/teachers/:id",
    request: (w) => ({ method: "PATCH", url: teacher(w), payload: { experienceYears: 14 } }),
    expect: S1_WRITERS,
  },
  {
    route: "POST /api/teachers/:id/assessments",
    request: (w) => ({
      method: "POST",
      url: teacher(w, "/assessments"),
      payload: { source: "test", assessedOn: "2025-03-01", scores: { assessment: 42, subject: 71 } },
    }),
    expect: S1_WRITERS,
  },
  {
    route: "GET /api/teachers/:id/plan",
    request: (w) => ({ method: "GET", url: teacher(w, "/plan?year=2025") }),
    expect: S1_READERS,
  },
  {
    route: "PUT /api/teachers/:id/plan",
    request: (w) => ({
      method: "PUT",
      url: teacher(w, "/plan"),
      payload: { year: 2025, note: "", items: [{ text: "Открытый урок", deadline: "2025-04-01" }] },
    }),
    expect: S1_WRITERS,
  },
  {
    route: "GET /api/teachers/questionnaire",
    request: () => ({ method: "GET", url: "/api/teachers/questionnaire" }),
    self: "the questionnaire is the same for everyone",
    expect: { directorS1: 200, mentorS1: 200, adminB: 200 },
  },
  {
    route: "GET /api/teachers/deficit-scale",
    request: (w) => ({ method: "GET", url: `/api/teachers/deficit-scale?regionId=${w.regionA.id}` }),
    regionWide: "the region's deficit levels are read by everyone of the region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, federal: 200, adminB: 404 },
  },
  {
    route: "PUT /api/teachers/deficit-scale",
    request: () => ({
      method: "PUT",
      url: "/api/teachers/deficit-scale",
      payload: { deficitBelow: 50, masteredFrom: 70 },
    }),
    self: "each region's operator sets the levels of its own region",
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
    route: "POST /api/teachers/import",
    request: (w) => ({
      method: "POST",
      url: "/api/teachers/import?kind=registry&dryRun=true",
      ...multipartFile("teachers.csv", `Код ОО;ФИО;Стаж\n${w.s1.code};Матрицева Анна Петровна;15\n`),
    }),
    self: "each user imports into the schools of their own scope; a school out of it is a row «не найдена»",
    expect: {
      directorS1: 200,
      mocM1: 200,
      adminA: 200,
      mocM2: 200,
      adminB: 200,
      mentorS1: 403,
      federal: 403,
    },
    mustNotSee: { mocM2: () => ["Матрицева"], adminB: () => ["Матрицева"] },
  },
];
