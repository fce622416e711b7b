import { ActionIcon, Badge, Group, NumberInput, SegmentedControl, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormField } from "../../../shared/data-collection";
import { formatBound, INDICATOR_UNIT_LABELS } from "../indicators/indicator-labels";

/** Props of one field of the school form. */
export type FormFieldInputProps = {
  field: FormField;
  value: number | null;
  error?: string;
  isDisabled: boolean;
  canUnlock: boolean;
  onChange: (value: number | null) => void;
  onUnlock: () => void;
};

/** An indicator's input: yes/no as a switch of two, numbers with the range as a hint; unlock for the region. */
export function FormFieldInput({
  field,
  value,
  error,
  isDisabled,
  canUnlock,
  onChange,
  onUnlock,
}: FormFieldInputProps) {
  const { t } = useTranslation();
  const hint = `${INDICATOR_UNIT_LABELS[field.unit]}, ${t("dataForm.range", { min: formatBound(field.min), max: formatBound(field.max) })}`;
  const label = (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {field.name}
      </Text>
      {field.isUnlocked && (
        <Badge size="xs" color="orange" variant="light">
          {t("dataForm.unlocked")}
        </Badge>
      )}
      {canUnlock && !field.isUnlocked && (
        <Tooltip label={t("dataForm.unlock")}>
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={`${t("dataForm.unlock")}: ${field.name}`}
            onClick={onUnlock}
          >
            🔓
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
  if (field.unit === "bool") {
    return (
      <Stack gap={4} data-testid={`field-${field.code}`}>
        {label}
        <SegmentedControl
          disabled={isDisabled}
          value={value === null ? "" : String(value)}
          onChange={(v) => onChange(v === "" ? null : Number(v))}
          data={[
            { value: "1", label: t("common.yes") },
            { value: "0", label: t("common.no") },
            { value: "", label: t("dataForm.notSet") },
          ]}
        />
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <NumberInput
      data-testid={`field-${field.code}`}
      label={label}
      description={hint}
      value={value ?? ""}
      onChange={(v) =>
        onChange(typeof v === "number" ? v : v === "" ? null : Number(String(v).replace(",", ".")))
      }
      decimalSeparator=","
      allowDecimal={field.unit !== "count"}
      disabled={isDisabled}
      error={error}
    />
  );
}
