import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QualityFlag, SimilarPairView } from "../../../shared/quality-api";
import { formatPercent } from "../../components/format";

function Side({ label, text }: { label: string; text: string | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg={text === null ? "gray.0" : "yellow.0"}>
      <Text size="xs" c="dimmed" mb={4}>
        {label}
      </Text>
      {text === null ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t("quality.hidden")}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="passage-text">
          {text}
        </Text>
      )}
    </Paper>
  );
}

/** Passages shown before «show all». */
const FIRST_PASSAGES = 3;

/** A near-duplicate pair: the sentence, the score, and the shared passages of both texts side by side. */
export function PairView({ sentence, pair }: { sentence: string; pair: SimilarPairView }) {
  const { t } = useTranslation();
  const [isAll, setAll] = useState(false);
  const shown = isAll ? pair.passages : pair.passages.slice(0, FIRST_PASSAGES);
  return (
    <Card withBorder data-testid="duplicate-flag">
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="nowrap">
          <Text fw={500}>{sentence}</Text>
          <Stack gap={4} align="end" style={{ flexShrink: 0 }}>
            <Badge color="red" variant="light">
              {t("quality.score", { score: formatPercent(pair.score) })}
            </Badge>
            <Badge color="gray" variant="light">
              {pair.a.kindLabel}
            </Badge>
          </Stack>
        </Group>
        <Text size="sm" c="dimmed">
          {t("quality.passages")}
        </Text>
        {shown.map((passage) => (
          <SimpleGrid
            key={`${passage.a.start}-${passage.b?.start ?? "x"}`}
            cols={2}
            data-testid="passage-pair"
          >
            <Side
              label={`${pair.a.label} · ${t("quality.passageWords", { count: passage.words })}`}
              text={passage.a.text}
            />
            <Side label={pair.b.label} text={passage.b?.text ?? null} />
          </SimpleGrid>
        ))}
        {pair.passages.length > FIRST_PASSAGES && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAll(!isAll)}>
              {isAll ? t("quality.fewerPassages") : t("quality.allPassages", { count: pair.passages.length })}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The flags, each as its sentence; near-duplicates with their passages side by side. */
export function FlagList({ flags }: { flags: readonly QualityFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <Text c="dimmed">{t("quality.noFlags")}</Text>;
  return (
    <Stack gap="sm">
      {flags.map((flag) =>
        flag.pair ? (
          <PairView key={flag.sentence} sentence={flag.sentence} pair={flag.pair} />
        ) : (
          <Card key={flag.sentence} withBorder data-testid={`flag-${flag.kind}`}>
            <Group gap="sm" wrap="nowrap" align="start">
              <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                {t(`quality.kinds.${flag.kind}`)}
              </Badge>
              <Text size="sm">{flag.sentence}</Text>
            </Group>
          </Card>
        ),
      )}
    </Stack>
  );
}
