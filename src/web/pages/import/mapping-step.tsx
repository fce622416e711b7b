import { Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportKind, Inspection } from "./import.queries";

/** A values mapping as the form edits it (the CLI's mapping file has the same shape). */
export type ValueMappingForm = {
  layout: "wide" | "long";
  columns: Partial<
    Record<"schoolCode" | "schoolName" | "municipality" | "year" | "indicator" | "value", string>
  >;
  indicators: Record<string, string>;
  year?: number;
};

const VALUE_ROLES = [
  ["schoolCode", "import.roleSchoolCode"],
  ["schoolName", "import.roleSchoolName"],
  ["municipality", "import.roleMunicipality"],
  ["year", "import.roleYear"],
  ["indicator", "import.roleIndicator"],
  ["value", "import.roleValue"],
] as const;

const SCHOOL_FIELDS = [
  ["code", "import.fieldCode"],
  ["fullName", "import.fieldFullName"],
  ["municipality", "import.fieldMunicipality"],
  ["shortName", "import.fieldShortName"],
  ["municipalityCode", "import.fieldMunicipalityCode"],
  ["kind", "import.fieldKind"],
  ["isRural", "import.fieldIsRural"],
  ["isSmall", "import.fieldIsSmall"],
  ["students", "import.fieldStudents"],
  ["teachers", "import.fieldTeachers"],
  ["address", "import.fieldAddress"],
] as const;

type Props = {
  kind: ImportKind;
  inspection: Inspection;
  mapping: Record<string, unknown>;
  onChange: (mapping: Record<string, unknown>) => void;
};

/** The mapping step: a select per column role (or school field), and for a wide table an indicator per column. */
export function MappingStep({ kind, inspection, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const columns = inspection.header
    .filter((name) => name !== "")
    .map((name) => ({ value: name, label: name }));
  if (kind === "schools") {
    const current = (mapping.columns ?? {}) as Record<string, string | undefined>;
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {SCHOOL_FIELDS.map(([field, label]) => (
          <Select
            key={field}
            label={t(label)}
            data={columns}
            clearable
            value={current[field] ?? null}
            onChange={(value) =>
              onChange({ ...mapping, columns: { ...current, [field]: value ?? undefined } })
            }
          />
        ))}
      </SimpleGrid>
    );
  }
  const form = mapping as ValueMappingForm;
  const roles = form.columns ?? {};
  const used = new Set(Object.values(roles));
  const indicatorOptions = inspection.indicators.map((i) => ({
    value: i.code,
    label: `${i.code} — ${i.name}`,
  }));
  return (
    <Stack gap="md">
      <Group>
        <SegmentedControl
          value={form.layout}
          onChange={(layout) => onChange({ ...form, layout })}
          data={[
            { value: "wide", label: t("import.layoutWide") },
            { value: "long", label: t("import.layoutLong") },
          ]}
        />
        <NumberInput
          label={t("import.yearForFile")}
          description={t("import.yearForFileHint")}
          w={200}
          min={2000}
          max={2100}
          value={form.year ?? ""}
          onChange={(value) => onChange({ ...form, year: typeof value === "number" ? value : undefined })}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {VALUE_ROLES.filter(
          ([role]) => form.layout === "long" || (role !== "indicator" && role !== "value"),
        ).map(([role, label]) => (
          <Select
            key={role}
            label={t(label)}
            data={columns}
            clearable
            value={roles[role] ?? null}
            onChange={(value) => onChange({ ...form, columns: { ...roles, [role]: value ?? undefined } })}
          />
        ))}
      </SimpleGrid>
      {form.layout === "wide" && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.fileColumn")}</Table.Th>
              <Table.Th>{t("import.indicator")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.header
              .filter((name) => name !== "" && !used.has(name))
              .map((name) => (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t("import.indicatorFor", { name })}
                      placeholder={t("import.notLoaded")}
                      searchable
                      clearable
                      data={indicatorOptions}
                      value={form.indicators?.[name] ?? null}
                      onChange={(code) => {
                        const indicators = { ...(form.indicators ?? {}) };
                        if (code) indicators[name] = code;
                        else delete indicators[name];
                        onChange({ ...form, indicators });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="dimmed">
        {t("import.matchHint")}
      </Text>
    </Stack>
  );
}
