import type { Case } from "../case";
import { MATRIX_YEAR } from "../matrix-world";

const year = MATRIX_YEAR - 1;

/**
 * The reports of issue 13, item 6: a МОЦ reads its own municipality's annual report, the region any
 * of its municipalities', the federal operator reads; school, mentor and specialist roles are refused.
 */
export const REPORT_CASES: Case[] = [
  {
    route: "GET /api/reports/catalog",
    request: (w) => ({ method: "GET", url: `/api/reports/catalog?year=${year}&regionId=${w.regionA.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      mocM1: 200,
      mocM2: 200,
      federal: 200,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
    },
    mustNotSee: { mocM2: (w) => [`"id":${w.m1.id},`] },
  },
  {
    route: "GET /api/reports/moc-annual.docx",
    request: (w) => ({
      method: "GET",
      url: `/api/reports/moc-annual.docx?year=${year}&municipalityId=${w.m1.id}`,
    }),
    expect: {
      mocM1: 200,
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
    },
  },
  {
    route: "GET /api/reports/moc-annual.xlsx",
    request: (w) => ({
      method: "GET",
      url: `/api/reports/moc-annual.xlsx?year=${year}&municipalityId=${w.m1.id}`,
    }),
    expect: {
      mocM1: 200,
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
    },
  },
  {
    route: "GET /api/reports/regional.docx",
    request: (w) => ({
      method: "GET",
      url: `/api/reports/regional.docx?year=${MATRIX_YEAR}&regionId=${w.regionA.id}`,
    }),
    expect: {
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM1: 403,
      mocM2: 403,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
    },
  },
];
