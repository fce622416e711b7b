import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_LEVEL_LABELS,
  type EventKind,
  type EventLevel,
} from "../../../core/events/kinds";
import { type EventInput, type EventItem, eventInputSchema } from "../../../shared/events-api";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { SchoolPicker } from "../../components/school-picker";
import { useSaveEvent } from "../courses/courses.queries";

type Values = {
  kind: EventKind;
  level: EventLevel;
  heldOn: string;
  topic: string;
  organiser: string;
  schoolIds: number[];
  teachersCount: number | string;
  headsCount: number | string;
  studentsCount: number | string;
  municipalitiesCount: number | string;
  description: string;
};

function initial(event: EventItem | null, levels: readonly EventLevel[]): Values {
  if (!event) {
    return {
      kind: "seminar",
      level: levels[0] ?? "municipal",
      heldOn: "",
      topic: "",
      organiser: "",
      schoolIds: [],
      teachersCount: 0,
      headsCount: 0,
      studentsCount: 0,
      municipalitiesCount: 0,
      description: "",
    };
  }
  return {
    kind: event.kind,
    level: event.level,
    heldOn: event.heldOn,
    topic: event.topic,
    organiser: event.organiser,
    schoolIds: event.schools.map((s) => s.id),
    teachersCount: event.teachersCount,
    headsCount: event.headsCount,
    studentsCount: event.studentsCount,
    municipalitiesCount: event.municipalitiesCount,
    description: event.description,
  };
}

/** An empty number field is none (0); the schema says what is wrong with anything else. */
const count = (value: number | string) => (value === "" ? 0 : Number(value));

/** Adds an event, or edits one: kind, level, date, topic, organiser, the participating schools, numbers of people. */
export function EventFormModal({
  event,
  levels,
  onClose,
}: {
  event: EventItem | null;
  levels: readonly EventLevel[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveEvent();
  const form = useForm<Values>({ initialValues: initial(event, levels) });
  const levelOptions = (levels.includes(form.values.level) ? levels : [form.values.level, ...levels]).map(
    (l) => ({ value: l, label: EVENT_LEVEL_LABELS[l] }),
  );
  const onSubmit = (values: Values) => {
    const checked = checkWithSchema<EventInput>(eventInputSchema, {
      ...values,
      teachersCount: count(values.teachersCount),
      headsCount: count(values.headsCount),
      studentsCount: count(values.studentsCount),
      municipalitiesCount: count(values.municipalitiesCount),
    });
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    save.mutate(
      { id: event?.id ?? null, input: checked.data },
      { onSuccess: onClose, onError: (error) => form.setErrors(fieldErrorsOf(error)) },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={event ? t("events.list.editTitle") : t("events.list.add")}
      size="xl"
      centered
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate autoComplete="off" data-testid="event-form">
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t("events.list.kind")}
              allowDeselect={false}
              data={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
              {...form.getInputProps("kind")}
            />
            <Select
              label={t("events.list.level")}
              allowDeselect={false}
              data={levelOptions}
              {...form.getInputProps("level")}
            />
            <TextInput
              type="date"
              label={t("events.list.date")}
              withAsterisk
              {...form.getInputProps("heldOn")}
            />
          </Group>
          <TextInput label={t("events.list.topic")} withAsterisk {...form.getInputProps("topic")} />
          <TextInput label={t("events.list.organiser")} {...form.getInputProps("organiser")} />
          <SchoolPicker
            label={t("events.form.schools")}
            description={t("events.form.schoolsHint")}
            known={event?.schools ?? []}
            data-testid="event-schools"
            value={form.values.schoolIds}
            onChange={(ids) => form.setFieldValue("schoolIds", ids)}
            error={form.errors.schoolIds}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t("events.list.teachers")}
              min={0}
              allowDecimal={false}
              {...form.getInputProps("teachersCount")}
            />
            <NumberInput
              label={t("events.list.heads")}
              min={0}
              allowDecimal={false}
              {...form.getInputProps("headsCount")}
            />
            <NumberInput
              label={t("events.list.students")}
              min={0}
              allowDecimal={false}
              {...form.getInputProps("studentsCount")}
            />
            <NumberInput
              label={t("events.list.municipalities")}
              min={0}
              allowDecimal={false}
              {...form.getInputProps("municipalitiesCount")}
            />
          </Group>
          <Textarea
            label={t("events.form.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <Group justify="flex-end">
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
