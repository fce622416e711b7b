import { eq } from "drizzle-orm";
import { measures } from "../../../../src/server/db/schema";
import type { MaterialItem } from "../../../../src/shared/materials-api";
import type { AgreementItem } from "../../../../src/shared/partners-api";
import { putValues } from "../../identification-support";
import { multipart, ok } from "../../partners-support";
import type { Clients, World } from "../../world";

/** The year of the matrix world's approved run (matrix-world.ts MATRIX_YEAR). */
const YEAR = 2025;

/** A social partner agreement of S1 as its director records it. */
export const socialAgreement = {
  partnerKind: "culture",
  partnerName: "МБУК «Районный дом культуры»",
  subject: "Внеурочная деятельность",
  startsOn: "2025-09-01",
};

/** A regional material of the bank. */
export const regionalMaterial = {
  title: "Методические рекомендации по наставничеству",
  kind: "recommendations",
  level: "regional",
  description: "Работа наставника с молодым педагогом.",
  tags: ["наставничество"],
};

/** A municipal material of M1. */
export const municipalMaterial = {
  title: "Сценарий открытого урока",
  kind: "lesson_scenario",
  level: "municipal",
  tags: ["урок"],
};

/** Adds an agreement of S1 by its director. */
export async function addAgreement(clients: Clients, schoolId: number): Promise<AgreementItem> {
  return ok<AgreementItem>(
    "agreement",
    await clients.directorS1.request({
      method: "POST",
      url: `/api/schools/${schoolId}/partners`,
      payload: socialAgreement,
    }),
  );
}

/** Adds a material by a client. */
export async function addMaterial(client: Clients[keyof Clients], payload: object): Promise<MaterialItem> {
  return ok<MaterialItem>(
    "material",
    await client.request({ method: "POST", url: "/api/materials", payload }),
  );
}

/**
 * What the partnership and materials rows act on in region A: ОГЭ results of its three schools for
 * the approved run's year (S1B the best, so it is suggested to S1), an agreement of S1 with its
 * document, a regional material with a file, a municipal one of M1, and a link of the regional one
 * from a measure of the library (which the plan fixtures seeded).
 */
export async function buildPartnersFixtures(world: World, clients: Clients) {
  for (const [school, value] of [
    [world.s1, 3.6],
    [world.s1b, 4.4],
    [world.s2, 3.1],
  ] as const) {
    await putValues(world.db, {
      regionId: world.regionA.id,
      schoolId: school.id,
      code: "oge_math_mean",
      values: { [YEAR]: value },
    });
  }
  const agreement = await addAgreement(clients, world.s1.id);
  ok(
    "agreement file",
    await clients.directorS1.request({
      method: "PUT",
      url: `/api/partner-agreements/${agreement.id}/file`,
      ...multipart("договор.pdf", "%PDF договор"),
    }),
  );
  const material = await addMaterial(clients.adminA, regionalMaterial);
  ok(
    "material file",
    await clients.adminA.request({
      method: "PUT",
      url: `/api/materials/${material.id}/file`,
      ...multipart("рекомендации.pdf", "%PDF рекомендации"),
    }),
  );
  const materialM1 = await addMaterial(clients.mocM1, municipalMaterial);
  const [measure] = await world.db
    .select({ id: measures.id })
    .from(measures)
    .where(eq(measures.regionId, world.regionA.id))
    .limit(1);
  if (!measure) throw new Error("no measure in region A");
  const link = ok<{ linkId: number }>(
    "link",
    await clients.adminA.request({
      method: "POST",
      url: "/api/material-links",
      payload: { materialId: material.id, entity: "measure", entityId: measure.id },
    }),
  );
  return {
    agreement: agreement.id,
    material: material.id,
    materialM1: materialM1.id,
    measure: measure.id,
    link: link.linkId,
  };
}
