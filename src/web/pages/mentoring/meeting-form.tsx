import { Alert, Button, Group, SegmentedControl, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type MeetingInput, meetingInputSchema } from "../../../shared/mentoring-api";
import { checkWithSchema, type FieldErrors, fieldErrorsOf } from "../../components/form-errors";
import { useAddMeeting } from "./mentoring.queries";

/** Records a meeting of a pair: date, in person or remote, topic, outcome. */
export function MeetingForm({ pairId, onDone }: { pairId: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const add = useAddMeeting();
  const [values, setValues] = useState<MeetingInput>({
    heldOn: new Date().toISOString().slice(0, 10),
    format: "in_person",
    topic: "",
    outcome: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<MeetingInput>) => setValues((v) => ({ ...v, ...patch }));
  const submit = () => {
    const checked = checkWithSchema(meetingInputSchema, values);
    if (!checked.isValid) return setErrors(checked.errors);
    setErrors({});
    add.mutate(
      { id: pairId, input: checked.data },
      {
        onSuccess: () => {
          set({ topic: "", outcome: "" });
          onDone?.();
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };
  return (
    <Stack gap="sm" data-testid="meeting-form">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={t("mentoring.meeting.date")}
          value={values.heldOn}
          onChange={(e) => set({ heldOn: e.currentTarget.value })}
          error={errors.heldOn}
          data-testid="meeting-date"
        />
        <SegmentedControl
          value={values.format}
          onChange={(v) => set({ format: v as MeetingInput["format"] })}
          data={[
            { value: "in_person", label: t("mentoring.format.in_person") },
            { value: "remote", label: t("mentoring.format.remote") },
          ]}
        />
      </Group>
      <TextInput
        label={t("mentoring.meeting.topic")}
        value={values.topic}
        onChange={(e) => set({ topic: e.currentTarget.value })}
        error={errors.topic}
        data-testid="meeting-topic"
      />
      <Textarea
        label={t("mentoring.meeting.outcome")}
        value={values.outcome}
        onChange={(e) => set({ outcome: e.currentTarget.value })}
        error={errors.outcome}
        autosize
        minRows={2}
        data-testid="meeting-outcome"
      />
      {add.isError && Object.keys(errors).length === 0 && <Alert color="red">{add.error.message}</Alert>}
      <Group>
        <Button onClick={submit} loading={add.isPending} data-testid="meeting-save">
          {t("mentoring.meeting.save")}
        </Button>
      </Group>
    </Stack>
  );
}
