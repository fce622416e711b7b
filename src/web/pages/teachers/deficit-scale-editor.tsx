import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { deficitScaleAnswerSchema } from "../../../shared/teachers-api";
import { apiSend } from "../../app/api-client";
import { useDeficitScale } from "./teachers.queries";

/** The region's deficit levels, editable by the regional operator (shown only to whoever may edit them). */
export function DeficitScaleEditor() {
  const { t } = useTranslation();
  const scale = useDeficitScale();
  const client = useQueryClient();
  const [bounds, setBounds] = useState({ deficitBelow: 50, masteredFrom: 70 });
  useEffect(() => {
    if (scale.data)
      setBounds({ deficitBelow: scale.data.scale.deficitBelow, masteredFrom: scale.data.scale.masteredFrom });
  }, [scale.data]);
  const save = useMutation({
    mutationFn: () =>
      apiSend(
        "PUT",
        "/api/teachers/deficit-scale",
        { ...bounds, byBlock: scale.data?.scale.byBlock ?? {} },
        deficitScaleAnswerSchema,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["teachers"] }),
  });
  if (!scale.data?.permissions.canEdit) return null;
  return (
    <Paper withBorder p="md" data-testid="deficit-scale">
      <Stack gap="sm">
        <Title order={4}>{t("teachers.scale.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("teachers.scale.hint")}
        </Text>
        <Group>
          <NumberInput
            label={t("teachers.scale.deficitBelow")}
            min={0}
            max={100}
            value={bounds.deficitBelow}
            onChange={(v) => setBounds({ ...bounds, deficitBelow: Number(v) || 0 })}
          />
          <NumberInput
            label={t("teachers.scale.masteredFrom")}
            min={0}
            max={100}
            value={bounds.masteredFrom}
            onChange={(v) => setBounds({ ...bounds, masteredFrom: Number(v) || 0 })}
          />
        </Group>
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t("teachers.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
