import type { Case } from "../case";
import { MATRIX_YEAR, multipartFile, valuesCsv } from "../matrix-world";

const code = () => `matrix_${Math.random().toString(36).slice(2, 8)}`;
const indicator = () => ({
  code: code(),
  name: "Доля педагогов с высшей категорией",
  unit: "share",
  direction: "higher_better",
  min: 0,
  max: 1,
  level: "school",
  group: "staffing",
  source: "Форма ОО-1",
  description: "",
});

/** The indicator catalogue, values and their history, data forms, exports, imports and jobs. */
export const DATA_CASES: Case[] = [
  {
    route: "GET /api/indicators",
    request: () => ({ method: "GET", url: "/api/indicators" }),
    self: "each user reads the catalogue of their own region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, adminB: 200 },
  },
  {
    route: "GET /api/indicators/:id",
    regionWide: "the catalogue is the region's: every school and МОЦ of it reads it",
    request: (w) => ({ method: "GET", url: `/api/indicators/${w.fixtures.goodMarksA}` }),
    expect: { adminA: 200, analystA: 200, mocM1: 200, mocM2: 200, directorS1: 200, adminB: 404 },
  },
  {
    route: "POST /api/indicators",
    request: () => ({ method: "POST", url: "/api/indicators", payload: indicator() }),
    expect: {
      adminA: 200,
      analystA: 403,
      mocM1: 403,
      mocM2: 403,
      directorS1: 403,
      federal: 403,
      adminB: 200,
    },
    self: "each region admin adds to its own region's catalogue",
  },
  {
    route: "PATCH /api/indicators/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/indicators/${w.fixtures.goodMarksA}`,
      payload: { ...indicator(), code: "good_marks_share", name: "Доля обучающихся на «4» и «5»" },
    }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, mocM2: 403, federal: 403, adminB: 404 },
  },
  {
    route: "POST /api/indicators/:id/retire",
    request: async (w) => {
      const created = await w.clients.adminA.request({
        method: "POST",
        url: "/api/indicators",
        payload: indicator(),
      });
      return {
        method: "POST",
        url: `/api/indicators/${created.json().id}/retire`,
        payload: { isRetired: true },
      };
    },
    expect: { adminA: 200, analystA: 403, mocM1: 403, mocM2: 403, federal: 403, adminB: 404 },
  },
  {
    route: "GET /api/schools/:id/values",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s1.id}/values?year=${MATRIX_YEAR}` }),
    expect: {
      adminA: 200,
      mocM1: 200,
      directorS1: 200,
      mentorS1: 200,
      specialistS1: 200,
      federal: 200,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/municipalities/:id/values",
    request: (w) => ({ method: "GET", url: `/api/municipalities/${w.m1.id}/values?year=${MATRIX_YEAR}` }),
    expect: { adminA: 200, mocM1: 200, mocM2: 404, adminB: 404, federal: 200 },
  },
  {
    route: "GET /api/values/:id/history",
    request: (w) => ({ method: "GET", url: `/api/values/${w.fixtures.valueS2}/history` }),
    expect: {
      adminA: 200,
      mocM2: 200,
      mocM1: 404,
      directorS1: 404,
      mentorS1: 404,
      adminB: 404,
      federal: 200,
    },
  },
  {
    route: "GET /api/schools/:id/forms/:year",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s1.id}/forms/${MATRIX_YEAR}` }),
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mocM2: 404, adminB: 404 },
  },
  {
    route: "PUT /api/schools/:id/forms/:year",
    request: (w) => ({
      method: "PUT",
      url: `/api/schools/${w.s1.id}/forms/${MATRIX_YEAR}`,
      payload: { values: [{ indicatorId: w.fixtures.goodMarksA, value: 0.45 }] },
    }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      mocM2: 404,
      analystA: 403,
      mentorS1: 403,
      specialistS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "POST /api/schools/:id/forms/:year/transitions",
    name: "a refused approval of S1's draft",
    request: (w) => ({
      method: "POST",
      url: `/api/schools/${w.s1.id}/forms/${MATRIX_YEAR}/transitions`,
      payload: { action: "approve" },
    }),
    expect: { mocM2: 404, adminB: 404, mentorS1: 403, specialistS1: 403, federal: 403, analystA: 403 },
  },
  {
    route: "POST /api/schools/:id/forms/:year/transitions",
    name: "the director submits S1's form",
    request: (w) => ({
      method: "POST",
      url: `/api/schools/${w.s1.id}/forms/${MATRIX_YEAR}/transitions`,
      payload: { action: "submit" },
    }),
    expect: { directorS1: 200, mocM2: 404, adminB: 404, federal: 403 },
  },
  {
    route: "POST /api/schools/:id/forms/:year/unlocks",
    request: (w) => ({
      method: "POST",
      url: `/api/schools/${w.s2.id}/forms/${MATRIX_YEAR}/unlocks`,
      payload: { indicatorId: w.fixtures.goodMarksA, reason: "Исправление ошибки ввода" },
    }),
    expect: { adminA: 200, analystA: 200, mocM2: 403, mocM1: 404, federal: 403, adminB: 404 },
  },
  {
    route: "GET /api/forms/dashboard",
    request: () => ({ method: "GET", url: `/api/forms/dashboard?year=${MATRIX_YEAR}` }),
    self: "each user sees the progress of their own scope",
    expect: { adminA: 200, mocM1: 200, adminB: 200 },
    mustNotSee: { adminB: (w) => [w.m1.code, w.m2.code], mocM1: (w) => [w.m2.code] },
  },
  {
    route: "GET /api/forms",
    request: () => ({ method: "GET", url: `/api/forms?year=${MATRIX_YEAR}` }),
    self: "each user lists the forms of their own scope",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, adminB: 200 },
    mustNotSee: {
      adminB: (w) => [w.s1.code, w.s2.code],
      mocM1: (w) => [w.s2.code],
      directorS1: (w) => [w.s2.code],
    },
  },
  {
    route: "GET /api/export/values",
    request: () => ({ method: "GET", url: `/api/export/values?year=${MATRIX_YEAR}` }),
    self: "each user exports the values of their own scope (the workbook's rows: export.test.ts)",
    expect: { adminA: 200, analystA: 200, mocM1: 200, adminB: 200, directorS1: 403, mentorS1: 403 },
  },
  {
    route: "GET /api/export/template",
    request: (w) => ({ method: "GET", url: `/api/export/template?year=${MATRIX_YEAR}&schoolId=${w.s1.id}` }),
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mocM2: 404, adminB: 404, mentorS1: 403 },
  },
  {
    route: "POST /api/import/uploads",
    request: (w) => ({
      method: "POST",
      url: "/api/import/uploads?kind=values",
      ...multipartFile("a.csv", valuesCsv(w.s1.code)),
    }),
    self: "each importing user uploads into their own region",
    expect: {
      adminA: 200,
      mocM1: 200,
      adminB: 200,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      federal: 403,
    },
  },
  {
    route: "POST /api/import/runs",
    request: (w) => ({
      method: "POST",
      url: "/api/import/runs",
      payload: { uploadId: w.fixtures.uploadM1, kind: "values", dryRun: true },
    }),
    expect: { mocM1: 200, mocM2: 404, adminB: 404, directorS1: 403, federal: 403 },
  },
  {
    route: "GET /api/jobs/:id",
    request: (w) => ({ method: "GET", url: `/api/jobs/${w.fixtures.jobA}` }),
    expect: { adminA: 200, analystA: 200, mocM1: 404, mocM2: 404, directorS1: 404, adminB: 404 },
  },
];
