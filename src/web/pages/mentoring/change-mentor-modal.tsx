import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PairRow } from "../../../shared/mentoring-api";
import { useDecidePair, usePair } from "./mentoring.queries";

/** Picks another mentor for a suggested pair from those with a free place, best fit first. */
export function ChangeMentorModal({ pair, onClose }: { pair: PairRow; onClose: () => void }) {
  const { t } = useTranslation();
  const card = usePair(pair.id);
  const decide = useDecidePair();
  const [picked, setPicked] = useState<string | null>(null);
  const alternatives = card.data?.alternatives ?? [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("mentoring.changeTitle", { name: pair.teacher.fullName })}
      size="lg"
    >
      {card.isPending ? (
        <Loader />
      ) : alternatives.length === 0 ? (
        <Alert color="gray">{t("mentoring.noAlternatives")}</Alert>
      ) : (
        <Stack gap="sm">
          <Radio.Group value={picked} onChange={setPicked}>
            <Stack gap="xs">
              {alternatives.map((a) => (
                <Radio
                  key={a.mentorId}
                  value={String(a.mentorId)}
                  label={`${a.fullName} — ${a.score.toLocaleString("ru-RU")}`}
                  description={a.reason}
                />
              ))}
            </Stack>
          </Radio.Group>
          {decide.isError && <Alert color="red">{decide.error.message}</Alert>}
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              {t("mentoring.changeHint")}
            </Text>
            <Button
              disabled={picked === null}
              loading={decide.isPending}
              onClick={() =>
                picked &&
                decide.mutate(
                  { id: pair.id, action: "change", mentorId: Number(picked) },
                  { onSuccess: onClose },
                )
              }
            >
              {t("mentoring.changeConfirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
