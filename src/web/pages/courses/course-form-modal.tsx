import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { COURSE_FORMAT_LABELS, COURSE_FORMATS, type CourseFormat } from "../../../core/events/kinds";
import { PROFESSIONAL_BLOCK_LABELS, PROFESSIONAL_BLOCKS } from "../../../core/teachers/blocks";
import { type CourseInput, type CourseItem, courseInputSchema } from "../../../shared/events-api";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { useSaveCourse } from "./courses.queries";

/** The usual lengths of a course, in hours; anything else is written by hand. */
const USUAL_HOURS = ["24", "36", "72"];
const OTHER = "other";

type Values = {
  title: string;
  hoursChoice: string;
  hours: number | string;
  startsOn: string;
  endsOn: string;
  provider: string;
  format: CourseFormat;
  blocks: string[];
  subjects: string[];
  description: string;
};

function initial(course: CourseItem | null): Values {
  if (!course) {
    return {
      title: "",
      hoursChoice: "36",
      hours: 36,
      startsOn: "",
      endsOn: "",
      provider: "",
      format: "in_person",
      blocks: [],
      subjects: [],
      description: "",
    };
  }
  const usual = USUAL_HOURS.includes(String(course.hours));
  return {
    title: course.title,
    hoursChoice: usual ? String(course.hours) : OTHER,
    hours: course.hours,
    startsOn: course.startsOn ?? "",
    endsOn: course.endsOn ?? "",
    provider: course.provider,
    format: course.format,
    blocks: [...course.blocks],
    subjects: [...course.subjects],
    description: course.description,
  };
}

/** The values as the API takes them: empty dates are none, the hours from the choice or the field. */
function toInput(values: Values): unknown {
  const hours = values.hoursChoice === OTHER ? values.hours : Number(values.hoursChoice);
  return {
    title: values.title,
    hours: hours === "" ? undefined : Number(hours),
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    provider: values.provider,
    format: values.format,
    blocks: values.blocks,
    subjects: values.subjects,
    description: values.description,
  };
}

/** Adds a course to the catalogue, or edits one (title, hours, dates, provider, format, competences). */
export function CourseFormModal({ course, onClose }: { course: CourseItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCourse();
  const form = useForm<Values>({ initialValues: initial(course) });
  const onSubmit = (values: Values) => {
    const checked = checkWithSchema<CourseInput>(courseInputSchema, toInput(values));
    if (!checked.isValid) {
      const { hours, ...rest } = checked.errors;
      form.setErrors(
        hours ? { ...rest, [values.hoursChoice === OTHER ? "hours" : "hoursChoice"]: hours } : rest,
      );
      return;
    }
    if (checked.data.startsOn && checked.data.endsOn && checked.data.endsOn < checked.data.startsOn) {
      form.setErrors({ endsOn: t("events.form.endsBeforeStarts") });
      return;
    }
    save.mutate(
      { id: course?.id ?? null, input: checked.data },
      { onSuccess: onClose, onError: (error) => form.setErrors(fieldErrorsOf(error)) },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={course ? t("events.courses.editTitle") : t("events.courses.add")}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate autoComplete="off" data-testid="course-form">
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          <TextInput label={t("events.courses.title")} withAsterisk {...form.getInputProps("title")} />
          <Group grow align="flex-start">
            <Select
              label={t("events.courses.hours")}
              allowDeselect={false}
              data={[
                ...USUAL_HOURS.map((h) => ({ value: h, label: t("events.form.hoursValue", { hours: h }) })),
                { value: OTHER, label: t("events.form.otherHours") },
              ]}
              {...form.getInputProps("hoursChoice")}
            />
            {form.values.hoursChoice === OTHER && (
              <NumberInput
                label={t("events.form.hoursOther")}
                min={1}
                allowDecimal={false}
                {...form.getInputProps("hours")}
              />
            )}
            <Select
              label={t("events.courses.format")}
              allowDeselect={false}
              data={COURSE_FORMATS.map((f) => ({ value: f, label: COURSE_FORMAT_LABELS[f] }))}
              {...form.getInputProps("format")}
            />
          </Group>
          <TextInput label={t("events.courses.provider")} {...form.getInputProps("provider")} />
          <Group grow align="flex-start">
            <TextInput type="date" label={t("events.courses.startsOn")} {...form.getInputProps("startsOn")} />
            <TextInput type="date" label={t("events.courses.endsOn")} {...form.getInputProps("endsOn")} />
          </Group>
          <MultiSelect
            label={t("events.courses.blocks")}
            searchable
            data={PROFESSIONAL_BLOCKS.map((b) => ({ value: b, label: PROFESSIONAL_BLOCK_LABELS[b] }))}
            {...form.getInputProps("blocks")}
          />
          <TagsInput
            label={t("events.form.subjects")}
            description={t("events.form.subjectsHint")}
            {...form.getInputProps("subjects")}
          />
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
