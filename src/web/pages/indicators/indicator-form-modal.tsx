import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_GROUPS,
  INDICATOR_LEVELS,
  INDICATOR_UNITS,
} from "../../../core/indicators/indicator.schema";
import { type Indicator, type IndicatorInput, indicatorInputSchema } from "../../../shared/data-collection";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { groupLabel, INDICATOR_DIRECTION_LABELS, INDICATOR_UNIT_LABELS } from "./indicator-labels";
import { useSaveIndicator } from "./indicators.queries";

type Values = Omit<IndicatorInput, "description"> & { description: string };

const EMPTY: Values = {
  code: "",
  name: "",
  unit: "share",
  direction: "higher_better",
  min: 0,
  max: 1,
  level: "school",
  group: "results",
  source: "",
  description: "",
};

function initial(indicator: Indicator | null): Values {
  if (!indicator) return EMPTY;
  const group = INDICATOR_GROUPS.find((g) => g === indicator.group) ?? "results";
  return { ...indicator, group, description: indicator.description };
}

/** Adds an indicator, or edits one (saving a new version of its definition; the code stays). */
export function IndicatorFormModal({
  indicator,
  onClose,
}: {
  indicator: Indicator | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveIndicator();
  const form = useForm<Values>({ initialValues: initial(indicator) });
  const onSubmit = (values: Values) => {
    const checked = checkWithSchema(indicatorInputSchema, values);
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    save.mutate(
      { id: indicator?.id ?? null, input: checked.data },
      { onSuccess: onClose, onError: (error) => form.setErrors(fieldErrorsOf(error)) },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={indicator ? t("indicators.editTitle") : t("indicators.addTitle")}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate autoComplete="off">
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          {indicator && (
            <Alert color="blue" variant="light">
              {t("indicators.versionHint")}
            </Alert>
          )}
          <TextInput
            label={t("indicators.code")}
            description={t("indicators.codeHint")}
            withAsterisk
            disabled={indicator !== null}
            {...form.getInputProps("code")}
          />
          <TextInput label={t("indicators.name")} withAsterisk {...form.getInputProps("name")} />
          <Group grow align="flex-start">
            <Select
              label={t("indicators.unit")}
              allowDeselect={false}
              data={INDICATOR_UNITS.map((u) => ({ value: u, label: INDICATOR_UNIT_LABELS[u] }))}
              {...form.getInputProps("unit")}
            />
            <Select
              label={t("indicators.direction")}
              allowDeselect={false}
              data={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: INDICATOR_DIRECTION_LABELS[d] }))}
              {...form.getInputProps("direction")}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t("indicators.min")} decimalSeparator="," {...form.getInputProps("min")} />
            <NumberInput label={t("indicators.max")} decimalSeparator="," {...form.getInputProps("max")} />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t("indicators.level")}
              allowDeselect={false}
              data={INDICATOR_LEVELS.map((l) => ({
                value: l,
                label: t(l === "school" ? "indicators.levelSchool" : "indicators.levelMunicipality"),
              }))}
              {...form.getInputProps("level")}
            />
            <Select
              label={t("indicators.group")}
              allowDeselect={false}
              data={INDICATOR_GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))}
              {...form.getInputProps("group")}
            />
          </Group>
          <TextInput label={t("indicators.source")} withAsterisk {...form.getInputProps("source")} />
          <Textarea
            label={t("indicators.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
