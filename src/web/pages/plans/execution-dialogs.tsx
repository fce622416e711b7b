import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Activity } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { ROLE_LABELS } from "../../../shared/roles";
import { fieldErrorsOf } from "../../components/form-errors";
import { activityName } from "./plan-format";
import { useAddCheckIn, useSetAssignees } from "./plans.queries";

/** «Отметка о выполнении»: the date, what was done and the evidence (text or a link) for an activity. */
export function CheckInDialog({
  plan,
  activity,
  onClose,
}: {
  plan: PlanDetail;
  activity: Activity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddCheckIn(plan.id);
  const [date, setDate] = useState(plan.today);
  const [text, setText] = useState("");
  const [evidenceText, setEvidenceText] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const errors = fieldErrorsOf(add.error);
  const onSave = () =>
    add.mutate(
      { activityId: activity.id, input: { date, text, evidenceText, evidenceUrl } },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t("plans.checkIn.title")} size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {activityName(activity)}
        </Text>
        {add.error && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light">
            {add.error.message}
          </Alert>
        )}
        <TextInput
          type="date"
          label={t("plans.checkIn.date")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.date}
        />
        <Textarea
          label={t("plans.checkIn.text")}
          withAsterisk
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          data-testid="checkin-text"
          data-autofocus
        />
        <TextInput
          label={t("plans.checkIn.evidenceText")}
          value={evidenceText}
          onChange={(e) => setEvidenceText(e.currentTarget.value)}
          error={errors.evidenceText}
        />
        <TextInput
          label={t("plans.checkIn.evidenceUrl")}
          placeholder="https://"
          value={evidenceUrl}
          onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
          error={errors.evidenceUrl}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onSave} loading={add.isPending} data-testid="checkin-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Who carries out an activity: mentors and specialists of the plan's schools, МОЦ staff. */
export function AssigneesDialog({
  plan,
  activity,
  onClose,
}: {
  plan: PlanDetail;
  activity: Activity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetAssignees(plan.id);
  const [userIds, setUserIds] = useState(() =>
    plan.assignees.filter((item) => item.activityId === activity.id).map((item) => String(item.userId)),
  );
  return (
    <Modal opened onClose={onClose} title={t("plans.assignees.title")} size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {activityName(activity)}
        </Text>
        <MultiSelect
          label={t("plans.assignees.users")}
          description={t("plans.assignees.hint")}
          searchable
          value={userIds}
          onChange={setUserIds}
          nothingFoundMessage={t("common.nothingFound")}
          data={plan.assigneeCandidates.map((user) => ({
            value: String(user.userId),
            label: `${user.fullName} (${ROLE_LABELS[user.role]})`,
          }))}
          data-testid="assignees-select"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({ activityId: activity.id, userIds: userIds.map(Number) }, { onSuccess: onClose })
            }
            data-testid="assignees-save"
          >
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
