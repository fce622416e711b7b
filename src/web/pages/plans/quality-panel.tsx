import { Alert, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanIssue } from "../../../core/plans";
import type { PlanIssueView } from "../../../shared/plans-api";

/** Plan-quality findings, warnings first, each its Russian sentence. */
export function QualityList({ issues }: { issues: readonly (PlanIssue | PlanIssueView)[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) {
    return (
      <Text size="sm" c="teal.8" data-testid="quality-ok">
        {t("plans.quality.none")}
      </Text>
    );
  }
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1,
  );
  return (
    <Stack gap={6} data-testid="quality-list">
      {sorted.map((issue) => (
        <Group
          key={`${issue.code}-${issue.activityId}-${issue.causeCode}`}
          gap="xs"
          wrap="nowrap"
          align="flex-start"
        >
          <Badge size="sm" variant="light" color={issue.severity === "warning" ? "orange" : "gray"} miw={140}>
            {issue.severity === "warning" ? t("plans.quality.warning") : t("plans.quality.notice")}
          </Badge>
          <Text size="sm">{issue.message}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The quality panel of a plan: what the author must look at before sending and the reviewer sees whole. */
export function QualityPanel({ issues }: { issues: readonly PlanIssueView[] }) {
  const { t } = useTranslation();
  const warnings = issues.filter((issue) => issue.severity === "warning").length;
  return (
    <Stack gap="sm" data-testid="quality-panel">
      <Alert color={warnings > 0 ? "orange" : "teal"} variant="light">
        {warnings > 0 ? t("plans.quality.summary", { count: warnings }) : t("plans.quality.summaryOk")}
      </Alert>
      <QualityList issues={issues} />
    </Stack>
  );
}
