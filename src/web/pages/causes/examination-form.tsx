import { Alert, Button, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExaminationInput, SchoolExamination } from "../../../shared/school-causes-api";
import { fieldErrorsOf } from "../../components/form-errors";
import { formatMoscowDateTime } from "../../components/format";
import { useSaveExamination } from "./school-causes.queries";

const TEXTS = ["participants", "documentCheck", "interviews", "assessmentAnalysis", "findings"] as const;

function emptyInput(): ExaminationInput {
  return {
    examinedOn: "",
    participants: "",
    documentCheck: "",
    interviews: "",
    assessmentAnalysis: "",
    findings: "",
  };
}

function ReadOnly({ data }: { data: SchoolExamination }) {
  const { t } = useTranslation();
  const exam = data.examination;
  if (!exam) return <Text c="dimmed">{t("causes.examination.none")}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>{t("causes.examination.examinedOn")}:</b> {exam.examinedOn.split("-").reverse().join(".")}
      </Text>
      {TEXTS.filter((key) => exam[key]).map((key) => (
        <Text size="sm" key={key} style={{ whiteSpace: "pre-wrap" }}>
          <b>{t(`causes.examination.${key}`)}:</b> {exam[key]}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The МОЦ's complex examination of the school (date, participants, document check, interviews,
 * analysis of assessment procedures, findings): a form for the МОЦ, the record for everyone else.
 */
export function ExaminationForm({ data }: { data: SchoolExamination }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ExaminationInput>(() => {
    const exam = data.examination;
    return exam ? { ...exam } : emptyInput();
  });
  const save = useSaveExamination(data.school.id, data.year);
  const errors = fieldErrorsOf(save.error);
  const set = (key: keyof ExaminationInput, value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  return (
    <Paper withBorder p="md" data-testid="examination">
      <Stack gap="sm">
        <Title order={5}>{t("causes.examination.title")}</Title>
        {data.examination && (
          <Text size="xs" c="dimmed">
            {t("causes.examination.recordedBy", {
              name: data.examination.recordedByName,
              date: formatMoscowDateTime(data.examination.updatedAt),
            })}
          </Text>
        )}
        {!data.permissions.canEdit ? (
          <ReadOnly data={data} />
        ) : (
          <>
            {save.isError && (
              <Alert color="red" variant="light">
                {save.error.message}
              </Alert>
            )}
            <TextInput
              type="date"
              w={200}
              label={t("causes.examination.examinedOn")}
              value={values.examinedOn}
              onChange={(event) => set("examinedOn", event.currentTarget.value)}
              error={errors.examinedOn}
              data-testid="examination-date"
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {TEXTS.map((key) => (
                <Textarea
                  key={key}
                  label={t(`causes.examination.${key}`)}
                  autosize
                  minRows={2}
                  value={values[key]}
                  onChange={(event) => set(key, event.currentTarget.value)}
                  error={errors[key]}
                  data-testid={`examination-${key}`}
                />
              ))}
            </SimpleGrid>
            <Button
              w="fit-content"
              loading={save.isPending}
              data-testid="examination-save"
              onClick={() =>
                save.mutate(values, {
                  onSuccess: () =>
                    notifications.show({ color: "teal", message: t("causes.examination.saved") }),
                })
              }
            >
              {t("causes.examination.save")}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
