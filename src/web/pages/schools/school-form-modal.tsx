import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { School } from "../../../shared/api";
import {
  SCHOOL_KINDS,
  type SchoolInput,
  type SchoolKind,
  schoolInputSchema,
} from "../../../shared/hierarchy";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { type SchoolFormValues, schoolFormValues, toSchoolCandidate } from "./school-form";
import { type SchoolSave, useSaveSchool } from "./schools.queries";

/** Props of the school form: the school to edit (null to create one), a default municipality, callbacks. */
export type SchoolFormModalProps = {
  school: School | null;
  municipalityId?: number | null;
  onClose: () => void;
  onSaved?: (school: School) => void;
};

/** Creates or edits a school, validated with the shared schoolInputSchema; code and municipality need rights. */
export function SchoolFormModal({ school, municipalityId = null, onClose, onSaved }: SchoolFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveSchool();
  const municipalities = useMunicipalities();
  const canEditIdentity = school === null || school.permissions.canEditIdentity;
  const form = useForm<SchoolFormValues>({ initialValues: schoolFormValues(school, municipalityId) });

  const onSubmit = (values: SchoolFormValues) => {
    const checked = checkWithSchema<SchoolInput>(schoolInputSchema, toSchoolCandidate(values));
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    const { code: _code, municipalityId: _municipalityId, ...withoutIdentity } = checked.data;
    const request: SchoolSave = school
      ? { kind: "update", id: school.id, input: canEditIdentity ? checked.data : withoutIdentity }
      : { kind: "create", input: checked.data };
    save.mutate(request, {
      onSuccess: (saved) => {
        onSaved?.(saved);
        onClose();
      },
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={school ? t("schools.editTitle") : t("schools.addTitle")}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("school.code")}
              withAsterisk
              disabled={!canEditIdentity}
              {...form.getInputProps("code")}
            />
            <Select<number>
              label={t("school.municipality")}
              withAsterisk
              disabled={!canEditIdentity}
              data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              searchable
              {...form.getInputProps("municipalityId")}
            />
          </SimpleGrid>
          <TextInput label={t("school.fullName")} withAsterisk {...form.getInputProps("fullName")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("school.shortName")} withAsterisk {...form.getInputProps("shortName")} />
            <Select<SchoolKind>
              label={t("school.kind")}
              withAsterisk
              data={SCHOOL_KINDS}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
          </SimpleGrid>
          <Group>
            <Checkbox label={t("school.isRural")} {...form.getInputProps("isRural", { type: "checkbox" })} />
            <Checkbox label={t("school.isSmall")} {...form.getInputProps("isSmall", { type: "checkbox" })} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("school.students")}
              withAsterisk
              min={0}
              allowDecimal={false}
              {...form.getInputProps("students")}
            />
            <NumberInput
              label={t("school.teachers")}
              withAsterisk
              min={0}
              allowDecimal={false}
              {...form.getInputProps("teachers")}
            />
          </SimpleGrid>
          <TextInput label={t("school.address")} {...form.getInputProps("address")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("school.latitude")}
              decimalScale={6}
              decimalSeparator=","
              {...form.getInputProps("latitude")}
            />
            <NumberInput
              label={t("school.longitude")}
              decimalScale={6}
              decimalSeparator=","
              {...form.getInputProps("longitude")}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
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
