import { Alert, Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DECISION_KINDS, type DecisionKind } from "../../../core/decisions";
import type { DecisionRow } from "../../../shared/decisions-api";
import { useProposeDecision } from "./decisions.queries";

/** The МОЦ's form of a decision on one school: the kind and the reasons, sent to the region. */
export function DecisionForm({
  row,
  year,
  onClose,
}: {
  row: DecisionRow;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const propose = useProposeDecision();
  const [kind, setKind] = useState<DecisionKind>(row.decision?.kind ?? "continues");
  const [reasons, setReasons] = useState(row.decision?.reasons ?? "");
  const onSubmit = () =>
    propose.mutate({ schoolId: row.schoolId, year, kind, reasons }, { onSuccess: () => onClose() });
  return (
    <Modal opened onClose={onClose} title={t("decisions.proposeTitle", { school: row.name })} size="lg">
      <Stack gap="sm">
        <Select
          label={t("decisions.kind")}
          data-testid="decision-kind"
          allowDeselect={false}
          data={DECISION_KINDS.map((k) => ({ value: k, label: t(`decisions.kinds.${k}`) }))}
          value={kind}
          onChange={(value) => {
            const picked = DECISION_KINDS.find((k) => k === value);
            if (picked) setKind(picked);
          }}
        />
        <Textarea
          label={t("decisions.reasons")}
          placeholder={t("decisions.reasonsHint")}
          data-testid="decision-reasons"
          autosize
          minRows={3}
          value={reasons}
          onChange={(event) => setReasons(event.currentTarget.value)}
        />
        {propose.error && (
          <Alert color="red" data-testid="decision-error">
            {propose.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("decisions.cancel")}
          </Button>
          <Button onClick={onSubmit} loading={propose.isPending} data-testid="decision-submit">
            {t("decisions.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The region's form of returning a decision with a message. */
export function ReturnForm({
  onSubmit,
  onClose,
  error,
  isPending,
}: {
  onSubmit: (message: string) => void;
  onClose: () => void;
  error: string | null;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  return (
    <Modal opened onClose={onClose} title={t("decisions.returnTitle")}>
      <Stack gap="sm">
        <Textarea
          label={t("decisions.returnMessage")}
          data-testid="decision-return-message"
          autosize
          minRows={2}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("decisions.cancel")}
          </Button>
          <Button
            color="orange"
            loading={isPending}
            onClick={() => onSubmit(message)}
            data-testid="decision-return-submit"
          >
            {t("decisions.return")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
