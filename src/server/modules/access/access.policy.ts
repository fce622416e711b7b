import { hasPermission, type Permission, type Role } from "../../../shared/roles";
import { AppError, notFound } from "../../platform/errors";
import type { Actor } from "./actor";

/** Throws 403 unless the actor's role has the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) {
    throw new AppError("forbidden", "Недостаточно прав для этого действия");
  }
}

/** True when the actor's role has the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return hasPermission(actor.role, permission);
}

/** Roles whose users see a whole region. */
export const REGION_WIDE_ROLES: readonly Role[] = ["region_admin", "region_analyst"];

/** Roles whose users see only schools assigned to them. */
export const ASSIGNMENT_ROLES: readonly Role[] = ["mentor", "specialist"];

/**
 * The place in the hierarchy a user of a role must have: which of region, municipality and school
 * must be set. Used when creating users so that no user is left with an undefined scope.
 */
export function requiredScope(role: Role): { region: boolean; municipality: boolean; school: boolean } {
  switch (role) {
    case "federal_operator":
      return { region: false, municipality: false, school: false };
    case "region_admin":
    case "region_analyst":
    case "mentor":
    case "specialist":
      return { region: true, municipality: false, school: false };
    case "moc_coordinator":
      return { region: true, municipality: true, school: false };
    case "school_director":
      return { region: true, municipality: false, school: true };
  }
}

/** The permissions of one school for this actor, sent to the UI with the school. */
export function schoolPermissions(actor: Actor): { canEdit: boolean; canEditIdentity: boolean } {
  return { canEdit: can(actor, "school.update"), canEditIdentity: can(actor, "school.create") };
}

/** True when the actor may read this region: its own, or any listed for a federal operator. */
export function canReadRegion(actor: Actor, regionId: number): boolean {
  if (actor.role !== "federal_operator") return actor.regionId === regionId;
  return actor.federalRegionIds === null || actor.federalRegionIds.includes(regionId);
}

/** 404 unless the actor may read this region (nothing is said about whether it exists). */
export function requireReadableRegion(actor: Actor, regionId: number, what = "Регион"): void {
  if (!canReadRegion(actor, regionId)) throw notFound(what);
}

/**
 * The region a request works in: the actor's own (a different one named is 404), or for a federal
 * operator the one it names, which it must be allowed to read.
 */
export function resolveActorRegionId(actor: Actor, regionId?: number | null): number {
  if (actor.regionId !== null) {
    if (regionId !== undefined && regionId !== null && regionId !== actor.regionId) throw notFound("Регион");
    return actor.regionId;
  }
  if (regionId === undefined || regionId === null) {
    throw new AppError("invalid_input", "Выберите регион", [
      { path: "regionId", message: "Выберите регион" },
    ]);
  }
  requireReadableRegion(actor, regionId);
  return regionId;
}
