import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFieldLabel, useValueLabel } from "./audit-labels";

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

function ValueText({ value, label }: { value: unknown; label: string | undefined }) {
  const { t } = useTranslation();
  if (label !== undefined) return <>{label}</>;
  if (value === undefined || value === null || value === "")
    return <Text c="dimmed">{t("common.none")}</Text>;
  if (typeof value === "boolean") return <>{value ? t("common.yes") : t("common.no")}</>;
  if (typeof value === "object")
    return (
      <Text ff="monospace" size="xs" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
        {JSON.stringify(value)}
      </Text>
    );
  return <>{String(value)}</>;
}

/** Props of the changes table: the entry's entity (field names depend on it) and its changes. */
export type AuditChangesProps = {
  entity: string;
  changes: readonly AuditChange[];
  /** The name of an indicator by code, for the values of a saved form. */
  indicatorName?: (code: string) => string | undefined;
};

/** «Что изменилось»: a field / было / стало table of an audit entry, fields and coded values in Russian. */
export function AuditChanges({ entity, changes, indicatorName }: AuditChangesProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const valueLabel = useValueLabel();
  if (changes.length === 0) return <Text c="dimmed">{t("audit.noChanges")}</Text>;
  return (
    <Table withTableBorder fz="sm" data-testid="audit-changes" bg="white" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t("audit.field")}</Table.Th>
          <Table.Th>{t("audit.before")}</Table.Th>
          <Table.Th>{t("audit.after")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field} data-field={c.field}>
            <Table.Td>{fieldLabel(entity, c.field, indicatorName)}</Table.Td>
            <Table.Td>
              <ValueText value={c.before} label={valueLabel(entity, c.field, c.before)} />
            </Table.Td>
            <Table.Td>
              <ValueText value={c.after} label={valueLabel(entity, c.field, c.after)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
