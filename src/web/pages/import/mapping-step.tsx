import {
  type ComboboxProps,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  type SelectProps,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
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

const SUPPORT_LOG_FIELDS = [
  ["schoolCode", "import.roleSchoolCode"],
  ["kind", "support.log.kindLabel"],
  ["audience", "support.log.audienceLabel"],
  ["format", "support.log.formatLabel"],
  ["heldOn", "support.log.heldOn"],
  ["topic", "support.log.topic"],
  ["givenBy", "support.log.givenBy"],
  ["peopleCount", "support.log.people"],
  ["findings", "support.log.findings"],
] as const;

/**
 * Dropdowns as wide as their longest option (up to the width of the screen), with long column and
 * indicator names wrapped instead of cut.
 */
const READABLE_DROPDOWN: ComboboxProps = {
  width: "max-content",
  position: "bottom-start",
  styles: {
    dropdown: { minWidth: 260, maxWidth: "min(44rem, calc(100vw - 2rem))" },
    option: { whiteSpace: "normal", overflowWrap: "anywhere", lineHeight: 1.35 },
  },
};

type Props = {
  kind: ImportKind;
  inspection: Inspection;
  mapping: Record<string, unknown>;
  onChange: (mapping: Record<string, unknown>) => void;
};

function textValues(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).filter((v): v is string => typeof v === "string" && v !== "");
}

function textKeys(value: unknown): string[] {
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}

/** The header columns that the mapping names nowhere: they will not be loaded. */
export function ignoredColumns(
  kind: ImportKind,
  header: string[],
  mapping: Record<string, unknown>,
): string[] {
  const used = new Set(textValues(mapping.columns));
  if (kind === "values" && mapping.layout !== "long")
    for (const name of textKeys(mapping.indicators)) used.add(name);
  return header.filter((name) => name.trim() !== "" && !used.has(name));
}

type Option = { value: string; label: string };

/** A select of the mapping whose chosen value stays readable: a wide dropdown, the whole text in its tooltip. */
function MappingSelect({ options, ...props }: Omit<SelectProps, "data"> & { options: Option[] }) {
  const label = options.find((option) => option.value === props.value)?.label;
  return <Select {...props} data={options} comboboxProps={READABLE_DROPDOWN} title={label} />;
}

/** The mapping step: a select per column role (or school field), and for a wide table an indicator per column. */
export function MappingStep({ kind, inspection, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const columns = inspection.header
    .filter((name) => name !== "")
    .map((name) => ({ value: name, label: name }));
  const ignored = ignoredColumns(kind, inspection.header, mapping);
  const ignoredNote = ignored.length > 0 && (
    <Text size="sm" c="orange.8" data-testid="ignored-columns">
      {t("import.ignoredColumns", { columns: ignored.map((name) => `«${name}»`).join(", ") })}
    </Text>
  );
  if (kind === "schools" || kind === "support_log") {
    const current = (mapping.columns ?? {}) as Record<string, string | undefined>;
    const fields = kind === "schools" ? SCHOOL_FIELDS : SUPPORT_LOG_FIELDS;
    return (
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {fields.map(([field, label]) => (
            <MappingSelect
              key={field}
              label={t(label)}
              options={columns}
              clearable
              value={current[field] ?? null}
              onChange={(value) =>
                onChange({ ...mapping, columns: { ...current, [field]: value ?? undefined } })
              }
            />
          ))}
        </SimpleGrid>
        {ignoredNote}
      </Stack>
    );
  }
  const form = mapping as ValueMappingForm;
  const roles = form.columns ?? {};
  const used = new Set(Object.values(roles));
  const indicatorOptions = inspection.indicators.map((i) => ({
    value: i.code,
    label: `${i.code} — ${i.name}`,
  }));
  const indicatorName = new Map(inspection.indicators.map((i) => [i.code, i.name]));
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
          <MappingSelect
            key={role}
            label={t(label)}
            options={columns}
            clearable
            value={roles[role] ?? null}
            onChange={(value) => onChange({ ...form, columns: { ...roles, [role]: value ?? undefined } })}
          />
        ))}
      </SimpleGrid>
      {form.layout === "wide" && (
        <Table striped withTableBorder layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="40%">{t("import.fileColumn")}</Table.Th>
              <Table.Th>{t("import.indicator")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.header
              .filter((name) => name !== "" && !used.has(name))
              .map((name) => {
                const code = form.indicators?.[name];
                return (
                  <Table.Tr key={name}>
                    <Table.Td style={{ overflowWrap: "anywhere", verticalAlign: "top" }}>{name}</Table.Td>
                    <Table.Td>
                      <MappingSelect
                        aria-label={t("import.indicatorFor", { name })}
                        placeholder={t("import.notLoaded")}
                        searchable
                        clearable
                        options={indicatorOptions}
                        value={code ?? null}
                        description={code ? indicatorName.get(code) : undefined}
                        inputWrapperOrder={["input", "description"]}
                        onChange={(next) => {
                          const indicators = { ...(form.indicators ?? {}) };
                          if (next) indicators[name] = next;
                          else delete indicators[name];
                          onChange({ ...form, indicators });
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Table.Tbody>
        </Table>
      )}
      {ignoredNote}
      <Text size="sm" c="dimmed">
        {t("import.matchHint")}
      </Text>
    </Stack>
  );
}
