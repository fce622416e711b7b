import { hasPermission, type Permission, type Role } from "../../../shared/roles";
import { AppError } from "../../platform/errors";
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
