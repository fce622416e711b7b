import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  MATERIAL_KINDS,
  MATERIAL_LEVELS,
  type MaterialKind,
  type MaterialLevel,
} from "../../../core/materials/material-kinds";
import { type MaterialCreate, type MaterialItem, materialCreateSchema } from "../../../shared/materials-api";
import { useMe } from "../../app/session";
import { checkWithSchema, fieldErrorsOf } from "../../components/form-errors";
import { SchoolPicker } from "../../components/school-picker";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { useSaveMaterial } from "./materials.queries";

type Values = {
  title: string;
  kind: MaterialKind;
  level: MaterialLevel;
  municipalityId: string | null;
  schoolIds: number[];
  tags: string[];
  url: string;
  author: string;
  description: string;
  file: File | null;
};

/** The largest file the form sends; the server checks again. */
const MAX_FILE_MB = 50;

function initial(item: MaterialItem | null, levels: readonly MaterialLevel[]): Values {
  return {
    title: item?.title ?? "",
    kind: item?.kind ?? "recommendations",
    level: item?.level ?? levels[0] ?? "regional",
    municipalityId: item?.municipalityId ? String(item.municipalityId) : null,
    schoolIds: item?.schoolId ? [item.schoolId] : [],
    tags: item ? [...item.tags] : [],
    url: item?.url ?? "",
    author: item?.author ?? "",
    description: item?.description ?? "",
    file: null,
  };
}

/** Adds a material to the bank or changes one: title, kind, level, tags, a link or a file, author. */
export function MaterialFormModal({ item, onClose }: { item: MaterialItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const isMoc = me.role === "moc_coordinator";
  const levels: readonly MaterialLevel[] = isMoc ? ["municipal", "school"] : MATERIAL_LEVELS;
  const municipalities = useMunicipalities(!isMoc);
  const save = useSaveMaterial();
  const form = useForm<Values>({ initialValues: initial(item, levels) });
  const { level } = form.values;
  const onSubmit = (values: Values) => {
    if (values.file && values.file.size > MAX_FILE_MB * 1024 * 1024) {
      form.setErrors({ file: t("partners.materials.form.tooLarge", { mb: MAX_FILE_MB }) });
      return;
    }
    const checked = checkWithSchema<MaterialCreate>(materialCreateSchema, {
      title: values.title,
      kind: values.kind,
      level: values.level,
      municipalityId:
        values.level === "municipal" && values.municipalityId ? Number(values.municipalityId) : null,
      schoolId: values.level === "school" ? (values.schoolIds[0] ?? null) : null,
      tags: values.tags,
      url: values.url,
      author: values.author,
      description: values.description,
    });
    if (!checked.isValid) {
      form.setErrors(checked.errors);
      return;
    }
    if (values.level === "school" && values.schoolIds.length === 0) {
      form.setErrors({ schoolIds: t("partners.materials.form.pickSchool") });
      return;
    }
    if (values.level === "municipal" && !isMoc && !values.municipalityId) {
      form.setErrors({ municipalityId: t("partners.materials.form.pickMunicipality") });
      return;
    }
    const { regionId: _, ...input } = checked.data;
    const onError = (error: unknown) => {
      const errors = fieldErrorsOf(error);
      const { schoolId, ...rest } = errors;
      form.setErrors(schoolId ? { ...rest, schoolIds: schoolId } : rest);
    };
    const request = item ? { id: item.id, input, file: values.file } : { id: null, input, file: values.file };
    save.mutate(request, { onSuccess: onClose, onError });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? t("partners.materials.form.editTitle") : t("partners.materials.form.addTitle")}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit(onSubmit)} noValidate autoComplete="off" data-testid="material-form">
        <Stack>
          {save.isError && (
            <Alert color="red" variant="light">
              {save.error.message}
            </Alert>
          )}
          <TextInput
            label={t("partners.materials.form.title")}
            withAsterisk
            {...form.getInputProps("title")}
          />
          <Group grow align="flex-start">
            <Select
              label={t("partners.materials.form.kind")}
              allowDeselect={false}
              data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`partners.materials.kinds.${k}`) }))}
              {...form.getInputProps("kind")}
            />
            <Select
              label={t("partners.materials.form.level")}
              allowDeselect={false}
              data={levels.map((l) => ({ value: l, label: t(`partners.materials.levels.${l}`) }))}
              {...form.getInputProps("level")}
            />
          </Group>
          {level === "municipal" && !isMoc && (
            <Select
              label={t("partners.materials.form.municipality")}
              searchable
              data={(municipalities.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
              {...form.getInputProps("municipalityId")}
            />
          )}
          {level === "school" && (
            <SchoolPicker
              label={t("partners.materials.form.school")}
              maxValues={1}
              known={item?.schoolId ? [{ id: item.schoolId, code: "", name: item.schoolName ?? "" }] : []}
              value={form.values.schoolIds}
              onChange={(ids) => form.setFieldValue("schoolIds", ids)}
              error={form.errors.schoolIds}
            />
          )}
          <TagsInput
            label={t("partners.materials.form.tags")}
            description={t("partners.materials.form.tagsHint")}
            {...form.getInputProps("tags")}
          />
          <TextInput label={t("partners.materials.form.author")} {...form.getInputProps("author")} />
          <TextInput
            label={t("partners.materials.form.url")}
            placeholder="https://"
            {...form.getInputProps("url")}
          />
          <FileInput
            label={t("partners.materials.form.file")}
            description={
              item?.file
                ? t("partners.materials.form.fileReplaces", { name: item.file.name })
                : t("partners.materials.form.fileHint", { mb: MAX_FILE_MB })
            }
            clearable
            data-testid="material-file"
            {...form.getInputProps("file")}
          />
          <Textarea
            label={t("partners.materials.form.description")}
            autosize
            minRows={3}
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
