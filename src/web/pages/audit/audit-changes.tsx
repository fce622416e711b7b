import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TranslationKey } from "../../i18n/keys";

/** Russian names of the fields most often changed (a school's passport, a МОЦ employee, a user). */
const FIELD_LABELS: Record<string, TranslationKey> = {
  code: "school.code",
  fullName: "school.fullName",
  shortName: "school.shortName",
  kind: "school.kind",
  isRural: "school.isRural",
  isSmall: "school.isSmall",
  students: "school.students",
  teachers: "school.teachers",
  address: "school.address",
  latitude: "school.latitude",
  longitude: "school.longitude",
  municipalityId: "school.municipality",
  position: "staff.position",
  email: "staff.email",
  phone: "staff.phone",
  login: "users.login",
  role: "users.role",
  isActive: "users.status",
};

/** One changed field: its name and the values before and after. */
export type AuditChange = { field: string; before: unknown; after: unknown };

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : null;
}

/**
 * The fields whose values differ between `before` and `after` (a created record: every field of `after`; a
 * deleted one: every field of `before`). Null when either side is not an object.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] | null {
  const b = before === null || before === undefined ? {} : asRecord(before);
  const a = after === null || after === undefined ? {} : asRecord(after);
  if (!b || !a) return null;
  const fields = Object.keys(a).length > 0 ? Object.keys(a) : Object.keys(b);
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

function ValueText({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === "")
    return <Text c="dimmed">{t("common.none")}</Text>;
  if (typeof value === "boolean") return <>{value ? t("common.yes") : t("common.no")}</>;
  if (typeof value === "object") return <Text ff="monospace">{JSON.stringify(value)}</Text>;
  return <>{String(value)}</>;
}

/** «Что изменилось»: a field / было / стало table of an audit entry. */
export function AuditChanges({ changes }: { changes: readonly AuditChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <Text c="dimmed">{t("audit.noChanges")}</Text>;
  return (
    <Table withTableBorder fz="sm" data-testid="audit-changes" bg="white">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("audit.field")}</Table.Th>
          <Table.Th>{t("audit.before")}</Table.Th>
          <Table.Th>{t("audit.after")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => {
          const labelKey = FIELD_LABELS[c.field];
          return (
            <Table.Tr key={c.field}>
              <Table.Td>{labelKey ? t(labelKey) : c.field}</Table.Td>
              <Table.Td>
                <ValueText value={c.before} />
              </Table.Td>
              <Table.Td>
                <ValueText value={c.after} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
