/**
 * The codes the audit log stores (audit_log.action and audit_log.entity). recordAudit takes only
 * these, so every code the server writes is listed here; the audit page labels each in Russian
 * (src/web/i18n/ru.json, `audit.actions` and `audit.entities`), which a unit test checks. The stored
 * format stays the code: labels are for presentation only.
 */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "login",
  "logout",
  "demo_load",
  "retire",
  "restore",
  "activate",
  "deactivate",
  "run",
  "approve",
  "withdraw",
  "export",
  "export_order",
  "export_values",
  "import",
  "form_save",
  "form_submit",
  "form_approve",
  "form_accept",
  "form_return",
  "value_unlock",
  "seed",
  "submit",
  "confirm",
  "remove",
  "return",
  "lock",
  "revise",
  "mentor_match",
  "pair_confirm",
  "pair_reject",
  "mentor_from_candidate",
  "assign",
  "complete",
  "monitoring_save",
  "monitoring_submit",
  "monitoring_approve",
  "monitoring_return",
  "monitoring_review",
  "propose",
] as const;

/** An action the audit log records. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every kind of object the audit log records actions on. */
export const AUDIT_ENTITIES = [
  "region",
  "school",
  "moc_staff",
  "user",
  "session",
  "indicator",
  "rule_set",
  "identification_run",
  "form",
  "schools",
  "indicator_values",
  "cause_catalogue",
  "cause_factor",
  "workbook_version",
  "workbook_response",
  "school_examination",
  "confirmed_cause",
  "measure",
  "plan",
  "plan_comment",
  "plan_activity_state",
  "plan_check_in",
  "plan_activity_assignees",
  "plan_order",
  "teacher",
  "teachers",
  "deficit_assessment",
  "deficit_scale",
  "individual_plan",
  "mentor",
  "mentoring_pair",
  "mentoring_meeting",
  "support_log_entry",
  "support_log",
  "specialist_request",
  "specialist_session",
  "course",
  "course_enrolment",
  "event",
  "partner_agreement",
  "material",
  "material_link",
  "monitoring_template",
  "monitoring_report",
  "moc_report",
  "school_decision",
] as const;

/** A kind of object the audit log records actions on. */
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** True for a known audit action code. */
export function isAuditAction(value: string): value is AuditAction {
  return AUDIT_ACTIONS.some((a) => a === value);
}

/** True for a known audited entity code. */
export function isAuditEntity(value: string): value is AuditEntity {
  return AUDIT_ENTITIES.some((e) => e === value);
}
