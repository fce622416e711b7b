import { useTranslation } from "react-i18next";
import { FORM_STATUS_LABELS } from "../../../core/forms/form-workflow";
import { INDICATOR_DIRECTION_LABELS, INDICATOR_UNIT_LABELS } from "../../../core/indicators/indicator.schema";
import { isAuditAction, isAuditEntity } from "../../../shared/audit-codes";
import { MOC_POSITION_LABELS } from "../../../shared/hierarchy";
import { ROLE_LABELS } from "../../../shared/roles";
import ru from "../../i18n/ru.json";
import { groupLabel } from "../indicators/indicator-labels";

export { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../../../shared/audit-codes";

/** Translates an audit action code («approve» → «Утверждение»); an unknown code is shown as stored. */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => (isAuditAction(action) ? t(`audit.actions.${action}`) : action);
}

/** Translates an audited entity code («identification_run» → «Запуск идентификации»). */
export function useEntityLabel(): (entity: string) => string {
  const { t } = useTranslation();
  return (entity) => (isAuditEntity(entity) ? t(`audit.entities.${entity}`) : entity);
}

/** Fields of the before / after records that have a Russian name in `audit.fields`. */
type LabelledField = keyof typeof ru.audit.fields;

function isLabelledField(field: string): field is LabelledField {
  return Object.hasOwn(ru.audit.fields, field);
}

/** The entities whose `fullName` is a person's name, not a school's. */
const PEOPLE = new Set(["user", "moc_staff"]);

/**
 * The Russian name of a field of an entry's before / after record. A form's saved values are keyed
 * by indicator code: `indicatorName` names them. An unknown field is shown as stored.
 */
export function useFieldLabel(): (
  entity: string,
  field: string,
  indicatorName?: (code: string) => string | undefined,
) => string {
  const { t } = useTranslation();
  return (entity, field, indicatorName) => {
    if (field === "fullName" && PEOPLE.has(entity)) return t("audit.fields.personName");
    if (isLabelledField(field)) return t(`audit.fields.${field}`);
    return indicatorName?.(field) ?? field;
  };
}

function labelOf<K extends string>(labels: Record<K, string>, value: string): string | undefined {
  return Object.entries<string>(labels).find(([code]) => code === value)?.[1];
}

/**
 * The Russian reading of a coded value (a status, a role, a position, an indicator's unit…), or
 * undefined when the value is not a code this field is known to hold.
 */
export function useValueLabel(): (entity: string, field: string, value: unknown) => string | undefined {
  const { t } = useTranslation();
  return (entity, field, value) => {
    if (typeof value !== "string") return undefined;
    switch (field) {
      case "status":
        if (entity === "form") return labelOf(FORM_STATUS_LABELS, value);
        if (entity === "identification_run" && (value === "done" || value === "approved"))
          return t(`audit.runStatus.${value}`);
        return undefined;
      case "role":
        return labelOf(ROLE_LABELS, value);
      case "position":
        return labelOf(MOC_POSITION_LABELS, value);
      case "unit":
        return labelOf(INDICATOR_UNIT_LABELS, value);
      case "direction":
        return labelOf(INDICATOR_DIRECTION_LABELS, value);
      case "group":
        return groupLabel(value);
      default:
        return undefined;
    }
  };
}
