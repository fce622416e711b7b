import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ROLE_LABELS, ROLES, type Role } from "../../../shared/roles";
import { useMe } from "../../app/session";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { useAllSchools } from "../schools/schools.queries";
import { ROLE_PLACE, toUserCreateInput, userCreateFormSchema } from "./user-form";
import { useCreateUser } from "./users.queries";

type UserFormValues = {
  login: string;
  password: string;
  fullName: string;
  role: Role;
  municipalityId: number | null;
  schoolId: number | null;
  assignedSchoolIds: number[];
};

const INITIAL: UserFormValues = {
  login: "",
  password: "",
  fullName: "",
  role: "school_director",
  municipalityId: null,
  schoolId: null,
  assignedSchoolIds: [],
};

/** Creates a user; the place fields follow the role (municipality, school, or assigned schools). */
export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateUser();
  const municipalities = useMunicipalities();
  const schools = useAllSchools();
  const form = useForm<UserFormValues>({ initialValues: INITIAL });
  const place = ROLE_PLACE[form.values.role];
  const roles = ROLES.filter((r) => r !== "federal_operator" || me.role === "federal_operator");
  const schoolOptions = (schools.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${s.shortName} (${s.municipalityName})`,
  }));

  const onSubmit = (values: UserFormValues) => {
    const checked = checkWithSchema(userCreateFormSchema, values);
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    create.mutate(toUserCreateInput(checked.data), {
      onSuccess: onClose,
      onError: (error) => form.setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t("users.addTitle")} size="lg" centered>
      <form onSubmit={form.onSubmit(onSubmit)} noValidate autoComplete="off">
        <Stack>
          {create.isError && (
            <Alert color="red" variant="light">
              {create.error.message}
            </Alert>
          )}
          <TextInput label={t("users.fullName")} withAsterisk {...form.getInputProps("fullName")} />
          <Group grow align="flex-start">
            <TextInput label={t("users.login")} withAsterisk {...form.getInputProps("login")} />
            <PasswordInput
              label={t("users.password")}
              withAsterisk
              autoComplete="new-password"
              {...form.getInputProps("password")}
            />
          </Group>
          <Select<Role>
            label={t("users.role")}
            withAsterisk
            data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
          {place === "municipality" && (
            <Select<number>
              label={t("users.municipality")}
              withAsterisk
              searchable
              data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              {...form.getInputProps("municipalityId")}
            />
          )}
          {place === "school" && (
            <Select<number>
              label={t("users.school")}
              withAsterisk
              searchable
              limit={50}
              data={schoolOptions}
              nothingFoundMessage={t("common.nothingFound")}
              {...form.getInputProps("schoolId")}
            />
          )}
          {place === "assigned" && (
            <MultiSelect<number>
              label={t("users.assignedSchools")}
              description={t("users.assignedSchoolsHint")}
              searchable
              limit={50}
              data={schoolOptions}
              nothingFoundMessage={t("common.nothingFound")}
              {...form.getInputProps("assignedSchoolIds")}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("users.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
