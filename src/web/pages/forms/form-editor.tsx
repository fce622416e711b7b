import { Alert, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isEditable } from "../../../core/forms/form-workflow";
import type { FormField, SchoolForm } from "../../../shared/data-collection";
import { ApiRequestError } from "../../app/api-client";
import { groupLabel, orderGroups } from "../indicators/indicator-labels";
import { FormActions } from "./form-actions";
import { TextDialog } from "./form-dialogs";
import { FormFieldInput } from "./form-field-input";
import { useFormTransition, useSaveForm, useUnlockValue } from "./forms.queries";

type Values = Record<number, number | null>;

function initialValues(form: SchoolForm): Values {
  return Object.fromEntries(form.fields.map((f) => [f.indicatorId, f.value]));
}

/** Server issues `values.<index>.value` mapped back to the indicator they are about. */
function issuesByIndicator(error: unknown, sent: number[]): Record<number, string> {
  if (!(error instanceof ApiRequestError)) return {};
  const out: Record<number, string> = {};
  for (const issue of error.issues) {
    const match = issue.path?.match(/values\.(\d+)\./);
    const id = match ? sent[Number(match[1])] : undefined;
    if (id !== undefined && !(id in out)) out[id] = issue.message;
  }
  return out;
}

/** The form's inputs grouped by indicator group, with save, transitions, return and unlock dialogs. */
export function FormEditor({ form }: { form: SchoolForm }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initialValues(form));
  const [sent, setSent] = useState<number[]>([]);
  const [dialog, setDialog] = useState<{ kind: "return" } | { kind: "unlock"; field: FormField } | null>(
    null,
  );
  const save = useSaveForm(form.school.id, form.year);
  const move = useFormTransition(form.school.id, form.year);
  const unlock = useUnlockValue(form.school.id, form.year);
  // an emptied field of a saved value is a change too: saving clears the value
  const changed = form.fields.filter((f) => (values[f.indicatorId] ?? null) !== f.value);
  const errors = issuesByIndicator(save.error, sent);
  const onSave = () => {
    const items = changed.map((f) => ({ indicatorId: f.indicatorId, value: values[f.indicatorId] ?? null }));
    setSent(items.map((i) => i.indicatorId));
    save.mutate({ values: items });
  };
  const canType = (f: FormField) => form.permissions.canEdit && (isEditable(form.status) || f.isUnlocked);
  const actionError = move.error ?? unlock.error;
  return (
    <Stack gap="md">
      {save.isError && (
        <Alert color="red" variant="light" data-testid="form-error">
          {save.error.message}
        </Alert>
      )}
      {actionError && !dialog && (
        <Alert color="red" variant="light">
          {actionError.message}
        </Alert>
      )}
      <FormActions
        form={form}
        isDirty={changed.length > 0}
        isSaving={save.isPending}
        isMoving={move.isPending}
        onSave={onSave}
        onAction={(action) => move.mutate({ action, message: "" })}
        onReturn={() => setDialog({ kind: "return" })}
      />
      {orderGroups(form.fields.map((f) => f.group)).map((group) => (
        <Paper key={group}>
          <Text fw={600} mb="sm">
            {groupLabel(group)}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {form.fields
              .filter((f) => f.group === group)
              .map((f) => (
                <FormFieldInput
                  key={f.indicatorId}
                  field={f}
                  value={values[f.indicatorId] ?? null}
                  error={errors[f.indicatorId]}
                  isDisabled={!canType(f)}
                  canUnlock={form.permissions.canUnlock}
                  onChange={(v) => setValues((prev) => ({ ...prev, [f.indicatorId]: v }))}
                  onUnlock={() => setDialog({ kind: "unlock", field: f })}
                />
              ))}
          </SimpleGrid>
        </Paper>
      ))}
      {dialog?.kind === "return" && (
        <TextDialog
          title={t("dataForm.returnTitle")}
          label={t("dataForm.returnMessage")}
          confirmLabel={t("dataForm.return")}
          error={move.error?.message}
          isPending={move.isPending}
          onClose={() => setDialog(null)}
          onConfirm={(message) =>
            move.mutate({ action: "return", message }, { onSuccess: () => setDialog(null) })
          }
        />
      )}
      {dialog?.kind === "unlock" && (
        <TextDialog
          title={t("dataForm.unlockTitle", { name: dialog.field.name })}
          label={t("dataForm.unlockReason")}
          confirmLabel={t("dataForm.unlock")}
          error={unlock.error?.message}
          isPending={unlock.isPending}
          onClose={() => setDialog(null)}
          onConfirm={(reason) =>
            unlock.mutate(
              { indicatorId: dialog.field.indicatorId, reason },
              { onSuccess: () => setDialog(null) },
            )
          }
        />
      )}
    </Stack>
  );
}
