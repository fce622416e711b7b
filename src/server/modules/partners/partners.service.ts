import { PARTNER_KINDS } from "../../../core/partners";
import type { PartnersOverview, SchoolPartners } from "../../../shared/partners-api";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { can, requirePermission, resolveActorRegionId } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findSchoolInScope } from "../hierarchy/school.repo";
import { loadRegionPartnerBasis, suggestionsFor } from "./partner-suggestions.service";
import { toAgreementItem, todayIso } from "./partner-view";
import { findAgreements, findMunicipalitiesInScope } from "./partners.repo";

/**
 * A school's partnerships, for everyone who reads the school: its agreements (with partner schools
 * and social partners), the partner schools suggested for it (high-result or resilient schools, the
 * same cluster of social conditions first, nearest first, each with its sentence; its current
 * partner schools left out) and what they were computed from.
 */
export async function getSchoolPartners({
  db,
  actor,
  schoolId,
  today = todayIso(),
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  today?: string;
}): Promise<SchoolPartners> {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  const [rows, basis] = await Promise.all([
    findAgreements(db, { scope: undefined, schoolId }),
    loadRegionPartnerBasis(db, school.regionId),
  ]);
  const partnerIds = new Set(
    rows.flatMap((row) => (row.partnerSchoolId === null ? [] : [row.partnerSchoolId])),
  );
  const suggestions = suggestionsFor(basis, schoolId, partnerIds);
  return {
    school: {
      id: school.id,
      code: school.code,
      name: school.shortName,
      municipalityId: school.municipalityId,
      municipalityName: school.municipalityName,
    },
    isProgrammeSchool: basis.programmeSchoolIds.has(schoolId),
    agreements: rows.map((row) => toAgreementItem(row, actor, today)),
    suggestions: suggestions.map((s) => ({
      school: {
        id: s.schoolId,
        code: s.code,
        name: s.name,
        municipalityId: s.municipalityId,
        municipalityName: s.municipalityName,
      },
      strength: s.strength,
      cluster: s.cluster,
      clusterName: s.cluster === null ? null : (basis.clusterNames.get(s.cluster) ?? null),
      isSameCluster: s.isSameCluster,
      distanceKm: s.distanceKm === null ? null : Math.round(s.distanceKm * 10) / 10,
      sentence: s.sentence,
    })),
    basis: { runId: basis.runId, year: basis.year, notes: basis.notes },
    permissions: { canWrite: can(actor, "partnership.write") },
  };
}

/**
 * The partnerships of a region (or of one municipality; a МОЦ sees its own): per municipality the
 * programme schools of the latest approved run and how many have a partner school or a social
 * partner in force, the agreements by kind, every programme school's counts, and the agreements.
 */
export async function getPartnersOverview({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { regionId?: number; municipalityId?: number; today?: string };
}): Promise<PartnersOverview> {
  requirePermission(actor, "municipality.read");
  const regionId = resolveActorRegionId(actor, query.regionId);
  const municipalityId =
    query.municipalityId ?? (actor.role === "moc_coordinator" ? actor.municipalityId : null);
  if (municipalityId !== null && municipalityId !== undefined) {
    await requireMunicipalityAccess(db, {
      actor,
      permission: "municipality.read",
      municipalityIds: [municipalityId],
    });
  }
  const today = query.today ?? todayIso();
  const [municipalityRows, rows, basis] = await Promise.all([
    findMunicipalitiesInScope(db, regionId, municipalityScope(actor)),
    findAgreements(db, { scope: schoolScope(actor), regionId, municipalityId: municipalityId ?? undefined }),
    loadRegionPartnerBasis(db, regionId, { withSuggestions: false }),
  ]);
  const items = rows.map((row) => toAgreementItem(row, actor, today));
  const inForce = items.filter((item) => item.isActive);
  const counts = new Map<number, { school: number; social: number }>();
  for (const item of inForce) {
    const entry = counts.get(item.school.id) ?? { school: 0, social: 0 };
    if (item.partnerKind === "school") entry.school += 1;
    else entry.social += 1;
    counts.set(item.school.id, entry);
  }
  const programme = [...basis.programmeSchoolIds]
    .flatMap((id) => {
      const place = basis.places.get(id);
      return place && (municipalityId == null || place.municipalityId === municipalityId) ? [place] : [];
    })
    .filter((place) => municipalityRows.some((m) => m.id === place.municipalityId))
    .sort((a, b) => a.code.localeCompare(b.code));
  const municipalities = municipalityRows
    .filter((m) => municipalityId == null || m.id === municipalityId)
    .map((m) => {
      const own = programme.filter((place) => place.municipalityId === m.id);
      return {
        id: m.id,
        name: m.name,
        programmeSchools: own.length,
        withSchoolPartner: own.filter((place) => (counts.get(place.id)?.school ?? 0) > 0).length,
        withSocialPartner: own.filter((place) => (counts.get(place.id)?.social ?? 0) > 0).length,
        agreements: items.filter((item) => item.school.municipalityId === m.id).length,
      };
    });
  return {
    regionId,
    municipalityId: municipalityId ?? null,
    runId: basis.runId,
    municipalities,
    byKind: PARTNER_KINDS.map((kind) => ({
      kind,
      agreements: inForce.filter((item) => item.partnerKind === kind).length,
    })),
    programmeSchools: programme.map((place) => ({
      school: {
        id: place.id,
        code: place.code,
        name: place.name,
        municipalityId: place.municipalityId,
        municipalityName: place.municipalityName,
      },
      schoolPartners: counts.get(place.id)?.school ?? 0,
      socialPartners: counts.get(place.id)?.social ?? 0,
    })),
    agreements: items,
  };
}
