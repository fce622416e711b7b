import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  FACTOR_SOURCE_LABELS,
  FACTOR_SOURCES,
  type FactorGroup,
  type FactorSource,
} from "../../../core/causes/factor.schema";
import type { FactorItem } from "../../../shared/causes-api";
import { fieldErrorsOf } from "../../components/form-errors";
import { useCreateFactor, useUpdateFactor } from "./catalogue.queries";
import { GROUPS } from "./causes-labels";

type Draft = {
  code: string;
  title: string;
  description: string;
  group: FactorGroup;
  sources: FactorSource[];
};

/** Adds a factor to the region's catalogue or edits one (its code stays). */
export function FactorModal({ factor, onClose }: { factor: FactorItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() =>
    factor
      ? {
          code: factor.code,
          title: factor.title,
          description: factor.description,
          group: factor.group,
          sources: factor.sources,
        }
      : { code: "", title: "", description: "", group: "students", sources: ["seeds"] },
  );
  const create = useCreateFactor();
  const update = useUpdateFactor();
  const mutation = factor ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const onSave = () => {
    const done = { onSuccess: onClose };
    if (factor) {
      const { code: _code, ...texts } = draft;
      update.mutate({ id: factor.id, patch: texts }, done);
    } else create.mutate(draft, done);
  };
  return (
    <Modal opened onClose={onClose} title={factor ? factor.title : t("causes.catalogue.addFactor")} size="lg">
      <Stack gap="sm" data-testid="factor-modal">
        {mutation.isError && (
          <Alert color="red" variant="light">
            {mutation.error.message}
          </Alert>
        )}
        <TextInput
          label={t("causes.catalogue.factorCode")}
          value={draft.code}
          disabled={factor !== null}
          onChange={(event) => set("code", event.currentTarget.value)}
          error={errors["definition.code"]}
        />
        <TextInput
          label={t("causes.catalogue.factorTitle")}
          value={draft.title}
          onChange={(event) => set("title", event.currentTarget.value)}
          error={errors["definition.title"] ?? errors.title}
        />
        <Textarea
          label={t("causes.catalogue.factorDescription")}
          autosize
          minRows={2}
          value={draft.description}
          onChange={(event) => set("description", event.currentTarget.value)}
          error={errors["definition.description"] ?? errors.description}
        />
        <Select
          label={t("causes.catalogue.factorGroup")}
          data={GROUPS.map(({ group, label }) => ({ value: group, label }))}
          value={draft.group}
          onChange={(value) => {
            const group = GROUPS.find((item) => item.group === value)?.group;
            if (group) set("group", group);
          }}
          allowDeselect={false}
        />
        <MultiSelect
          label={t("causes.catalogue.factorSources")}
          data={FACTOR_SOURCES.map((source) => ({ value: source, label: FACTOR_SOURCE_LABELS[source] }))}
          value={draft.sources}
          onChange={(value) =>
            set(
              "sources",
              FACTOR_SOURCES.filter((source) => value.includes(source)),
            )
          }
          error={errors["definition.sources"] ?? errors.sources}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onSave} loading={mutation.isPending} data-testid="factor-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
