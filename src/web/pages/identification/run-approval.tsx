import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_WITHDRAWAL_REASON, type Run } from "../../../core/identification/api.schema";
import { formatMoscowDateTime, formatNumber } from "../../components/format";
import { useApproveRun, useWithdrawRun } from "./identification.queries";

/**
 * «Утвердить перечень» with a confirmation: what approval means (the region's official list, seen by
 * the МОЦ and schools, the order appendix), how many schools it holds, and the earlier approved list
 * of the year it replaces, if any (a year has one official list).
 */
export function ApproveRunButton({ run, replaces }: { run: Run; replaces?: Run }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const approve = useApproveRun();
  const { counts } = run;
  const close = () => {
    setOpen(false);
    approve.reset();
  };
  return (
    <>
      <Button color="green" onClick={() => setOpen(true)} data-testid="run-approve">
        {t("identification.approve")}
      </Button>
      <Modal
        opened={isOpen}
        onClose={close}
        title={t("identification.approveTitle", { year: run.year })}
        centered
        size="lg"
      >
        <Stack gap="sm" data-testid="approve-dialog">
          <Text>
            {t("identification.approveText", {
              count: counts.flagged,
              value: formatNumber(counts.flagged),
              year: run.year,
            })}
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>{t("identification.approveShnro", { value: formatNumber(counts.shnro) })}</List.Item>
            <List.Item>{t("identification.approveShfnsu", { value: formatNumber(counts.shfnsu) })}</List.Item>
            <List.Item>{t("identification.approveBoth", { value: formatNumber(counts.both) })}</List.Item>
          </List>
          {counts.withRiskFlags > 0 && (
            <Text size="sm">
              {t("identification.approveRisk", { value: formatNumber(counts.withRiskFlags) })}
            </Text>
          )}
          <Text size="sm">{t("identification.approveMeaning")}</Text>
          {replaces && (
            <Alert color="orange" variant="light" data-testid="approve-replaces">
              {t("identification.approveReplaces", { year: run.year, id: replaces.id })}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t("identification.approveUndo")}
          </Text>
          {approve.isError && <Alert color="red">{approve.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="green"
              loading={approve.isPending}
              onClick={() => approve.mutate(run.id, { onSuccess: close })}
              data-testid="approve-confirm"
            >
              {t("identification.approve")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** «Отозвать утверждение»: a region admin takes an approved list back, giving a reason (required). */
export function WithdrawRunButton({ run }: { run: Run }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [isTouched, setTouched] = useState(false);
  const withdraw = useWithdrawRun();
  const close = () => {
    setOpen(false);
    setReason("");
    setTouched(false);
    withdraw.reset();
  };
  const trimmed = reason.trim();
  const localError = isTouched && trimmed.length === 0 ? t("identification.withdrawReasonRequired") : null;
  const serverError = withdraw.error?.issues.find((i) => i.path?.endsWith("reason"))?.message;
  const submit = () => {
    setTouched(true);
    if (trimmed.length === 0) return;
    withdraw.mutate({ id: run.id, reason: trimmed }, { onSuccess: close });
  };
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpen(true)} data-testid="run-withdraw">
        {t("identification.withdraw")}
      </Button>
      <Modal opened={isOpen} onClose={close} title={t("identification.withdrawTitle")} centered size="lg">
        <Stack gap="sm" data-testid="withdraw-dialog">
          <Text>{t("identification.withdrawText", { year: run.year })}</Text>
          <Textarea
            label={t("identification.withdrawReason")}
            description={t("identification.withdrawReasonHint")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={localError ?? serverError}
            maxLength={MAX_WITHDRAWAL_REASON}
            autosize
            minRows={3}
            withAsterisk
            data-testid="withdraw-reason"
          />
          {withdraw.isError && !serverError && <Alert color="red">{withdraw.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={submit} data-testid="withdraw-confirm">
              {t("identification.withdraw")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Who approved the list and when; or, after a withdrawal, who withdrew it, when and why. */
export function ApprovalStatus({ run }: { run: Run }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {run.status === "approved" && run.approvedByName && (
        <Text size="sm" data-testid="run-approved-by">
          {t("identification.approvedByAt", {
            name: run.approvedByName,
            at: run.approvedAt ? formatMoscowDateTime(run.approvedAt) : "",
          })}
        </Text>
      )}
      {run.withdrawnAt && run.withdrawnByName && (
        <Text size="sm" c={run.status === "approved" ? "dimmed" : "orange.9"} data-testid="run-withdrawal">
          {t(run.status === "approved" ? "identification.withdrawnEarlier" : "identification.withdrawnBy", {
            name: run.withdrawnByName,
            at: formatMoscowDateTime(run.withdrawnAt),
            reason: run.withdrawalReason ?? "",
          })}
        </Text>
      )}
    </Stack>
  );
}
