import { Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from "@mantine/core";
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
  ["schoolCode", "Код школы"],
  ["schoolName", "Наименование школы"],
  ["municipality", "Муниципалитет"],
  ["year", "Год"],
  ["indicator", "Показатель (длинная таблица)"],
  ["value", "Значение (длинная таблица)"],
] as const;

const SCHOOL_FIELDS = [
  ["code", "Код школы *"],
  ["fullName", "Полное наименование *"],
  ["municipality", "Муниципалитет (название или код) *"],
  ["shortName", "Краткое наименование"],
  ["municipalityCode", "Код муниципалитета"],
  ["kind", "Вид школы"],
  ["isRural", "Сельская (да/нет)"],
  ["isSmall", "Малокомплектная (да/нет)"],
  ["students", "Число обучающихся"],
  ["teachers", "Число педагогов"],
  ["address", "Адрес"],
] as const;

type Props = {
  kind: ImportKind;
  inspection: Inspection;
  mapping: Record<string, unknown>;
  onChange: (mapping: Record<string, unknown>) => void;
};

/** The mapping step: a select per column role (or school field), and for a wide table an indicator per column. */
export function MappingStep({ kind, inspection, mapping, onChange }: Props) {
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
            label={label}
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
            { value: "wide", label: "Широкая: показатель в столбце" },
            { value: "long", label: "Длинная: показатель и значение в строке" },
          ]}
        />
        <NumberInput
          label="Год для всего файла"
          description="если в файле нет столбца года"
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
            label={label}
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
              <Table.Th>Столбец файла</Table.Th>
              <Table.Th>Показатель</Table.Th>
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
                      aria-label={`Показатель для столбца ${name}`}
                      placeholder="не загружать"
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
        Школа находится по коду или по наименованию вместе с муниципалитетом.
      </Text>
    </Stack>
  );
}
