import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PROFESSIONAL_BLOCKS } from "../../../core/teachers";
import { questionnaireSchema } from "../../../shared/teachers-api";
import { apiGet } from "../../app/api-client";
import { useAddAssessment } from "./teachers.queries";

/**
 * The self-assessment questionnaire in a modal: statements by block, each answered 1–5; the server
 * scores each block as the mean of (answer − 1) / 4, in points 0–100.
 */
export function SelfAssessmentModal({
  teacherId,
  opened,
  onClose,
}: {
  teacherId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const questionnaire = useQuery({
    queryKey: ["teachers", "questionnaire"],
    queryFn: () => apiGet("/api/teachers/questionnaire", questionnaireSchema),
    enabled: opened,
  });
  const add = useAddAssessment(teacherId);
  const [date, setDate] = useState("");
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const statements = questionnaire.data?.statements ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t("teachers.self.title")} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("teachers.self.hint")}
        </Text>
        <TextInput
          label={t("teachers.card.date")}
          placeholder="2025-03-15"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        {PROFESSIONAL_BLOCKS.map((block) => (
          <Stack key={block} gap={6}>
            <Title order={6}>{t(`teachers.blocks.${block}`)}</Title>
            {statements
              .filter((s) => s.block === block)
              .map((s) => (
                <Group key={s.id} justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{s.text}</Text>
                  <SegmentedControl
                    size="xs"
                    value={answers[s.id] === undefined ? "" : String(answers[s.id])}
                    onChange={(v) => setAnswers({ ...answers, [s.id]: Number(v) })}
                    data={["1", "2", "3", "4", "5"]}
                  />
                </Group>
              ))}
          </Stack>
        ))}
        {add.error && <Alert color="red">{add.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("teachers.cancel")}
          </Button>
          <Button
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { source: "self", assessedOn: date, answers },
                {
                  onSuccess: () => {
                    setAnswers({});
                    onClose();
                  },
                },
              )
            }
          >
            {t("teachers.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
