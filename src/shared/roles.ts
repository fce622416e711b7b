import { z } from "zod";

/**
 * Roles of Opora's users, from the widest scope to the narrowest.
 * - federal_operator: every region (федеральный оператор, e.g. project 500+)
 * - region_admin: administers one region (users, hierarchy, audit log)
 * - region_analyst: reads everything in the region and runs analytics (региональный оператор)
 * - moc_coordinator: one municipality (координатор МОЦ)
 * - school_director: one school (директор ОО)
 * - mentor / specialist: only the schools assigned to them (наставник, специалист)
 */
export const ROLES = [
  "federal_operator",
  "region_admin",
  "region_analyst",
  "moc_coordinator",
  "school_director",
  "mentor",
  "specialist",
] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Things a user may do; checked on the server, sent to the UI so that buttons hide by the same rules.
 * `analytics.run` computes without storing (previews, the contextual model, clusters);
 * `identification.manage` writes rule sets and stores runs; `identification.approve` makes a run's
 * list the region's official one; `identification.withdraw` takes an approved list back, with a reason.
 */
export const PERMISSIONS = [
  "region.read",
  "municipality.read",
  "municipality.write",
  "school.read",
  "school.create",
  "school.update",
  "staff.write",
  "user.manage",
  "audit.read",
  "analytics.run",
  "identification.manage",
  "identification.approve",
  "identification.withdraw",
  "indicator.manage",
  "data.import",
  "data.enter",
  "data.approve",
  "data.accept",
  "data.export",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** The role → permission map: the one place that says who may do what. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  federal_operator: ["region.read", "municipality.read", "school.read", "analytics.run", "data.export"],
  region_admin: [
    "region.read",
    "municipality.read",
    "municipality.write",
    "school.read",
    "school.create",
    "school.update",
    "staff.write",
    "user.manage",
    "audit.read",
    "analytics.run",
    "identification.manage",
    "identification.approve",
    "identification.withdraw",
    "indicator.manage",
    "data.import",
    "data.enter",
    "data.approve",
    "data.accept",
    "data.export",
  ],
  region_analyst: [
    "region.read",
    "municipality.read",
    "school.read",
    "analytics.run",
    "identification.manage",
    "identification.approve",
    "data.import",
    "data.accept",
    "data.export",
  ],
  moc_coordinator: [
    "municipality.read",
    "school.read",
    "school.update",
    "staff.write",
    "data.import",
    "data.enter",
    "data.approve",
    "data.export",
  ],
  school_director: ["school.read", "school.update", "data.enter"],
  mentor: ["school.read"],
  specialist: ["school.read"],
};

/** Russian names of the roles, for the UI and documents. */
export const ROLE_LABELS: Record<Role, string> = {
  federal_operator: "Федеральный оператор",
  region_admin: "Администратор региона",
  region_analyst: "Региональный аналитик",
  moc_coordinator: "Координатор МОЦ",
  school_director: "Директор школы",
  mentor: "Наставник",
  specialist: "Специалист",
};

/** True when the role's permissions include `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
