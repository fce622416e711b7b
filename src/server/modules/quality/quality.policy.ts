import { canReadRegion, REGION_WIDE_ROLES } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** Where a МОЦ report or a text belongs. */
export type QualityPlace = { regionId: number; municipalityId: number | null };

/** Why an action on a МОЦ report is refused: no right (403), or out of the actor's reach (404). */
export type QualityRefusal = "forbidden" | "not_found";

/** True for the roles that read report quality at all: the region, the federal operator, a МОЦ. */
export function readsQuality(actor: Actor): boolean {
  return (
    actor.role === "federal_operator" ||
    REGION_WIDE_ROLES.includes(actor.role) ||
    actor.role === "moc_coordinator"
  );
}

/**
 * Who reads a МОЦ report or a compared text: the region's own region-wide users and a federal
 * operator allowed the region read all of it; a МОЦ reads its own municipality's. Others read none.
 */
export function canReadQualityText(actor: Actor, place: QualityPlace): boolean {
  if (actor.role === "moc_coordinator")
    return (
      actor.regionId === place.regionId &&
      place.municipalityId !== null &&
      place.municipalityId === actor.municipalityId
    );
  if (actor.role === "federal_operator") return canReadRegion(actor, place.regionId);
  return REGION_WIDE_ROLES.includes(actor.role) && actor.regionId === place.regionId;
}

/**
 * Who writes a МОЦ report: only the coordinator of the МОЦ of its municipality («МОЦ пишет свой
 * отчёт, регион читает все»). Another municipality's report is out of reach (404); every other
 * role has no right (403). Null when the write is allowed.
 */
export function refuseMocReportWrite(actor: Actor, place: QualityPlace): QualityRefusal | null {
  if (actor.role !== "moc_coordinator") return canReadQualityText(actor, place) ? "forbidden" : "not_found";
  return canReadQualityText(actor, place) ? null : "not_found";
}
