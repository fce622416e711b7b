import { PRELOADED_WORKBOOK } from "../../../../src/core/causes";
import { answerAll } from "../../causes-support";
import type { Case } from "../case";
import { MATRIX_YEAR, type MatrixWorld } from "../matrix-world";

let serial = 0;
const code = () => `matrix_${++serial}_${Math.random().toString(36).slice(2, 6)}`;
const factor = () => ({
  code: code(),
  title: "Нехватка цифровых навыков у обучающихся",
  description: "Обучающиеся не умеют работать с электронными ресурсами.",
  group: "students",
  sources: ["seeds"],
});
const measure = () => ({
  code: code(),
  title: "Читательский клуб",
  description: "Еженедельные встречи обучающихся с обсуждением книг.",
  factorCodes: ["low_learning_motivation"],
  indicatorCodes: [],
  deadlineText: "В течение года",
  owners: ["Учителя-предметники"],
  resultText: "Клуб работает",
});
const s1 = (w: MatrixWorld, path: string) => `/api/schools/${w.s1.id}/${path}?year=${MATRIX_YEAR}`;
const registry = (w: MatrixWorld, file = "registry") =>
  `/api/causes/${file}?year=${MATRIX_YEAR}&regionId=${w.regionA.id}&municipalityId=${w.m1.id}`;
/** Everyone who reads S1 reads its causes; M2's МОЦ and region B do not. */
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
/** Only the region's causes managers write its catalogue; region B's admin cannot reach region A's. */
const catalogueWriters = {
  adminA: 200,
  analystA: 200,
  mocM1: 403,
  directorS1: 403,
  federal: 403,
  adminB: 404,
};
/** M1's МОЦ writes for S1; other roles lack the permission, M2's МОЦ does not see S1. */
const examinersOfS1 = { mocM1: 200, mocM2: 404, directorS1: 403, adminA: 403, federal: 403, adminB: 403 };
/** The registry of M1: the region and M1's МОЦ; M2's МОЦ and region B do not see M1; schools have no registry. */
const registryReaders = {
  adminA: 200,
  analystA: 200,
  federal: 200,
  mocM1: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  adminB: 404,
};

/** The factor catalogue, the workbook of causes, the measure library, a school's causes and the registry. */
export const CAUSES_CASES: Case[] = [
  {
    route: "GET /api/causes/factors",
    request: () => ({ method: "GET", url: "/api/causes/factors" }),
    self: "each user reads the factor catalogue of their own region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, adminB: 200 },
  },
  {
    route: "POST /api/causes/factors",
    request: () => ({ method: "POST", url: "/api/causes/factors", payload: { definition: factor() } }),
    self: "each region adds factors to its own catalogue",
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
    route: "PATCH /api/causes/factors/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/causes/factors/${w.fixtures.causes.factorA}`,
      payload: { isRetired: false },
    }),
    expect: catalogueWriters,
  },
  {
    route: "GET /api/causes/workbook",
    request: () => ({ method: "GET", url: "/api/causes/workbook" }),
    self: "each user reads the workbook of their own region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, specialistS1: 200, adminB: 200 },
  },
  {
    route: "GET /api/causes/workbook/versions",
    request: () => ({ method: "GET", url: "/api/causes/workbook/versions" }),
    self: "each user reads the workbook versions of their own region",
    expect: { analystA: 200, mocM2: 200, directorS1: 200, adminB: 200 },
  },
  {
    route: "PUT /api/causes/workbook",
    request: () => ({
      method: "PUT",
      url: "/api/causes/workbook",
      payload: {
        definition: { ...PRELOADED_WORKBOOK, title: `Рабочая тетрадь, редакция ${code()}` },
        note: "матрица",
      },
    }),
    self: "each region makes versions of its own workbook",
    expect: { adminA: 200, analystA: 200, adminB: 200, mocM1: 403, directorS1: 403, federal: 403 },
  },
  {
    route: "GET /api/measures",
    request: () => ({ method: "GET", url: "/api/measures?factor=undeveloped_vsoko" }),
    self: "each user reads the measure library of their own region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, adminB: 200 },
  },
  {
    route: "POST /api/measures",
    request: () => ({ method: "POST", url: "/api/measures", payload: { definition: measure() } }),
    self: "each region adds measures to its own library",
    expect: { adminA: 200, analystA: 200, adminB: 200, mocM1: 403, directorS1: 403, federal: 403 },
  },
  {
    route: "PATCH /api/measures/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/measures/${w.fixtures.causes.measureA}`,
      payload: { isRetired: false },
    }),
    expect: catalogueWriters,
  },
  {
    route: "GET /api/schools/:id/workbook",
    request: (w) => ({ method: "GET", url: s1(w, "workbook") }),
    expect: readersOfS1,
  },
  {
    route: "PUT /api/schools/:id/workbook",
    request: (w) => ({
      method: "PUT",
      url: s1(w, "workbook"),
      payload: { answers: { vsoko_regulation: true } },
    }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      mocM2: 404,
      mentorS1: 403,
      adminA: 403,
      federal: 403,
      adminB: 403,
    },
  },
  {
    route: "POST /api/schools/:id/workbook/submit",
    request: async (w) => {
      // a complete draft first, so that the owner's submission goes through
      const url = s1(w, "workbook");
      await w.clients.directorS1.request({
        method: "PUT",
        url,
        payload: { answers: answerAll(PRELOADED_WORKBOOK) },
      });
      return { method: "POST", url: s1(w, "workbook/submit") };
    },
    expect: {
      directorS1: 200,
      mocM1: 200,
      mocM2: 404,
      mentorS1: 403,
      analystA: 403,
      federal: 403,
      adminB: 403,
    },
  },
  {
    route: "GET /api/schools/:id/examination",
    request: (w) => ({ method: "GET", url: s1(w, "examination") }),
    expect: readersOfS1,
  },
  {
    route: "PUT /api/schools/:id/examination",
    request: (w) => ({
      method: "PUT",
      url: s1(w, "examination"),
      payload: { examinedOn: "2025-03-14", participants: "МОЦ", findings: "Нет единых критериев оценивания" },
    }),
    expect: examinersOfS1,
  },
  {
    route: "GET /api/schools/:id/risk-profile",
    request: (w) => ({ method: "GET", url: s1(w, "risk-profile") }),
    expect: readersOfS1,
  },
  {
    route: "GET /api/schools/:id/causes",
    request: (w) => ({ method: "GET", url: s1(w, "causes") }),
    expect: readersOfS1,
  },
  {
    route: "PUT /api/schools/:id/causes",
    request: (w) => ({
      method: "PUT",
      url: s1(w, "causes"),
      payload: { causes: [{ factorCode: "undeveloped_vsoko", note: "Положение о ВСОКО не утверждено" }] },
    }),
    expect: examinersOfS1,
  },
  {
    route: "GET /api/causes/registry",
    request: (w) => ({ method: "GET", url: registry(w) }),
    expect: registryReaders,
  },
  {
    route: "GET /api/causes/registry.xlsx",
    request: (w) => ({ method: "GET", url: registry(w, "registry.xlsx") }),
    expect: registryReaders,
  },
  {
    route: "GET /api/causes/registry.docx",
    request: (w) => ({ method: "GET", url: registry(w, "registry.docx") }),
    expect: registryReaders,
  },
];
