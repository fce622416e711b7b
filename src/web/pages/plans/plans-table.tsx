import { Anchor, Badge, Progress, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatPeriodRu, PLAN_KIND_LABELS } from "../../../core/plans";
import type { PlanListItem } from "../../../shared/plans-api";
import { formatPercent } from "../../components/format";
import { PlanStatusBadge } from "./plan-badges";

/** Where a plan belongs, as a list shows it: the school, the municipality or the region. */
export function placeLabel(item: Pick<PlanListItem, "place">): string {
  return item.place.schoolName ?? item.place.municipalityName ?? item.place.regionName;
}

/** The plans as a table: title (link) with kind and period, owner, state and version, completion, overdue, warnings. */
export function PlansTable({ items }: { items: readonly PlanListItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="md" data-testid="plans-empty">
        {t("plans.list.empty")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" data-testid="plans-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plans.list.plan")}</Table.Th>
            <Table.Th>{t("plans.list.owner")}</Table.Th>
            <Table.Th miw={190}>{t("plans.list.status")}</Table.Th>
            <Table.Th w={170}>{t("plans.list.completion")}</Table.Th>
            <Table.Th ta="right">{t("plans.list.overdue")}</Table.Th>
            <Table.Th ta="right">{t("plans.list.warnings")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid={`plan-row-${item.id}`}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/plans/${item.id}`} size="sm" fw={500}>
                    {item.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {PLAN_KIND_LABELS[item.kind]} · {formatPeriodRu(item.period)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{placeLabel(item)}</Text>
                {item.place.schoolName && item.place.municipalityName && (
                  <Text size="xs" c="dimmed">
                    {item.place.municipalityName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <PlanStatusBadge status={item.status} />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {t("plans.versionShort", { version: item.version })}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                {item.completionShare === null ? (
                  <Text size="xs" c="dimmed">
                    {t("plans.list.noActivities")}
                  </Text>
                ) : (
                  <Stack gap={2}>
                    <Progress value={item.completionShare * 100} color="green" size="sm" />
                    <Text size="xs" c="dimmed">
                      {t("plans.list.completionOf", {
                        share: formatPercent(item.completionShare),
                        count: item.activityCount,
                      })}
                    </Text>
                  </Stack>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {item.overdueCount > 0 ? (
                  <Badge color="red" variant="light">
                    {item.overdueCount}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {item.qualityWarningCount > 0 ? (
                  <Badge color="yellow" variant="light">
                    {item.qualityWarningCount}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
