import { createRng } from "../../../core/demo";
import {
  demoMaterials,
  PARTNERSHIP_SUBJECTS,
  SOCIAL_PARTNER_NAMES,
} from "../../../core/demo/partners/materials.data";
import { SOCIAL_PARTNER_KINDS } from "../../../core/partners";
import type { partnerAgreements } from "../../db/schema";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { findMeasures } from "../causes/measure.repo";
import { insertLinks, insertMaterials } from "../materials/materials.repo";
import { loadRegionPartnerBasis, suggestionsFor } from "../partners/partner-suggestions.service";
import { insertAgreements } from "../partners/partners.repo";

/** How many programme schools of the demo have partner-school agreements (seed 003: 35 of 59 in 2019). */
export const DEMO_PARTNERED_SCHOOLS = 35;

/** What the demo's partnerships and materials bank added. */
export type DemoPartnersSummary = { partnerAgreements: number; materials: number; materialLinks: number };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The demo region's partnerships and materials bank for the school year after the latest approved
 * run: 35 of its programme schools with an agreement with their first suggested partner school (the
 * same cluster of social conditions, nearest; signed in September, the suggestion's sentence kept),
 * a few of them with a second one still a draft; social partners for those schools and some others;
 * a bank of 60 materials with Russian texts and tags, two thirds of them linked from measures of the
 * library. Deterministic from the seed.
 */
export async function loadDemoPartners(
  db: Db,
  input: { seed: number; regionId: number; year: number; analyst: Actor },
): Promise<DemoPartnersSummary> {
  const rng = createRng(input.seed, "partners");
  const basis = await loadRegionPartnerBasis(db, input.regionId);
  const programme = [...basis.programmeSchoolIds].sort((a, b) => a - b);
  const partnered = rng.shuffle(programme).slice(0, DEMO_PARTNERED_SCHOOLS);
  const by = { createdBy: input.analyst.userId, updatedBy: input.analyst.userId };
  const rows: (typeof partnerAgreements.$inferInsert)[] = [];
  const start = `${input.year}-09-01`;
  const end = `${input.year + 1}-06-30`;
  for (const schoolId of partnered) {
    const [first, second] = suggestionsFor(basis, schoolId, new Set(), 2);
    const place = basis.places.get(schoolId);
    if (!first || !place) continue;
    const day = pad(rng.int(1, 15));
    rows.push({
      ...by,
      regionId: input.regionId,
      schoolId,
      partnerKind: "school",
      partnerSchoolId: first.schoolId,
      subject: rng.pick(PARTNERSHIP_SUBJECTS),
      startsOn: `${input.year}-09-${day}`,
      endsOn: end,
      status: "signed",
      documentNumber: `${rng.int(1, 120)}/${String(input.year).slice(2)}`,
      documentDate: `${input.year}-09-${day}`,
      note: first.sentence,
      updatedByName: "Директор школы",
    });
    if (second && rng.chance(0.25)) {
      rows.push({
        ...by,
        regionId: input.regionId,
        schoolId,
        partnerKind: "school",
        partnerSchoolId: second.schoolId,
        subject: rng.pick(PARTNERSHIP_SUBJECTS),
        startsOn: `${input.year}-11-01`,
        status: "draft",
        note: second.sentence,
        updatedByName: "Директор школы",
      });
    }
  }
  const withSocial = [...partnered, ...programme.filter((id) => !partnered.includes(id) && rng.chance(0.5))];
  for (const schoolId of withSocial) {
    const place = basis.places.get(schoolId);
    if (!place) continue;
    for (const kind of rng.shuffle(SOCIAL_PARTNER_KINDS).slice(0, rng.int(1, 3))) {
      rows.push({
        ...by,
        regionId: input.regionId,
        schoolId,
        partnerKind: kind,
        partnerName: rng.pick(SOCIAL_PARTNER_NAMES[kind]).replace("{m}", place.municipalityName),
        subject:
          kind === "parents" ? "Участие родителей в жизни школы" : "Внеурочная деятельность и воспитание",
        startsOn: start,
        endsOn: end,
        status: "signed",
        documentNumber: kind === "parents" ? "" : `${rng.int(1, 60)}`,
        documentDate: kind === "parents" ? null : start,
        updatedByName: "Директор школы",
      });
    }
  }
  await insertAgreements(db, rows);
  const bank = demoMaterials();
  const municipalities = [...new Set([...basis.places.values()].map((place) => place.municipalityId))].sort(
    (a, b) => a - b,
  );
  const ids = await insertMaterials(
    db,
    bank.map((material, i) => ({
      ...material,
      ...by,
      regionId: input.regionId,
      municipalityId:
        material.level === "municipal" ? (municipalities[i % municipalities.length] ?? null) : null,
      schoolId: null,
      level: material.level === "municipal" && municipalities.length === 0 ? "regional" : material.level,
      tagsText: material.tags.join(" "),
      updatedByName: input.analyst.fullName,
    })),
  );
  const measures = (await findMeasures(db, input.regionId)).filter((m) => !m.isRetired);
  const links =
    measures.length === 0
      ? []
      : ids.flatMap((materialId, i) =>
          i % 3 === 2
            ? []
            : [
                {
                  materialId,
                  entity: "measure" as const,
                  entityId: measures[i % measures.length]!.id,
                  createdBy: input.analyst.userId,
                },
              ],
        );
  await insertLinks(db, links);
  return { partnerAgreements: rows.length, materials: ids.length, materialLinks: links.length };
}
