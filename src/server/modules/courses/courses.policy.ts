import { hasPermission } from "../../../shared/roles";
import { AppError } from "../../platform/errors";
import { REGION_WIDE_ROLES, requirePermission, resolveActorRegionId } from "../access/access.policy";
import type { Actor } from "../access/actor";

/**
 * Who may do what with courses: the catalogue is the region's — everyone who reads schools reads
 * it, only the regional operator (events.manage in a region-wide role) writes it; enrolments are
 * written by events.manage holders for the teachers in their scope (a МОЦ its municipality's, the
 * region all), and read by everyone for the teachers they see.
 */
export function coursePermissions(actor: Actor) {
  const canEnrol = hasPermission(actor.role, "events.manage");
  return { canEnrol, canManage: canEnrol && REGION_WIDE_ROLES.includes(actor.role) };
}

/** The region whose catalogue the actor reads. */
export function readRegion(actor: Actor, regionId?: number): number {
  requirePermission(actor, "school.read");
  return resolveActorRegionId(actor, regionId);
}

/** The region whose catalogue the actor writes: 403 for a МОЦ (it reads the catalogue only). */
export function manageRegion(actor: Actor, regionId?: number): number {
  if (!coursePermissions(actor).canManage) {
    throw new AppError("forbidden", "Каталог курсов ведёт региональный оператор");
  }
  return resolveActorRegionId(actor, regionId);
}

/** The region the actor enrols teachers in. */
export function enrolRegion(actor: Actor, regionId?: number): number {
  requirePermission(actor, "events.manage");
  return resolveActorRegionId(actor, regionId);
}
