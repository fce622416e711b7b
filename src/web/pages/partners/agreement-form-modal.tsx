import { Alert, Button, FileInput, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { AGREEMENT_STATUSES, PARTNER_KINDS, type PartnerKind } from "../../../core/partners/partner-kinds";
import {
  type AgreementCreate,
  type AgreementItem,
  agreementCreateSchema,
} from "../../../shared/partners-api";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { SchoolPicker } from "../../components/school-picker";
import { useSaveAgreement } from "./partners.queries";

type Status = (typeof AGREEMENT_STATUSES)[number];

type Values = {
  partnerKind: PartnerKind;
  partnerSchoolIds: number[];
  partnerName: string;
  subject: string;
  startsOn: string;
  endsOn: string;
  status: Status;
  documentNumber: string;
  documentDate: string;
  documentUrl: string;
  note: string;
  file: File | null;
};

/** The largest file the form sends; the server checks again. */
const MAX_FILE_MB = 50;

function initial(item: AgreementItem | null): Values {
  return {
    partnerKind: item?.partnerKind ?? "school",
    partnerSchoolIds: item?.partnerSchool ? [item.partnerSchool.id] : [],
    partnerName: item && !item.partnerSchool ? item.partnerName : "",
    subject: item?.subject ?? "",
    startsOn: item?.startsOn ?? "",
    endsOn: item?.endsOn ?? "",
    status: item?.status ?? "signed",
    documentNumber: item?.documentNumber ?? "",
    documentDate: item?.documentDate ?? "",
    documentUrl: item?.documentUrl ?? "",
    note: item?.note ?? "",
    file: null,
  };
}

/**
 * Records an agreement of a programme school with a partner school or a social partner, or edits one
 * (a draft made from a suggestion, say): subject, dates, the document's number, date, link and file.
 */
export function AgreementFormModal({
  schoolId,
  item,
  onClose,
}: {
  schoolId: number;
  item: AgreementItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAgreement(schoolId);
  const form = useForm<Values>({ initialValues: initial(item) });
  const isSchool = form.values.partnerKind === "school";
  const onSubmit = (values: Values) => {
    if (values.file && values.file.size > MAX_FILE_MB * 1024 * 1024) {
      form.setErrors({ file: t("partners.form.tooLarge", { mb: MAX_FILE_MB }) });
      return;
    }
    const partnerSchoolId = values.partnerKind === "school" ? (values.partnerSchoolIds[0] ?? null) : null;
    if (values.partnerKind === "school" && partnerSchoolId === null) {
      form.setErrors({ partnerSchoolIds: t("partners.form.pickSchool") });
      return;
    }
    if (values.partnerKind !== "school" && values.partnerName.trim() === "") {
      form.setErrors({ partnerName: t("partners.form.nameRequired") });
      return;
    }
    const checked = checkWithSchema<AgreementCreate>(agreementCreateSchema, {
      ...values,
      partnerSchoolId,
      partnerName: values.partnerKind === "school" ? "" : values.partnerName,
      endsOn: values.endsOn || null,
      documentDate: values.documentDate || null,
    });
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    if (checked.data.endsOn && checked.data.endsOn < checked.data.startsOn) {
      form.setErrors({ endsOn: t("partners.form.endsBeforeStarts") });
      return;
    }
    const onError = (error: unknown) => {
      const { partnerSchoolId: schoolError, ...rest } = fieldErrorsOf(error);
      form.setErrors(schoolError ? { ...rest, partnerSchoolIds: schoolError } : rest);
    };
    save.mutate(
      { id: item?.id ?? null, input: checked.data, file: values.file },
      { onSuccess: onClose, onError },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? t("partners.form.editTitle") : t("partners.form.addTitle")}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate autoComplete="off" data-testid="agreement-form">
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t("partners.kind")}
              allowDeselect={false}
              data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
              {...form.getInputProps("partnerKind")}
            />
            <Select
              label={t("partners.status")}
              allowDeselect={false}
              data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`partners.statuses.${s}`) }))}
              {...form.getInputProps("status")}
            />
          </Group>
          {isSchool ? (
            <SchoolPicker
              label={t("partners.form.partnerSchool")}
              withAsterisk
              maxValues={1}
              known={
                item?.partnerSchool
                  ? [
                      {
                        id: item.partnerSchool.id,
                        code: item.partnerSchool.code,
                        name: item.partnerSchool.name,
                      },
                    ]
                  : []
              }
              value={form.values.partnerSchoolIds}
              onChange={(ids) => form.setFieldValue("partnerSchoolIds", ids)}
              error={form.errors.partnerSchoolIds}
            />
          ) : (
            <TextInput label={t("partners.name")} withAsterisk {...form.getInputProps("partnerName")} />
          )}
          <TextInput label={t("partners.form.subject")} {...form.getInputProps("subject")} />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("partners.startsOn")}
              withAsterisk
              {...form.getInputProps("startsOn")}
            />
            <TextInput type="date" label={t("partners.endsOn")} {...form.getInputProps("endsOn")} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t("partners.form.documentNumber")} {...form.getInputProps("documentNumber")} />
            <TextInput
              type="date"
              label={t("partners.form.documentDate")}
              {...form.getInputProps("documentDate")}
            />
          </Group>
          <TextInput
            label={t("partners.form.documentUrl")}
            placeholder="https://"
            {...form.getInputProps("documentUrl")}
          />
          <FileInput
            label={t("partners.form.file")}
            description={
              item?.file
                ? t("partners.form.fileReplaces", { name: item.file.name })
                : t("partners.form.fileHint", { mb: MAX_FILE_MB })
            }
            clearable
            data-testid="agreement-file"
            {...form.getInputProps("file")}
          />
          <Textarea label={t("partners.form.note")} autosize minRows={2} {...form.getInputProps("note")} />
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
