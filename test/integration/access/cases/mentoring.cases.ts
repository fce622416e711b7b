import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";
import {
  CANDIDATE_S1B,
  freshCandidateS1b,
  freshTeacherS1,
  MENTORING_YEAR,
  putPair,
} from "./mentoring.fixtures";

const Y = MENTORING_YEAR;
const f = (w: MatrixWorld) => w.fixtures.mentoring;
/** A new suggested pair of S1's teacher for each request: a decision changes it. */
const suggestedS1 = async (w: MatrixWorld, mentor: "mentorM1" | "mentorM2" = "mentorM1") =>
  putPair(w.db, { mentorId: f(w)[mentor], teacherId: f(w).teacherS1, status: "suggested" });
/** S1's МОЦ and the region decide on S1's pairs; M2's МОЦ and region B do not see them; others lack the right. */
const deciders = {
  mocM1: 200,
  adminA: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  federal: 403,
  adminB: 404,
};
const hiddenS1 = () => ["Матричная Анна Петровна"];
const meeting = { heldOn: "2025-02-01", format: "in_person", topic: "Оценивание", outcome: "" };

/** Mentoring: the mentors registry, the matching, pairs and their decisions, meetings. */
export const MENTORING_CASES: Case[] = [
  {
    route: "GET /api/mentoring/mentors",
    request: (w) => ({ method: "GET", url: `/api/mentoring/mentors?year=${Y}&regionId=${w.regionA.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 403,
      mentorS1: 403,
      adminB: 404,
    },
    // M2's МОЦ reads M1's active mentors too (its matching may use them), marked and read-only
  },
  {
    route: "GET /api/mentoring/candidates",
    request: (w) => ({ method: "GET", url: `/api/mentoring/candidates?year=${Y}&regionId=${w.regionA.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
    },
    mustNotSee: { mocM2: () => [CANDIDATE_S1B] },
  },
  {
    route: "POST /api/mentoring/candidates/:teacherId",
    request: async (w) => ({
      method: "POST",
      url: `/api/mentoring/candidates/${await freshCandidateS1b(w)}?year=${Y}`,
      payload: { capacity: 2 },
    }),
    expect: {
      mocM1: 200,
      adminA: 200,
      analystA: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "POST /api/mentoring/mentors",
    request: async (w) => ({
      method: "POST",
      url: `/api/mentoring/mentors?year=${Y}`,
      payload: {
        kind: "teacher",
        teacherId: await freshTeacherS1(w),
        strengths: { digital: 85 },
        capacity: 2,
      },
    }),
    expect: {
      mocM1: 200,
      adminA: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "PUT /api/mentoring/mentors/:id",
    request: (w) => ({
      method: "PUT",
      url: `/api/mentoring/mentors/${f(w).mentorM1}?year=${Y}`,
      payload: { capacity: 20 },
    }),
    expect: {
      mocM1: 200,
      adminA: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "POST /api/mentoring/matching",
    request: (w) => ({
      method: "POST",
      url: "/api/mentoring/matching",
      payload: { year: Y, municipalityId: w.m1.id },
    }),
    expect: {
      mocM1: 200,
      adminA: 200,
      analystA: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "GET /api/mentoring/pairs",
    request: (w) => ({ method: "GET", url: `/api/mentoring/pairs?year=${Y}&regionId=${w.regionA.id}` }),
    expect: {
      adminA: 200,
      federal: 200,
      mocM1: 200,
      mocM2: 200,
      directorS1: 200,
      mentorS1: 200,
      specialistS1: 200,
      adminB: 404,
    },
    mustNotSee: { mocM2: hiddenS1, specialistS1: hiddenS1 },
  },
  {
    route: "GET /api/mentoring/pairs/:id",
    request: (w) => ({ method: "GET", url: `/api/mentoring/pairs/${f(w).confirmedS1}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM1: 200,
      directorS1: 200,
      mentorS1: 200,
      mocM2: 404,
      specialistS1: 404,
      adminB: 404,
    },
  },
  {
    route: "POST /api/mentoring/pairs/:id/confirm",
    request: async (w) => ({ method: "POST", url: `/api/mentoring/pairs/${await suggestedS1(w)}/confirm` }),
    expect: deciders,
  },
  {
    route: "POST /api/mentoring/pairs/:id/reject",
    request: async (w) => ({ method: "POST", url: `/api/mentoring/pairs/${await suggestedS1(w)}/reject` }),
    expect: deciders,
  },
  {
    route: "PUT /api/mentoring/pairs/:id/mentor",
    request: async (w) => ({
      method: "PUT",
      url: `/api/mentoring/pairs/${await suggestedS1(w, "mentorM2")}/mentor`,
      payload: { mentorId: f(w).mentorM1 },
    }),
    expect: deciders,
  },
  {
    route: "POST /api/mentoring/pairs/:id/meetings",
    request: (w) => ({
      method: "POST",
      url: `/api/mentoring/pairs/${f(w).confirmedS1}/meetings`,
      payload: meeting,
    }),
    expect: {
      mentorS1: 200,
      mocM1: 200,
      mocM2: 404,
      directorS1: 403,
      adminA: 403,
      federal: 403,
      specialistS1: 403,
      adminB: 403,
    },
  },
];
