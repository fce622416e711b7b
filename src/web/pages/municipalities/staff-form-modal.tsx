import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { MocStaff } from "../../../shared/api";
import {
  MOC_POSITION_LABELS,
  MOC_POSITIONS,
  type MocPosition,
  type MocStaffInput,
  mocStaffInputSchema,
} from "../../../shared/hierarchy";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { useSaveStaff } from "./municipalities.queries";

type StaffFormValues = { fullName: string; position: MocPosition | null; email: string; phone: string };

const POSITION_OPTIONS = MOC_POSITIONS.map((p) => ({ value: p, label: MOC_POSITION_LABELS[p] }));

function initialValues(staff: MocStaff | null): StaffFormValues {
  if (!staff) return { fullName: "", position: null, email: "", phone: "" };
  return { fullName: staff.fullName, position: staff.position, email: staff.email, phone: staff.phone };
}

/** Props of the staff form: the municipality, the member to edit (null to add one) and closing. */
export type StaffFormModalProps = { municipalityId: number; staff: MocStaff | null; onClose: () => void };

/** Adds or edits a member of a МОЦ, validated with the shared mocStaffInputSchema. */
export function StaffFormModal({ municipalityId, staff, onClose }: StaffFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveStaff();
  const form = useForm<StaffFormValues>({ initialValues: initialValues(staff) });

  const onSubmit = (values: StaffFormValues) => {
    const checked = checkWithSchema<MocStaffInput>(mocStaffInputSchema, values);
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    save.mutate(
      { municipalityId, staffId: staff?.id ?? null, input: checked.data },
      { onSuccess: onClose, onError: (error) => form.setErrors(fieldErrorsOf(error)) },
    );
  };

  return (
    <Modal opened onClose={onClose} title={staff ? t("staff.editTitle") : t("staff.addTitle")} centered>
      <form onSubmit={form.onSubmit(onSubmit)} noValidate>
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          <TextInput label={t("staff.fullName")} withAsterisk {...form.getInputProps("fullName")} />
          <Select<MocPosition>
            label={t("staff.position")}
            withAsterisk
            data={POSITION_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps("position")}
          />
          <TextInput label={t("staff.email")} type="email" {...form.getInputProps("email")} />
          <TextInput label={t("staff.phone")} type="tel" {...form.getInputProps("phone")} />
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
