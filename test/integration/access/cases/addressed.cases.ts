import type { Case } from "../case";
import { MATRIX_YEAR, type MatrixWorld } from "../matrix-world";

const addressed = (w: MatrixWorld) =>
  `/api/support/addressed?year=${MATRIX_YEAR}&regionId=${w.regionA.id}&municipalityId=${w.m1.id}`;

/** Addressed support of M1's programme schools: the region and M1's МОЦ; schools, mentors, specialists have none. */
export const ADDRESSED_CASES: Case[] = [
  {
    route: "GET /api/support/addressed",
    request: (w) => ({ method: "GET", url: addressed(w) }),
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
