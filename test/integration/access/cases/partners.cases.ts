import { and, eq } from "drizzle-orm";
import { partnerAgreements } from "../../../../src/server/db/schema";
import { multipart } from "../../partners-support";
import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";
import { addAgreement, socialAgreement } from "./partners.fixtures";

/** Everyone who reads S1 reads its partnerships; M2's МОЦ and region B do not. */
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
/** S1's director, M1's МОЦ and the region's admin write S1's partnerships; the rest lack the right or the school. */
const writersOfS1 = {
  directorS1: 200,
  mocM1: 200,
  adminA: 200,
  analystA: 403,
  mentorS1: 403,
  specialistS1: 403,
  federal: 403,
  mocM2: 404,
  adminB: 404,
};
const agreementUrl = async (w: MatrixWorld, tail = "") =>
  `/api/partner-agreements/${(await addAgreement(w.clients, w.s1.id)).id}${tail}`;

/** A school's partnerships, the suggestions, the agreements and their documents, the overview. */
export const PARTNER_CASES: Case[] = [
  {
    route: "GET /api/schools/:id/partners",
    request: (w) => ({ method: "GET", url: `/api/schools/${w.s1.id}/partners` }),
    expect: readersOfS1,
  },
  {
    route: "POST /api/schools/:id/partners",
    request: (w) => ({ method: "POST", url: `/api/schools/${w.s1.id}/partners`, payload: socialAgreement }),
    expect: writersOfS1,
  },
  {
    route: "POST /api/schools/:id/partners/from-suggestion",
    request: async (w) => {
      // S1B is suggested to S1 until it becomes its partner: each owner starts without that agreement.
      await w.db
        .delete(partnerAgreements)
        .where(and(eq(partnerAgreements.schoolId, w.s1.id), eq(partnerAgreements.partnerSchoolId, w.s1b.id)));
      return {
        method: "POST",
        url: `/api/schools/${w.s1.id}/partners/from-suggestion`,
        payload: { partnerSchoolId: w.s1b.id },
      };
    },
    expect: writersOfS1,
  },
  {
    route: "PATCH /api/partner-agreements/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/partner-agreements/${w.fixtures.partners.agreement}`,
      payload: { subject: "Профориентация" },
    }),
    expect: writersOfS1,
  },
  {
    route: "DELETE /api/partner-agreements/:id",
    request: async (w) => ({ method: "DELETE", url: await agreementUrl(w) }),
    expect: writersOfS1,
  },
  {
    route: "PUT /api/partner-agreements/:id/file",
    request: async (w) => ({
      method: "PUT",
      url: await agreementUrl(w, "/file"),
      ...multipart("d.pdf", "%PDF d"),
    }),
    expect: writersOfS1,
  },
  {
    route: "GET /api/partner-agreements/:id/file",
    request: (w) => ({ method: "GET", url: `/api/partner-agreements/${w.fixtures.partners.agreement}/file` }),
    expect: readersOfS1,
  },
  {
    route: "GET /api/partners/overview",
    name: "M1's overview",
    request: (w) => ({
      method: "GET",
      url: `/api/partners/overview?regionId=${w.regionA.id}&municipalityId=${w.m1.id}`,
    }),
    expect: {
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM1: 200,
      mocM2: 404,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 404,
    },
  },
];
