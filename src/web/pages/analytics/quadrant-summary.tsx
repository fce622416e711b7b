import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ContextModelResponse, QUADRANT_LABELS, QUADRANTS } from "../../../core/analytics";
import { formatNumber } from "../../components/format";
import { QUADRANT_COLORS } from "./analytics-format";

/** How many schools fell in each group (of the rows the user sees), with the rule in words. */
export function QuadrantSummary({ data }: { data: ContextModelResponse }) {
  const { t } = useTranslation();
  const counts = Object.fromEntries(QUADRANTS.map((q) => [q, 0]));
  for (const s of data.schools) counts[s.quadrant] = (counts[s.quadrant] ?? 0) + 1;
  return (
    <Paper data-testid="quadrant-summary">
      <Stack gap="xs">
        <Text fw={600}>{t("analytics.quadrantsTitle")}</Text>
        <Group gap="sm">
          {QUADRANTS.map((q) => (
            <Badge key={q} color={QUADRANT_COLORS[q]} variant="light" size="lg" data-testid={`quadrant-${q}`}>
              {QUADRANT_LABELS[q]}: {formatNumber(counts[q] ?? 0)}
            </Badge>
          ))}
        </Group>
        {data.municipalityId !== null && (
          <Text size="sm" c="dimmed">
            {t("analytics.municipalityRows")}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {data.model.rule}
        </Text>
      </Stack>
    </Paper>
  );
}
