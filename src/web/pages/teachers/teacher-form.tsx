import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  TEACHER_CATEGORIES,
  TEACHER_POSITIONS,
  type TeacherInput,
  teacherInputSchema,
} from "../../../shared/teachers-api";
import { checkWithSchema, type FieldErrors } from "../../components/form-errors";

/** The registry form of a teacher, in a modal: name, position, subjects, category, experience. */
export function TeacherFormModal({
  opened,
  onClose,
  onSubmit,
  isSaving,
  serverError,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (input: TeacherInput) => void;
  isSaving: boolean;
  serverError: string | null;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    fullName: "",
    position: "teacher",
    subjects: "",
    category: "none",
    experienceYears: 0,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = () => {
    const checked = checkWithSchema(teacherInputSchema, {
      ...values,
      subjects: values.subjects
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    });
    if (!checked.isValid) return setErrors(checked.errors);
    setErrors({});
    onSubmit(checked.data);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("teachers.add")}>
      <Stack gap="sm">
        <TextInput
          label={t("teachers.fullName")}
          value={values.fullName}
          error={errors.fullName ?? serverError}
          onChange={(e) => setValues({ ...values, fullName: e.currentTarget.value })}
          data-testid="teacher-name"
        />
        <Select
          label={t("teachers.position")}
          value={values.position}
          onChange={(v) => setValues({ ...values, position: v ?? "teacher" })}
          data={TEACHER_POSITIONS.map((p) => ({ value: p, label: t(`teachers.positions.${p}`) }))}
        />
        <TextInput
          label={t("teachers.subjects")}
          description={t("teachers.subjectsHint")}
          value={values.subjects}
          onChange={(e) => setValues({ ...values, subjects: e.currentTarget.value })}
          data-testid="teacher-subjects"
        />
        <Select
          label={t("teachers.category")}
          value={values.category}
          onChange={(v) => setValues({ ...values, category: v ?? "none" })}
          data={TEACHER_CATEGORIES.map((c) => ({ value: c, label: t(`teachers.categories.${c}`) }))}
        />
        <NumberInput
          label={t("teachers.experience")}
          min={0}
          max={70}
          value={values.experienceYears}
          error={errors.experienceYears}
          onChange={(v) => setValues({ ...values, experienceYears: Number(v) || 0 })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("teachers.cancel")}
          </Button>
          <Button onClick={submit} loading={isSaving} data-testid="teacher-save">
            {t("teachers.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
