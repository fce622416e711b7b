import { Accordion, Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readAnswer } from "../../../core/causes/answer-reading";
import type { AnswerValue } from "../../../core/causes/workbook.schema";
import type { SchoolWorkbook } from "../../../shared/school-causes-api";
import { ApiRequestError } from "../../app/api-client";
import { formatMoscowDateTime } from "../../components/format";
import { QuestionInput } from "./question-input";
import { useSaveAnswers } from "./school-causes.queries";

type Answers = Record<string, AnswerValue>;

/** The server's issues `answers.<code>` by question code. */
function issuesByQuestion(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const code = issue.path?.startsWith("answers.") ? issue.path.slice("answers.".length) : undefined;
    if (code && !(code in out)) out[code] = issue.message;
  }
  return out;
}

function answeredOnly(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).filter(
      ([, value]) => value !== null && !(typeof value === "string" && value.trim() === ""),
    ),
  );
}

function StatusLine({ data }: { data: SchoolWorkbook }) {
  const { t } = useTranslation();
  const { response, workbook, progress } = data;
  const status =
    response?.status === "submitted" ? "statusSubmitted" : response ? "statusDraft" : "notStarted";
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Badge variant="light" data-testid="workbook-version">
          {t("causes.workbook.version", { version: workbook.version })}
        </Badge>
        <Badge color={response?.status === "submitted" ? "teal" : "gray"} data-testid="workbook-status">
          {t(`causes.workbook.${status}`)}
        </Badge>
        {response?.submittedAt && (
          <Text size="sm" c="dimmed">
            {t("causes.workbook.submittedAt", { date: formatMoscowDateTime(response.submittedAt) })}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="workbook-progress">
        {t("causes.workbook.progress", {
          answered: progress.answered,
          total: progress.total,
          missing: progress.requiredMissing,
        })}
      </Text>
      {workbook.version !== workbook.currentVersion && (
        <Alert color="blue" variant="light">
          {t("causes.workbook.oldVersion", { version: workbook.version, current: workbook.currentVersion })}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The workbook of causes as a form by sections, every question type with its input; saving keeps a
 * draft, sending requires every required answer. Problems come back named by question and are shown
 * under each.
 */
export function WorkbookForm({ data }: { data: SchoolWorkbook }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(data.response?.answers ?? {}) }));
  const save = useSaveAnswers(data.school.id, data.year);
  const errors = issuesByQuestion(save.error);
  const canEdit = data.permissions.canEdit;
  const sections = data.workbook.definition.sections;
  const onSave = (submit: boolean) =>
    save.mutate(
      { answers: answeredOnly(answers), submit },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: t(submit ? "causes.workbook.sent" : "causes.workbook.saved"),
          }),
      },
    );
  return (
    <Stack gap="md" data-testid="workbook-form">
      <StatusLine data={data} />
      {!canEdit && <Alert color="gray">{t("causes.workbook.readOnly")}</Alert>}
      {canEdit && data.response?.status === "submitted" && (
        <Alert color="teal">{t("causes.workbook.afterSubmit")}</Alert>
      )}
      <Accordion multiple defaultValue={sections.map((section) => section.code)} variant="separated">
        {sections.map((section, s) => {
          const answered = section.questions.filter((q) => {
            const status = readAnswer(q, answers[q.code]).status;
            return status === "scored" || status === "text";
          }).length;
          return (
            <Accordion.Item key={section.code} value={section.code}>
              <Accordion.Control>
                <Group justify="space-between" pr="md">
                  <Text fw={600}>{`${s + 1}. ${section.title}`}</Text>
                  <Text size="sm" c="dimmed">{`${answered} / ${section.questions.length}`}</Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="lg">
                  {section.questions.map((question, q) => (
                    <QuestionInput
                      key={question.code}
                      question={question}
                      number={`${s + 1}.${q + 1}`}
                      value={answers[question.code]}
                      error={errors[question.code]}
                      isDisabled={!canEdit || save.isPending}
                      onChange={(value) => setAnswers((current) => ({ ...current, [question.code]: value }))}
                    />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {save.isError && (
        <Alert color="red" variant="light" data-testid="workbook-error">
          {save.error.message}
        </Alert>
      )}
      {canEdit && (
        <Group>
          <Button
            variant="light"
            onClick={() => onSave(false)}
            loading={save.isPending}
            data-testid="workbook-save"
          >
            {t("causes.workbook.save")}
          </Button>
          <Button onClick={() => onSave(true)} loading={save.isPending} data-testid="workbook-submit">
            {t("causes.workbook.submit")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
