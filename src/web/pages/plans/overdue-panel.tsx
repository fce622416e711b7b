import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useOverdue } from "./plans.queries";
import { placeLabel } from "./plans-table";

/** Props of the overdue panel: a municipality's (its road maps and its schools' programmes) or a region's. */
export type OverduePanelProps = { municipalityId?: number; regionId?: number; limit?: number };

/**
 * «Просроченные мероприятия»: the overdue activities of approved plans in scope, the earliest deadline
 * first, each with its plan and place; a small panel for the МОЦ's municipality page and the region overview.
 */
export function OverduePanel({ municipalityId, regionId, limit = 8 }: OverduePanelProps) {
  const { t } = useTranslation();
  const query = useOverdue({ municipalityId, regionId });
  const items = query.data?.items ?? [];
  return (
    <Paper data-testid="overdue-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("plans.overduePanel.title")}</Title>
        <Badge color={items.length > 0 ? "red" : "gray"} variant="light">
          {items.length}
        </Badge>
      </Group>
      {query.isPending ? null : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("plans.overduePanel.none")}
        </Text>
      ) : (
        <Stack gap="xs">
          {items.slice(0, limit).map((item) => (
            <Stack key={`${item.planId}-${item.activityId}`} gap={0}>
              <Text size="sm">{item.sentence}</Text>
              <Text size="xs" c="dimmed">
                <Anchor component={Link} to={`/plans/${item.planId}`} size="xs">
                  {item.planTitle}
                </Anchor>{" "}
                · {placeLabel(item)}
              </Text>
            </Stack>
          ))}
          {items.length > limit && (
            <Anchor component={Link} to="/plans?status=approved" size="sm">
              {t("plans.overduePanel.more", { count: items.length - limit })}
            </Anchor>
          )}
        </Stack>
      )}
    </Paper>
  );
}
