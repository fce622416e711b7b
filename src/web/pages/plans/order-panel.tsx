import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail, PlanOrder } from "../../../shared/plans-api";
import { fieldErrorsOf } from "../../components/form-errors";
import { useSavePlanOrder } from "./plans.queries";

type OrderForm = Omit<PlanOrder, "headerLines" | "authorityLines"> & {
  headerLines: string;
  authorityLines: string;
};

function formOf(draft: Partial<PlanOrder>): OrderForm {
  return {
    headerLines: (draft.headerLines ?? []).join("\n"),
    number: draft.number ?? "",
    date: draft.date ?? "",
    place: draft.place ?? "",
    title: draft.title ?? "",
    preamble: draft.preamble ?? "",
    signerPosition: draft.signerPosition ?? "",
    signerName: draft.signerName ?? "",
    authorityLines: (draft.authorityLines ?? []).join("\n"),
  };
}

const linesOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/**
 * The order approving a municipal road map: its details (header, number, date, place, title,
 * preamble, signer, the appendix's authority lines) filled by the road map's author, and the DOCX.
 */
export function OrderPanel({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const save = useSavePlanOrder(plan.id);
  const [form, setForm] = useState<OrderForm>(() => formOf(plan.orderDraft ?? {}));
  const errors = fieldErrorsOf(save.error);
  const canEdit = plan.permissions.canEditOrder;
  const field = (key: keyof OrderForm) => ({
    value: form[key],
    readOnly: !canEdit,
    error: errors[key],
    onChange: (event: { currentTarget: { value: string } }) =>
      setForm({ ...form, [key]: event.currentTarget.value }),
  });
  const onSave = () =>
    save.mutate({
      ...form,
      headerLines: linesOf(form.headerLines),
      authorityLines: linesOf(form.authorityLines),
    });
  return (
    <Paper data-testid="order-panel">
      <Stack>
        <Text size="sm" c="dimmed">
          {t("plans.order.hint")}
        </Text>
        {!plan.order && (
          <Alert color="yellow" variant="light">
            {t("plans.order.missing")}
          </Alert>
        )}
        <Textarea label={t("plans.order.headerLines")} autosize minRows={3} {...field("headerLines")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("plans.order.number")}
            withAsterisk
            {...field("number")}
            data-testid="order-number"
          />
          <TextInput
            type="date"
            label={t("plans.order.date")}
            withAsterisk
            {...field("date")}
            data-testid="order-date"
          />
          <TextInput
            label={t("plans.order.place")}
            withAsterisk
            {...field("place")}
            data-testid="order-place"
          />
        </SimpleGrid>
        <Textarea label={t("plans.order.title")} autosize {...field("title")} />
        <Textarea label={t("plans.order.preamble")} autosize minRows={2} {...field("preamble")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("plans.order.signerPosition")} {...field("signerPosition")} />
          <TextInput
            label={t("plans.order.signerName")}
            withAsterisk
            {...field("signerName")}
            data-testid="order-signer"
          />
        </SimpleGrid>
        <Textarea label={t("plans.order.authorityLines")} autosize minRows={2} {...field("authorityLines")} />
        {save.error && (
          <Alert color="red" variant="light" data-testid="order-error">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          {canEdit && (
            <Button onClick={onSave} loading={save.isPending} data-testid="order-save">
              {t("common.save")}
            </Button>
          )}
          <Button
            component="a"
            variant="light"
            href={`/api/plans/${plan.id}/order.docx`}
            disabled={!plan.order}
            data-testid="order-download"
          >
            {t("plans.documents.order")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
