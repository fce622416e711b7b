import { REGION_WIDE_ROLES, requireReadableRegion, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";

/** The region the actor works in; a federal operator names one it may read. */
export function resolveRegionId(actor: Actor, regionId?: number): number {
  return resolveActorRegionId(actor, regionId);
}

/** True for the actors who see a whole region's runs, approved or not: region roles and the federal operator. */
export function isRegionReader(actor: Actor): boolean {
  return actor.role === "federal_operator" || REGION_WIDE_ROLES.includes(actor.role);
}

/** 404 unless the actor works in this region (a federal operator in every region it may read). */
export function requireRegion(actor: Actor, regionId: number, what = "Объект"): void {
  requireReadableRegion(actor, regionId, what);
}
