import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";

const staff = { fullName: "Петрова Анна Сергеевна", position: "psychologist", email: "", phone: "" };
const unique = () => Math.random().toString(36).slice(2, 8);
const newSchool = (municipalityId: number) => ({
  code: `NEW-${municipalityId}-${unique()}`,
  fullName: "МБОУ «Новая школа»",
  shortName: "Новая школа",
  municipalityId,
  kind: "СОШ",
  isRural: true,
  isSmall: true,
  students: 40,
  teachers: 9,
});
const regionACodes = (w: MatrixWorld) => [w.s1.code, w.s1b.code, w.s2.code];

/** Regions, the overview, municipalities, МОЦ staff and schools. */
export const HIERARCHY_CASES: Case[] = [
  {
    route: "GET /api/regions",
    request: () => ({ method: "GET", url: "/api/regions" }),
    self: "each user sees the regions of their scope",
    expect: { adminA: 200, mocM1: 200, adminB: 200, federal: 200 },
    mustNotSee: { adminB: (w) => [w.regionA.code] },
  },
  {
    route: "GET /api/overview",
    request: (w) => ({ method: "GET", url: `/api/overview?regionId=${w.regionA.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      federal: 200,
      adminB: 404,
      mocM1: 403,
      directorS1: 403,
      mentorS1: 403,
    },
  },
  {
    route: "GET /api/municipalities",
    request: () => ({ method: "GET", url: "/api/municipalities" }),
    self: "each user sees the municipalities of their scope",
    expect: { adminA: 200, mocM1: 200, adminB: 200, directorS1: 403, mentorS1: 403, specialistS1: 403 },
    mustNotSee: { adminB: (w) => [w.m1.code, w.m2.code], mocM1: (w) => [w.m2.code] },
  },
  {
    route: "GET /api/municipalities/:id",
    request: (w) => ({ method: "GET", url: `/api/municipalities/${w.m2.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      mocM2: 200,
      mocM1: 404,
      adminB: 404,
      directorS1: 403,
      federal: 200,
    },
  },
  {
    route: "POST /api/municipalities/:id/staff",
    request: (w) => ({ method: "POST", url: `/api/municipalities/${w.m2.id}/staff`, payload: staff }),
    expect: {
      adminA: 200,
      mocM2: 200,
      mocM1: 404,
      analystA: 403,
      adminB: 404,
      directorS1: 403,
      federal: 403,
    },
  },
  {
    route: "PATCH /api/staff/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/staff/${w.fixtures.staffM2}`,
      payload: { phone: "+7 900 000-00-00" },
    }),
    expect: {
      adminA: 200,
      mocM2: 200,
      mocM1: 404,
      analystA: 403,
      adminB: 404,
      directorS1: 403,
      federal: 403,
    },
  },
  {
    route: "DELETE /api/staff/:id",
    name: "a refused delete of M2's staff member",
    request: (w) => ({ method: "DELETE", url: `/api/staff/${w.fixtures.staffM2}` }),
    expect: { mocM1: 404, analystA: 403, adminB: 404, directorS1: 403, mentorS1: 403, federal: 403 },
  },
  {
    route: "DELETE /api/staff/:id",
    name: "the owner deletes a staff member of its own",
    request: async (w) => {
      const res = await w.clients.mocM2.request({
        method: "POST",
        url: `/api/municipalities/${w.m2.id}/staff`,
        payload: staff,
      });
      return { method: "DELETE", url: `/api/staff/${res.json().id}` };
    },
    expect: { mocM2: 200, adminA: 200, mocM1: 404, adminB: 404 },
  },
  {
    route: "GET /api/schools",
    request: () => ({ method: "GET", url: "/api/schools" }),
    self: "each user lists the schools of their scope",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, specialistS1: 200, adminB: 200 },
    mustNotSee: {
      adminB: regionACodes,
      mocM1: (w) => [w.s2.code],
      directorS1: (w) => [w.s1b.code, w.s2.code],
      mentorS1: (w) => [w.s1b.code, w.s2.code],
    },
  },
  {
    route: "GET /api/schools/:id",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s2.id}` }),
    expect: {
      adminA: 200,
      analystA: 200,
      mocM2: 200,
      mocM1: 404,
      directorS1: 404,
      mentorS1: 404,
      specialistS1: 404,
      adminB: 404,
      federal: 200,
    },
  },
  {
    route: "PATCH /api/schools/:id",
    request: (w) => ({ method: "PATCH", url: `/api/schools/${w.s2.id}`, payload: { students: 321 } }),
    expect: {
      adminA: 200,
      mocM2: 200,
      mocM1: 404,
      analystA: 403,
      directorS1: 404,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
      federal: 403,
    },
  },
  {
    route: "PATCH /api/schools/:id",
    name: "a refused change of S1's code (its identity)",
    request: (w) => ({ method: "PATCH", url: `/api/schools/${w.s1.id}`, payload: { code: `X-${unique()}` } }),
    expect: { directorS1: 403, mocM1: 403, analystA: 403, mocM2: 404, adminB: 404, federal: 403 },
  },
  {
    route: "PATCH /api/schools/:id",
    name: "the region moves a new school of M1 to M2 (identity)",
    request: async (w) => {
      const created = await w.clients.adminA.request({
        method: "POST",
        url: "/api/schools",
        payload: newSchool(w.m1.id),
      });
      return {
        method: "PATCH",
        url: `/api/schools/${created.json().id}`,
        payload: { municipalityId: w.m2.id },
      };
    },
    expect: { adminA: 200, mocM1: 403, mocM2: 404, adminB: 404 },
  },
  {
    route: "POST /api/schools",
    request: (w) => ({ method: "POST", url: "/api/schools", payload: newSchool(w.m1.id) }),
    expect: {
      adminA: 200,
      mocM1: 403,
      mocM2: 403,
      analystA: 403,
      adminB: 404,
      directorS1: 403,
      federal: 403,
    },
  },
];
