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
 * Causes and plans (issue 11): `causes.manage` edits the region's factor catalogue, the workbook of
 * causes and the measure library; `workbook.fill` answers a school's workbook; `causes.examine` records
 * the МОЦ's complex examination and confirms a school's causes; `plan.write` writes a plan of the actor's
 * own level (a school its programme, a МОЦ its road map, the region its own); `plan.review` returns and
 * approves the plans of the level below (a МОЦ its schools', the region the road maps); `plan.checkin`
 * records execution on activities (a mentor or specialist only on activities assigned to them).
 * Support and mentoring (issue 12): `support.log` writes the МОЦ log (consultations, interviews,
 * visits); `support.request` files a specialist request for a school; `support.assign` assigns a
 * specialist and a date; `support.record` lets the assigned specialist record the work as counts;
 * `events.manage` writes courses, events and enrolments; `teachers.write` the teacher registry and
 * deficit diagnoses; `mentoring.manage` mentors, the matching and its pairs; `mentoring.meet` records
 * a pair's meetings (a mentor only for their own mentees); `partnership.write` a school's partnership
 * agreements; `materials.write` the materials bank.
 * Decisions (issue 13): `decision.propose` lets the МОЦ propose the end-of-year decision on its
 * programme schools; `decision.approve` lets the region approve or return it.
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
  "causes.manage",
  "workbook.fill",
  "causes.examine",
  "plan.write",
  "plan.review",
  "plan.checkin",
  "support.log",
  "support.request",
  "support.assign",
  "support.record",
  "events.manage",
  "teachers.write",
  "mentoring.manage",
  "mentoring.meet",
  "partnership.write",
  "materials.write",
  "decision.propose",
  "decision.approve",
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
    "causes.manage",
    "plan.write",
    "plan.review",
    "plan.checkin",
    "support.log",
    "support.assign",
    "events.manage",
    "teachers.write",
    "mentoring.manage",
    "partnership.write",
    "materials.write",
    "decision.approve",
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
    "causes.manage",
    "plan.write",
    "plan.review",
    "plan.checkin",
    "support.log",
    "support.assign",
    "events.manage",
    "teachers.write",
    "mentoring.manage",
    "materials.write",
    "decision.approve",
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
    "workbook.fill",
    "causes.examine",
    "plan.write",
    "plan.review",
    "plan.checkin",
    "support.log",
    "support.request",
    "support.assign",
    "events.manage",
    "teachers.write",
    "mentoring.manage",
    "mentoring.meet",
    "partnership.write",
    "materials.write",
    "decision.propose",
  ],
  school_director: [
    "school.read",
    "school.update",
    "data.enter",
    "workbook.fill",
    "plan.write",
    "plan.checkin",
    "support.request",
    "teachers.write",
    "partnership.write",
  ],
  mentor: ["school.read", "plan.checkin", "mentoring.meet"],
  specialist: ["school.read", "plan.checkin", "support.record"],
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
