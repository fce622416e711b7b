import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeasureInput } from "../../../core/plans/measure.schema";
import type { FactorItem, MeasureItem } from "../../../shared/causes-api";
import { fieldErrorsOf } from "../../components/form-errors";
import { useIndicators } from "../indicators/indicators.queries";
import { useCreateMeasure, useUpdateMeasure } from "./catalogue.queries";

type Draft = Required<
  Pick<MeasureInput, "code" | "title" | "description" | "deadlineText" | "resultText">
> & {
  factorCodes: string[];
  indicatorCodes: string[];
  owners: string[];
};

function draftOf(measure: MeasureItem | null): Draft {
  if (!measure) {
    return {
      code: "",
      title: "",
      description: "",
      deadlineText: "",
      resultText: "",
      factorCodes: [],
      indicatorCodes: [],
      owners: [],
    };
  }
  const { definition } = measure;
  return {
    ...definition,
    factorCodes: [...definition.factorCodes],
    indicatorCodes: [...definition.indicatorCodes],
    owners: [...definition.owners],
  };
}

/** Adds a measure to the region's library or edits one (its code stays): texts, causes, indicators, owners. */
export function MeasureModal({
  measure,
  factors,
  onClose,
}: {
  measure: MeasureItem | null;
  factors: readonly FactorItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(measure));
  const indicators = useIndicators();
  const create = useCreateMeasure();
  const update = useUpdateMeasure();
  const mutation = measure ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const onSave = () => {
    const done = {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("causes.measures.saved") });
        onClose();
      },
    };
    if (measure) update.mutate({ id: measure.id, patch: { definition: draft } }, done);
    else create.mutate(draft, done);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(measure ? "causes.measures.edit" : "causes.measures.add")}
    >
      <Stack gap="sm" data-testid="measure-modal">
        {mutation.isError && (
          <Alert color="red" variant="light">
            {mutation.error.message}
          </Alert>
        )}
        <TextInput
          label={t("causes.measures.code")}
          value={draft.code}
          disabled={measure !== null}
          onChange={(event) => set("code", event.currentTarget.value)}
          error={errors["definition.code"]}
        />
        <TextInput
          label={t("causes.measures.titleField")}
          value={draft.title}
          onChange={(event) => set("title", event.currentTarget.value)}
          error={errors["definition.title"]}
        />
        <Textarea
          label={t("causes.measures.description")}
          autosize
          minRows={2}
          value={draft.description}
          onChange={(event) => set("description", event.currentTarget.value)}
          error={errors["definition.description"]}
        />
        <MultiSelect
          label={t("causes.measures.factors")}
          data={factors
            .filter((f) => !f.isRetired || draft.factorCodes.includes(f.code))
            .map((f) => ({ value: f.code, label: f.title }))}
          value={draft.factorCodes}
          onChange={(value) => set("factorCodes", value)}
          error={errors["definition.factorCodes"]}
          searchable
        />
        <MultiSelect
          label={t("causes.measures.indicators")}
          data={(indicators.data?.items ?? []).map((i) => ({ value: i.code, label: i.name }))}
          value={draft.indicatorCodes}
          onChange={(value) => set("indicatorCodes", value)}
          searchable
        />
        <Group grow align="flex-start">
          <TextInput
            label={t("causes.measures.deadline")}
            value={draft.deadlineText}
            onChange={(event) => set("deadlineText", event.currentTarget.value)}
          />
          <TagsInput
            label={t("causes.measures.owners")}
            value={draft.owners}
            onChange={(value) => set("owners", value)}
            error={errors["definition.owners"]}
          />
        </Group>
        <Textarea
          label={t("causes.measures.result")}
          autosize
          value={draft.resultText}
          onChange={(event) => set("resultText", event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onSave} loading={mutation.isPending} data-testid="measure-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
