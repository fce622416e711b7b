import { PLAN_YEAR } from "../../plans-support";
import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";
import { contentEdit, draftProgramme, submittedProgramme } from "./plans.fixtures";

const plan = (id: number, rest = "") => `/api/plans/${id}${rest}`;
const activity = (w: MatrixWorld, name: "approvedFirst" | "approvedAssigned", rest: string) =>
  plan(w.plans.approved, `/activities/${w.plans[name]}${rest}`);

/** Readers of S1's programmes, and the users who must get 404 for them. */
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

/** Programmes and road maps: list, templates, create, read, edit, move, comment, execute, documents. */
export const PLAN_CASES: Case[] = [
  {
    route: "GET /api/plans",
    request: () => ({ method: "GET", url: "/api/plans" }),
    self: "each user lists the plans of their own scope",
    expect: {
      adminA: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 200,
      mentorS1: 200,
      federal: 200,
      adminB: 200,
    },
    mustNotSee: { mocM2: (w) => [w.s1.code], adminB: (w) => [w.s1.code, w.s2.code] },
  },
  {
    route: "GET /api/plans/templates",
    request: () => ({ method: "GET", url: "/api/plans/templates" }),
    self: "the preloaded templates are the same for everyone",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, adminB: 200 },
  },
  {
    route: "GET /api/plans/overdue",
    request: () => ({ method: "GET", url: "/api/plans/overdue?today=2030-01-01" }),
    self: "each user sees the overdue activities of their own scope",
    expect: { adminA: 200, mocM1: 200, mocM2: 200, adminB: 200 },
    mustNotSee: { mocM2: (w) => [w.s1.code], adminB: (w) => [w.s1.code] },
  },
  {
    route: "GET /api/plans/programme-options",
    request: (w) => ({
      method: "GET",
      url: `/api/plans/programme-options?schoolId=${w.s1.id}&year=${PLAN_YEAR}`,
    }),
    expect: { directorS1: 200, mocM1: 200, mentorS1: 200, adminA: 200, mocM2: 404, adminB: 404 },
  },
  {
    route: "POST /api/plans",
    request: (w) => ({
      method: "POST",
      url: "/api/plans",
      payload: {
        source: "blank",
        kind: "quality_programme",
        title: "Программа повышения качества",
        period: { from: "2024-09-01", to: "2025-08-31" },
        schoolId: w.s1.id,
      },
    }),
    expect: {
      directorS1: 200,
      mocM1: 403,
      analystA: 403,
      mentorS1: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/plans/:id",
    request: (w) => ({ method: "GET", url: plan(w.plans.draft) }),
    expect: S1_READERS,
  },
  {
    route: "GET /api/plans/:id",
    name: "the regional road map",
    regionWide: "the region's road map is read by the region and its МОЦ",
    request: (w) => ({ method: "GET", url: plan(w.plans.regional) }),
    expect: {
      analystA: 200,
      adminA: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 404,
      mentorS1: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/plans/:id/versions/:version",
    request: (w) => ({ method: "GET", url: plan(w.plans.draft, "/versions/1") }),
    expect: S1_READERS,
  },
  {
    route: "PUT /api/plans/:id/content",
    request: async (w) => {
      const draft = await draftProgramme(w);
      return { method: "PUT", url: plan(draft.id, "/content"), payload: contentEdit(draft) };
    },
    expect: { directorS1: 200, mocM1: 403, mentorS1: 403, federal: 403, mocM2: 404, adminB: 404 },
  },
  {
    route: "POST /api/plans/:id/transitions",
    name: "the director submits its programme",
    request: async (w) => {
      const draft = await draftProgramme(w);
      return { method: "POST", url: plan(draft.id, "/transitions"), payload: { action: "submit" } };
    },
    expect: {
      directorS1: 200,
      mocM1: 403,
      adminA: 403,
      mentorS1: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "POST /api/plans/:id/transitions",
    name: "the МОЦ approves a submitted programme",
    request: async (w) => {
      const sent = await submittedProgramme(w);
      return { method: "POST", url: plan(sent.id, "/transitions"), payload: { action: "approve" } };
    },
    expect: {
      mocM1: 200,
      directorS1: 403,
      adminA: 403,
      analystA: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "POST /api/plans/:id/comments",
    request: (w) => ({
      method: "POST",
      url: plan(w.plans.draft, "/comments"),
      payload: { body: "Уточните сроки" },
    }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      mentorS1: 403,
      adminA: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "PATCH /api/plans/:id/order",
    request: (w) => ({ method: "PATCH", url: plan(w.plans.roadMap, "/order"), payload: { number: "71" } }),
    expect: {
      mocM1: 200,
      analystA: 403,
      adminA: 403,
      directorS1: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "PUT /api/plans/:id/activities/:activityId/state",
    request: (w) => ({
      method: "PUT",
      url: activity(w, "approvedFirst", "/state"),
      payload: { status: "in_progress" },
    }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      mentorS1: 403,
      adminA: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "POST /api/plans/:id/activities/:activityId/check-ins",
    request: (w) => ({
      method: "POST",
      url: activity(w, "approvedAssigned", "/check-ins"),
      payload: { date: "2025-02-10", text: "Проведено занятие", evidenceText: "", evidenceUrl: "" },
    }),
    expect: {
      mentorS1: 200,
      directorS1: 200,
      specialistS1: 403,
      adminA: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "PUT /api/plans/:id/activities/:activityId/assignees",
    request: (w) => ({
      method: "PUT",
      url: activity(w, "approvedFirst", "/assignees"),
      payload: { userIds: [w.users.specialistS1.id] },
    }),
    expect: {
      directorS1: 200,
      mocM1: 200,
      mentorS1: 403,
      adminA: 403,
      federal: 403,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/plans/:id/order.docx",
    request: (w) => ({ method: "GET", url: plan(w.plans.roadMap, "/order.docx") }),
    expect: {
      mocM1: 200,
      directorS1: 200,
      analystA: 200,
      federal: 200,
      mocM2: 404,
      mentorS1: 404,
      adminB: 404,
    },
  },
  {
    route: "GET /api/plans/:id/report.docx",
    request: (w) => ({ method: "GET", url: plan(w.plans.approved, "/report.docx") }),
    expect: { directorS1: 200, mocM1: 200, mentorS1: 200, adminA: 200, mocM2: 404, adminB: 404 },
  },
  {
    route: "GET /api/plans/:id/export.xlsx",
    request: (w) => ({ method: "GET", url: plan(w.plans.roadMap, "/export.xlsx") }),
    expect: { mocM1: 200, adminA: 200, directorS1: 200, mocM2: 404, adminB: 404 },
  },
];
