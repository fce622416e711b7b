import { and, eq } from "drizzle-orm";
import { TEMPLATE_003 } from "../../../../src/core/monitoring";
import { monitoringReports } from "../../../../src/server/db/schema";
import { SYSTEM_ACTOR } from "../../../../src/server/modules/access/actor";
import { ensureCurrentTemplate } from "../../../../src/server/modules/monitoring/template.service";
import type { Case } from "../case";
import { MATRIX_YEAR, type MatrixWorld } from "../matrix-world";

/** The programme year of the matrix world's approved run (S2 is its only programme school). */
const YEAR = MATRIX_YEAR + 1;
const report = (w: MatrixWorld, tail = "") => `/api/schools/${w.s2.id}/monitoring/${YEAR}/final${tail}`;

/** Puts S2's final report of the year in a state (creating it under region A's template), for the workflow rows. */
async function s2ReportIn(w: MatrixWorld, status: "draft" | "submitted"): Promise<void> {
  const template = await ensureCurrentTemplate(w.db, SYSTEM_ACTOR, w.regionA.id);
  const key = and(
    eq(monitoringReports.schoolId, w.s2.id),
    eq(monitoringReports.year, YEAR),
    eq(monitoringReports.stage, "final"),
  );
  const [row] = await w.db.select({ id: monitoringReports.id }).from(monitoringReports).where(key);
  if (row) await w.db.update(monitoringReports).set({ status }).where(eq(monitoringReports.id, row.id));
  else
    await w.db.insert(monitoringReports).values({
      regionId: w.regionA.id,
      schoolId: w.s2.id,
      year: YEAR,
      stage: "final",
      templateId: template.id,
      status,
    });
}

/** Who reads S2's report: its МОЦ (M2) and the region; M1, S1's people and region B get 404. */
const readersOfS2 = {
  mocM2: 200,
  adminA: 200,
  analystA: 200,
  federal: 200,
  mocM1: 404,
  directorS1: 404,
  mentorS1: 404,
  specialistS1: 404,
  adminB: 404,
};
/** Who fills S2's report: its МОЦ and the region's admin (data.enter); the rest lack the right or the school. */
const writersOfS2 = {
  mocM2: 200,
  adminA: 200,
  analystA: 403,
  federal: 403,
  mentorS1: 403,
  specialistS1: 403,
  directorS1: 404,
  mocM1: 404,
  adminB: 404,
};
/** Who approves and comments: its МОЦ and the region (data.approve or data.accept). */
const reviewersOfS2 = { ...writersOfS2, analystA: 200, directorS1: 403 };
/** Who reads the territory's monitoring: the МОЦ and the region; a school, mentor, specialist are refused. */
const territoryReaders = {
  adminA: 200,
  analystA: 200,
  federal: 200,
  mocM1: 200,
  mocM2: 200,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  adminB: 404,
};
const table2 = (w: MatrixWorld, path: string) =>
  `/api/monitoring/${path}?years=${YEAR - 1},${YEAR}&regionId=${w.regionA.id}`;

/** Monitoring: template, reports and their workflow, Table 2 with its documents. */
export const MONITORING_CASES: Case[] = [
  {
    route: "GET /api/monitoring/template",
    request: (w) => ({ method: "GET", url: `/api/monitoring/template?regionId=${w.regionA.id}` }),
    regionWide: "the region's template is read by every user of the region",
    expect: {
      adminA: 200,
      analystA: 200,
      mocM1: 200,
      directorS1: 200,
      mentorS1: 200,
      federal: 200,
      adminB: 404,
    },
  },
  {
    route: "PUT /api/monitoring/template",
    request: (w) => ({
      method: "PUT",
      url: "/api/monitoring/template",
      payload: { regionId: w.regionA.id, content: TEMPLATE_003, note: "Матрица" },
    }),
    expect: {
      adminA: 200,
      analystA: 403,
      mocM1: 403,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "GET /api/monitoring/reports",
    request: (w) => ({ method: "GET", url: `/api/monitoring/reports?year=${YEAR}&regionId=${w.regionA.id}` }),
    expect: territoryReaders,
    mustNotSee: { mocM1: (w) => [w.s2.code] },
  },
  {
    route: "GET /api/schools/:id/monitoring/:year/:stage",
    request: (w) => ({ method: "GET", url: report(w) }),
    expect: readersOfS2,
  },
  {
    route: "PUT /api/schools/:id/monitoring/:year/:stage",
    request: async (w) => {
      await s2ReportIn(w, "draft");
      return {
        method: "PUT",
        url: report(w),
        payload: { entries: { "1.3": { value: true } }, narrative: "Справка" },
      };
    },
    expect: writersOfS2,
  },
  {
    route: "POST /api/schools/:id/monitoring/:year/:stage/transitions",
    name: "submit",
    request: async (w) => {
      await s2ReportIn(w, "draft");
      return { method: "POST", url: report(w, "/transitions"), payload: { action: "submit" } };
    },
    expect: writersOfS2,
  },
  {
    route: "POST /api/schools/:id/monitoring/:year/:stage/transitions",
    name: "approve",
    request: async (w) => {
      await s2ReportIn(w, "submitted");
      return { method: "POST", url: report(w, "/transitions"), payload: { action: "approve" } };
    },
    expect: reviewersOfS2,
  },
  {
    route: "PUT /api/schools/:id/monitoring/:year/:stage/review",
    request: async (w) => {
      await s2ReportIn(w, "submitted");
      return {
        method: "PUT",
        url: report(w, "/review"),
        payload: { mocComment: "Комментарий МОЦ", indicatorComments: { "1.3": "Уточните" } },
      };
    },
    expect: reviewersOfS2,
  },
  {
    route: "GET /api/schools/:id/monitoring/:year/:stage/report.docx",
    request: (w) => ({ method: "GET", url: report(w, "/report.docx") }),
    expect: readersOfS2,
  },
  {
    route: "GET /api/monitoring/table2",
    request: (w) => ({ method: "GET", url: table2(w, "table2") }),
    expect: territoryReaders,
  },
  {
    route: "GET /api/monitoring/table2.xlsx",
    request: (w) => ({ method: "GET", url: table2(w, "table2.xlsx") }),
    expect: territoryReaders,
  },
  {
    route: "GET /api/monitoring/table2.docx",
    request: (w) => ({ method: "GET", url: table2(w, "table2.docx") }),
    expect: territoryReaders,
  },
];
