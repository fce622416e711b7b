import { multipart } from "../../partners-support";
import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";
import { addMaterial, municipalMaterial, regionalMaterial } from "./partners.fixtures";

const m1Material = async (w: MatrixWorld, tail = "") =>
  `/api/materials/${(await addMaterial(w.clients.mocM1, municipalMaterial)).id}${tail}`;
/** Writers of an M1 material: the region's roles and M1's МОЦ; M2's МОЦ and region B do not reach it. */
const writersOfM1 = {
  adminA: 200,
  analystA: 200,
  mocM1: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  federal: 403,
  adminB: 404,
};
/** The bank is the region's: everyone of region A reads region A's materials; region B does not. */
const readersOfA = {
  adminA: 200,
  analystA: 200,
  mocM1: 200,
  mocM2: 200,
  directorS1: 200,
  mentorS1: 200,
  specialistS1: 200,
  federal: 200,
  adminB: 404,
};
const regionWide = "the materials bank is the region's: every user of the region reads it";

/** The materials bank: search, the materials, their files, and their links. */
export const MATERIAL_CASES: Case[] = [
  {
    route: "GET /api/materials",
    request: () => ({ method: "GET", url: `/api/materials?q=${encodeURIComponent("наставничество")}` }),
    self: "each user searches the bank of their own region",
    expect: { adminA: 200, mocM1: 200, directorS1: 200, mentorS1: 200, adminB: 200 },
    mustNotSee: { adminB: () => ["Методические рекомендации по наставничеству"] },
  },
  {
    route: "POST /api/materials",
    name: "a material of M1",
    request: (w) => ({
      method: "POST",
      url: "/api/materials",
      payload: { ...municipalMaterial, municipalityId: w.m1.id },
    }),
    self: "each writer adds to the bank of their own region, a МОЦ for its own municipality only; M1 is not region B's (400)",
    expect: {
      adminA: 200,
      analystA: 200,
      mocM1: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 400,
    },
  },
  {
    route: "POST /api/materials",
    name: "a МОЦ cannot add a regional material",
    request: () => ({ method: "POST", url: "/api/materials", payload: regionalMaterial }),
    self: "refusal by level, not by place",
    expect: { mocM1: 403, adminA: 200 },
  },
  {
    route: "GET /api/materials/:id",
    request: (w) => ({ method: "GET", url: `/api/materials/${w.fixtures.partners.materialM1}` }),
    regionWide,
    expect: readersOfA,
  },
  {
    route: "PATCH /api/materials/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/materials/${w.fixtures.partners.materialM1}`,
      payload: { description: "Обновлено" },
    }),
    expect: writersOfM1,
  },
  {
    route: "DELETE /api/materials/:id",
    request: async (w) => ({ method: "DELETE", url: await m1Material(w) }),
    expect: writersOfM1,
  },
  {
    route: "PUT /api/materials/:id/file",
    request: async (w) => ({
      method: "PUT",
      url: await m1Material(w, "/file"),
      ...multipart("u.pdf", "%PDF u"),
    }),
    expect: writersOfM1,
  },
  {
    route: "GET /api/materials/:id/file",
    request: (w) => ({ method: "GET", url: `/api/materials/${w.fixtures.partners.material}/file` }),
    regionWide,
    expect: readersOfA,
  },
  {
    route: "GET /api/material-links",
    request: (w) => ({
      method: "GET",
      url: `/api/material-links?entity=measure&entityId=${w.fixtures.partners.measure}`,
    }),
    regionWide: "a measure of the region's library is read by the whole region",
    expect: readersOfA,
  },
  {
    route: "POST /api/material-links",
    request: async (w) => ({
      method: "POST",
      url: "/api/material-links",
      payload: {
        materialId: (await addMaterial(w.clients.adminA, regionalMaterial)).id,
        entity: "measure",
        entityId: w.fixtures.partners.measure,
      },
    }),
    regionWide: "the measure library is the region's: every writer of the region links to it",
    expect: {
      adminA: 200,
      analystA: 200,
      mocM1: 200,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
  {
    route: "DELETE /api/material-links/:id",
    request: async (w) => {
      const material = await addMaterial(w.clients.adminA, regionalMaterial);
      const res = await w.clients.adminA.request({
        method: "POST",
        url: "/api/material-links",
        payload: { materialId: material.id, entity: "measure", entityId: w.fixtures.partners.measure },
      });
      return { method: "DELETE", url: `/api/material-links/${res.json().linkId}` };
    },
    regionWide: "the measure library is the region's: every writer of the region unlinks from it",
    expect: {
      adminA: 200,
      analystA: 200,
      mocM1: 200,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
      adminB: 404,
    },
  },
];
