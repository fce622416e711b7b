import { useTranslation } from "react-i18next";

/** Audit actions with a Russian name; others are shown as recorded. */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "login",
  "logout",
  "demo_load",
  "retire",
  "restore",
] as const;
/** Audited entities with a Russian name; others are shown as recorded. */
export const AUDIT_ENTITIES = ["school", "moc_staff", "user", "session", "indicator", "region"] as const;

type AuditAction = (typeof AUDIT_ACTIONS)[number];
type AuditEntity = (typeof AUDIT_ENTITIES)[number];

function isAction(value: string): value is AuditAction {
  return AUDIT_ACTIONS.some((a) => a === value);
}

function isEntity(value: string): value is AuditEntity {
  return AUDIT_ENTITIES.some((e) => e === value);
}

/** Translates an audit action code («create» → «создание»). */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => (isAction(action) ? t(`audit.actions.${action}`) : action);
}

/** Translates an audited entity code («moc_staff» → «сотрудник МОЦ»). */
export function useEntityLabel(): (entity: string) => string {
  const { t } = useTranslation();
  return (entity) => (isEntity(entity) ? t(`audit.entities.${entity}`) : entity);
}
