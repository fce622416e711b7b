import { Alert, Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { REQUEST_TARGETS, SPECIALIST_KINDS } from "../../../core/support";
import { fieldErrorsOf } from "../../components/form-errors";
import { useAllSchools } from "../schools/schools.queries";
import { useFileRequest } from "./support.queries";

/**
 * «Подать заявку»: the school (a director's own, chosen by a МОЦ), the kind of specialist, for whom,
 * and what is needed — said on the form: no names of children. Opens the new request.
 */
export function RequestFileModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schools = useAllSchools().data?.items ?? [];
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [kind, setKind] = useState<string>("psychologist");
  const [target, setTarget] = useState<string>("children");
  const [reason, setReason] = useState("");
  const file = useFileRequest();
  const errors = fieldErrorsOf(file.error);
  const chosen = schoolId ?? (schools.length === 1 ? String(schools[0]?.id) : null);
  const onSubmit = () => {
    if (chosen === null) return;
    file.mutate(
      { schoolId: Number(chosen), specialistKind: kind, target, reason },
      { onSuccess: (request) => navigate(`/support/requests/${request.id}`) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("support.requests.file")} size="lg" centered>
      <Stack>
        {file.error && (
          <Alert color="red" variant="light">
            {file.error.message}
          </Alert>
        )}
        <Select
          label={t("support.requests.school")}
          data-testid="request-school"
          searchable
          withAsterisk
          value={chosen}
          onChange={setSchoolId}
          data={schools.map((s) => ({ value: String(s.id), label: `${s.code} ${s.shortName}` }))}
          error={errors.schoolId}
        />
        <Group grow>
          <Select
            label={t("support.requests.specialistKind")}
            data-testid="request-kind"
            allowDeselect={false}
            value={kind}
            onChange={(value) => setKind(value ?? kind)}
            data={SPECIALIST_KINDS.map((k) => ({ value: k, label: t(`support.specialistKind.${k}`) }))}
          />
          <Select
            label={t("support.requests.target")}
            data-testid="request-target"
            allowDeselect={false}
            value={target}
            onChange={(value) => setTarget(value ?? target)}
            data={REQUEST_TARGETS.map((k) => ({ value: k, label: t(`support.target.${k}`) }))}
          />
        </Group>
        <Textarea
          label={t("support.requests.reason")}
          description={t("support.requests.reasonHint")}
          data-testid="request-reason"
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("support.requests.cancel")}
          </Button>
          <Button
            onClick={onSubmit}
            loading={file.isPending}
            disabled={chosen === null}
            data-testid="request-submit"
          >
            {t("support.requests.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
