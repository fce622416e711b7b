import { SHNRO_RULES } from "../../identification-support";
import type { Case } from "../case";
import { MATRIX_YEAR } from "../matrix-world";

/** A year with no approved list in the world, for the rows that approve a run (it would replace the world's). */
const OTHER_YEAR = MATRIX_YEAR - 1;

const contextQuery = "outcome=ege_math_below_min_share&context=prevention_register_share";

/** Rule sets, runs and their documents, and the analytics (contextual model, clusters). */
export const IDENTIFICATION_CASES: Case[] = [
  {
    route: "GET /api/identification/rule-sets",
    request: () => ({ method: "GET", url: "/api/identification/rule-sets" }),
    self: "each user reads the rule sets of their own region",
    expect: { adminA: 200, analystA: 200, mocM1: 200, adminB: 200 },
  },
  {
    route: "GET /api/identification/rule-sets/:id",
    regionWide: "a rule set is the region's: its МОЦ and schools may read the criteria they are judged by",
    request: (w) => ({ method: "GET", url: `/api/identification/rule-sets/${w.fixtures.ruleSetA}` }),
    expect: { adminA: 200, analystA: 200, mocM1: 200, mocM2: 200, adminB: 404 },
  },
  {
    route: "POST /api/identification/rule-sets",
    request: () => ({
      method: "POST",
      url: "/api/identification/rule-sets",
      payload: { definition: SHNRO_RULES },
    }),
    self: "each region writes its own rule sets",
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
    route: "PUT /api/identification/rule-sets/:id",
    request: (w) => ({
      method: "PUT",
      url: `/api/identification/rule-sets/${w.fixtures.ruleSetA}`,
      payload: { definition: SHNRO_RULES },
    }),
    expect: { adminA: 200, analystA: 200, mocM1: 403, mocM2: 403, federal: 403, adminB: 404 },
  },
  {
    route: "PATCH /api/identification/rule-sets/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/identification/rule-sets/${w.fixtures.ruleSetA}`,
      payload: { isActive: true },
    }),
    expect: { adminA: 200, analystA: 200, mocM1: 403, mocM2: 403, federal: 403, adminB: 404 },
  },
  {
    route: "DELETE /api/identification/rule-sets/:id",
    name: "a refused delete of A's rule set",
    request: (w) => ({ method: "DELETE", url: `/api/identification/rule-sets/${w.fixtures.ruleSetA}` }),
    expect: { mocM1: 403, mocM2: 403, directorS1: 403, federal: 403, adminB: 404 },
  },
  {
    route: "DELETE /api/identification/rule-sets/:id",
    name: "the region deletes a rule set of its own",
    request: async (w) => {
      const created = await w.clients.adminA.request({
        method: "POST",
        url: "/api/identification/rule-sets",
        payload: { definition: SHNRO_RULES },
      });
      return { method: "DELETE", url: `/api/identification/rule-sets/${created.json().id}` };
    },
    expect: { adminA: 200, mocM1: 403, federal: 403, adminB: 404 },
  },
  {
    route: "POST /api/identification/preview",
    request: (w) => ({
      method: "POST",
      url: "/api/identification/preview",
      payload: { definition: SHNRO_RULES, year: MATRIX_YEAR, regionId: w.regionA.id },
    }),
    expect: { adminA: 200, analystA: 200, federal: 200, mocM1: 403, directorS1: 403, adminB: 404 },
  },
  {
    route: "POST /api/identification/runs",
    request: (w) => ({
      method: "POST",
      url: "/api/identification/runs",
      payload: { ruleSetIds: [w.fixtures.ruleSetA], year: MATRIX_YEAR },
    }),
    expect: {
      adminA: 200,
      analystA: 200,
      mocM1: 403,
      mocM2: 403,
      directorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "GET /api/identification/runs",
    request: () => ({ method: "GET", url: "/api/identification/runs" }),
    self: "each user lists the runs of their own region (approved ones below the region level)",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, adminB: 200 },
  },
  {
    route: "GET /api/identification/runs/:id",
    request: (w) => ({ method: "GET", url: `/api/identification/runs/${w.fixtures.runA}` }),
    expect: { adminA: 200, analystA: 200, federal: 200, mocM1: 404, directorS1: 404, adminB: 404 },
  },
  {
    route: "POST /api/identification/runs/:id/approve",
    name: "a refused approval of A's run",
    request: (w) => ({ method: "POST", url: `/api/identification/runs/${w.fixtures.runA}/approve` }),
    expect: { mocM1: 403, mocM2: 403, directorS1: 403, mentorS1: 403, federal: 403, adminB: 404 },
  },
  {
    route: "POST /api/identification/runs/:id/approve",
    name: "the region approves a new run",
    request: async (w) => {
      const { runAndWait } = await import("../../identification-support");
      // Another year than the world's approved list: approving replaces the approved list of its year.
      const { run } = await runAndWait(w.clients.adminA, {
        ruleSetIds: [w.fixtures.ruleSetA],
        year: OTHER_YEAR,
      });
      return { method: "POST", url: `/api/identification/runs/${run.id}/approve` };
    },
    expect: { analystA: 200, mocM1: 403, federal: 403, adminB: 404 },
  },
  {
    route: "POST /api/identification/runs/:id/withdraw",
    name: "a refused withdrawal of A's approved list",
    request: (w) => ({
      method: "POST",
      url: `/api/identification/runs/${w.fixtures.approvedA}/withdraw`,
      payload: { reason: "Ошибка в исходных данных школы" },
    }),
    expect: {
      analystA: 403,
      mocM1: 403,
      mocM2: 403,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "POST /api/identification/runs/:id/withdraw",
    name: "the region admin withdraws a list approved for this row",
    request: async (w) => {
      const { runAndWait } = await import("../../identification-support");
      const { run } = await runAndWait(w.clients.adminA, {
        ruleSetIds: [w.fixtures.ruleSetA],
        year: OTHER_YEAR,
      });
      await w.clients.adminA.request({ method: "POST", url: `/api/identification/runs/${run.id}/approve` });
      return {
        method: "POST",
        url: `/api/identification/runs/${run.id}/withdraw`,
        payload: { reason: "Ошибка в исходных данных школы" },
      };
    },
    expect: { adminA: 200, mocM1: 403, adminB: 404 },
  },
  {
    route: "GET /api/identification/runs/:id/results",
    request: (w) => ({ method: "GET", url: `/api/identification/runs/${w.fixtures.approvedA}/results` }),
    expect: { adminA: 200, federal: 200, mocM1: 200, mocM2: 200, directorS1: 200, adminB: 404 },
    mustNotSee: { mocM1: (w) => [w.s2.code], directorS1: (w) => [w.s1b.code, w.s2.code] },
  },
  {
    route: "GET /api/identification/runs/:id/summary",
    request: (w) => ({ method: "GET", url: `/api/identification/runs/${w.fixtures.approvedA}/summary` }),
    expect: { adminA: 200, federal: 200, mocM1: 200, adminB: 404 },
    mustNotSee: { mocM1: (w) => [`"municipalityId":${w.m2.id},`] },
  },
  {
    route: "GET /api/identification/compare",
    request: (w) => ({
      method: "GET",
      url: `/api/identification/compare?before=${w.fixtures.runA}&after=${w.fixtures.approvedA}`,
    }),
    expect: { adminA: 200, analystA: 200, federal: 200, mocM1: 404, adminB: 404 },
  },
  {
    route: "GET /api/identification/runs/:id/export.xlsx",
    request: (w) => ({ method: "GET", url: `/api/identification/runs/${w.fixtures.runA}/export.xlsx` }),
    expect: { adminA: 200, analystA: 200, federal: 200, mocM1: 404, adminB: 404 },
  },
  {
    route: "GET /api/identification/runs/:id/order.docx",
    request: (w) => ({ method: "GET", url: `/api/identification/runs/${w.fixtures.approvedA}/order.docx` }),
    expect: { adminA: 200, analystA: 200, federal: 200, mocM1: 200, adminB: 404 },
    self: "the approved list of the reader's scope (the МОЦ's copy: «gives a МОЦ the approved order…»)",
  },
  {
    route: "GET /api/schools/:id/identification",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s2.id}/identification` }),
    expect: {
      adminA: 200,
      mocM2: 200,
      federal: 200,
      mocM1: 404,
      directorS1: 404,
      mentorS1: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/analytics/options",
    request: (w) => ({ method: "GET", url: `/api/analytics/options?regionId=${w.regionA.id}` }),
    expect: { adminA: 200, analystA: 200, federal: 200, mocM1: 200, directorS1: 403, adminB: 404 },
  },
  {
    route: "GET /api/analytics/context",
    request: (w) => ({
      method: "GET",
      url: `/api/analytics/context?${contextQuery}&year=${MATRIX_YEAR}&regionId=${w.regionA.id}`,
    }),
    expect: { adminA: 200, federal: 200, mocM1: 200, directorS1: 403, mentorS1: 403, adminB: 404 },
  },
  {
    route: "POST /api/analytics/context",
    request: (w) => ({
      method: "POST",
      url: "/api/analytics/context",
      payload: {
        outcome: "ege_math_below_min_share",
        context: ["prevention_register_share"],
        year: MATRIX_YEAR,
        regionId: w.regionA.id,
      },
    }),
    expect: { adminA: 200, federal: 200, mocM1: 200, directorS1: 403, adminB: 404 },
  },
  {
    route: "GET /api/analytics/clusters",
    request: (w) => ({
      method: "GET",
      url: `/api/analytics/clusters?indicators=ege_math_below_min_share&year=${MATRIX_YEAR}&regionId=${w.regionA.id}&k=2`,
    }),
    expect: { adminA: 200, federal: 200, mocM1: 200, directorS1: 403, adminB: 404 },
  },
  {
    route: "POST /api/analytics/clusters",
    request: (w) => ({
      method: "POST",
      url: "/api/analytics/clusters",
      payload: { indicators: ["ege_math_below_min_share"], year: MATRIX_YEAR, regionId: w.regionA.id, k: 2 },
    }),
    expect: { adminA: 200, federal: 200, mocM1: 200, directorS1: 403, adminB: 404 },
  },
];
