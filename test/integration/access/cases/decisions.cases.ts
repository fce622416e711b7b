import { eq } from "drizzle-orm";
import { schoolDecisions } from "../../../../src/server/db/schema";
import type { Case } from "../case";
import { MATRIX_YEAR, type MatrixWorld } from "../matrix-world";

/** The programme year of the matrix world's approved run: its list (S2 of M2) is the programme of the next year. */
const YEAR = MATRIX_YEAR + 1;

const query = (w: MatrixWorld) => `year=${YEAR}&regionId=${w.regionA.id}&municipalityId=${w.m2.id}`;

/** Who reads M2's programme schools: the region, the federal operator and M2's МОЦ. */
const readersOfM2 = {
  adminA: 200,
  analystA: 200,
  federal: 200,
  mocM2: 200,
  mocM1: 404,
  directorS1: 404,
  mentorS1: 404,
  specialistS1: 404,
  adminB: 404,
};

/** Who decides on S2's proposal: the region (admin, analyst); region B's admin does not see it. */
const approversOfS2 = {
  adminA: 200,
  analystA: 200,
  federal: 403,
  mocM2: 403,
  mocM1: 403,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  adminB: 404,
};

/** Starts each row from S2 without a decision. */
async function clearDecision(w: MatrixWorld): Promise<void> {
  await w.db.delete(schoolDecisions).where(eq(schoolDecisions.schoolId, w.s2.id));
}

/** Starts each row from a fresh proposal of M2's МОЦ on S2; returns its id. */
async function freshProposal(w: MatrixWorld): Promise<number> {
  await clearDecision(w);
  const [row] = await w.db
    .insert(schoolDecisions)
    .values({
      regionId: w.regionA.id,
      municipalityId: w.m2.id,
      schoolId: w.s2.id,
      year: YEAR,
      kind: "continues",
      reasons: "Целевые показатели достигнуты частично",
      proposedByName: "МОЦ",
    })
    .returning({ id: schoolDecisions.id });
  if (!row) throw new Error("decision");
  return row.id;
}

/** Results and decisions of the programme, their export, proposals and approvals, the funnel. */
export const DECISION_CASES: Case[] = [
  {
    route: "GET /api/decisions",
    request: (w) => ({ method: "GET", url: `/api/decisions?${query(w)}` }),
    expect: readersOfM2,
  },
  {
    route: "GET /api/decisions.xlsx",
    request: (w) => ({ method: "GET", url: `/api/decisions.xlsx?${query(w)}` }),
    expect: readersOfM2,
  },
  {
    route: "POST /api/decisions",
    request: async (w) => {
      await clearDecision(w);
      return {
        method: "POST",
        url: "/api/decisions",
        payload: {
          schoolId: w.s2.id,
          year: YEAR,
          kind: "leaves",
          reasons: "Все целевые показатели достигнуты",
        },
      };
    },
    expect: {
      mocM2: 200,
      mocM1: 404,
      adminA: 403,
      analystA: 403,
      federal: 403,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      adminB: 403,
    },
  },
  {
    route: "POST /api/decisions/:id/approve",
    request: async (w) => ({ method: "POST", url: `/api/decisions/${await freshProposal(w)}/approve` }),
    expect: approversOfS2,
  },
  {
    route: "POST /api/decisions/:id/return",
    request: async (w) => ({
      method: "POST",
      url: `/api/decisions/${await freshProposal(w)}/return`,
      payload: { message: "Уточните основания" },
    }),
    expect: approversOfS2,
  },
  {
    route: "GET /api/programme/funnel",
    request: (w) => ({ method: "GET", url: `/api/programme/funnel?${query(w)}` }),
    expect: readersOfM2,
  },
];
