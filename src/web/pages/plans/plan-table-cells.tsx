import { Badge, Button, Group, Select, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatIndicatorValue } from "../../../core/identification/ru-format";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES, type Activity } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { ActivityStatusBadge } from "./plan-badges";
import type { PlanTableActions } from "./plan-table";

/** Text that keeps the line breaks it was written with. */
export const multiline = { whiteSpace: "pre-line" } as const;

/** Props of a cell of the plan table. */
export type CellProps = { activity: Activity; detail?: PlanDetail };

/** The causes and measures an activity is linked to, as small badges with their full titles on hover. */
export function Links({ activity, detail }: CellProps) {
  const { t } = useTranslation();
  const cause = (code: string) => detail?.causeTitles.find((item) => item.code === code)?.title ?? code;
  const measure = (code: string) => detail?.measureTitles.find((item) => item.code === code)?.title ?? code;
  if (activity.causeCodes.length === 0 && activity.measureCodes.length === 0) return null;
  return (
    <Group gap={4}>
      {activity.causeCodes.map((code) => (
        <Tooltip key={`c-${code}`} label={`${t("plans.table.cause")}: ${cause(code)}`} multiline maw={360}>
          <Badge size="xs" variant="outline" color="grape" style={{ textTransform: "none" }}>
            {cause(code)}
          </Badge>
        </Tooltip>
      ))}
      {activity.measureCodes.map((code) => (
        <Tooltip
          key={`m-${code}`}
          label={`${t("plans.table.measure")}: ${measure(code)}`}
          multiline
          maw={360}
        >
          <Badge size="xs" variant="outline" color="cyan" style={{ textTransform: "none" }}>
            {measure(code)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/** The implementation indicator: its text, and the catalogue indicator with baseline and target. */
export function Indicator({ activity, detail }: CellProps) {
  const { t } = useTranslation();
  const { text, code, baseline, target, year } = activity.indicator;
  const meta = detail?.indicators.find((item) => item.code === code);
  const show = (value: number | null) =>
    value === null ? "—" : meta ? formatIndicatorValue(value, meta.unit) : String(value).replace(".", ",");
  return (
    <Stack gap={2}>
      {text && (
        <Text size="sm" style={multiline}>
          {text}
        </Text>
      )}
      {code && (
        <Text size="xs" c="dimmed" data-testid={`activity-indicator-${activity.id}`}>
          {t("plans.table.indicator", {
            name: meta?.name ?? code,
            baseline: show(baseline),
            target: show(target),
          })}
          {year !== null ? t("plans.table.indicatorYear", { year }) : ""}
        </Text>
      )}
    </Stack>
  );
}

/** Under an activity's title: its quality findings, check-ins, assignees and the number of comments. */
export function Execution({ activity, detail }: CellProps) {
  const { t } = useTranslation();
  const checkIns = detail?.checkIns.filter((item) => item.activityId === activity.id) ?? [];
  const assignees = detail?.assignees.filter((item) => item.activityId === activity.id) ?? [];
  const comments = detail?.comments.filter((item) => item.activityId === activity.id).length ?? 0;
  const warnings = detail?.quality.filter((item) => item.activityId === activity.id) ?? [];
  return (
    <>
      {warnings.map((issue) => (
        <Text key={issue.code} size="xs" c={issue.severity === "warning" ? "orange.8" : "dimmed"}>
          ⚠ {issue.message}
        </Text>
      ))}
      {checkIns.map((item) => (
        <Text key={item.id} size="xs" c="teal.8" style={multiline}>
          {t("plans.table.checkIn", { date: item.date.split("-").reverse().join("."), text: item.text })}
          {item.evidenceText || item.evidenceUrl
            ? ` (${[item.evidenceText, item.evidenceUrl].filter(Boolean).join(", ")})`
            : ""}
        </Text>
      ))}
      {assignees.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("plans.table.assignees", { names: assignees.map((item) => item.fullName).join(", ") })}
        </Text>
      )}
      {comments > 0 && (
        <Text size="xs" c="blue.8">
          {t("plans.table.comments", { count: comments })}
        </Text>
      )}
    </>
  );
}

/** The status cell: the execution status (a select where allowed), overdue, check-in and assignees buttons. */
export function StatusCell({
  activity,
  detail,
  actions,
}: {
  activity: Activity;
  detail?: PlanDetail;
  actions?: PlanTableActions;
}) {
  const { t } = useTranslation();
  const isOverdue = detail?.overdue.some((item) => item.activityId === activity.id) ?? false;
  const canCheckIn = detail?.permissions.checkInActivityIds.includes(activity.id) ?? false;
  return (
    <Stack gap={6} align="flex-start">
      {actions?.onStatus ? (
        <Select
          size="xs"
          w={150}
          aria-label={t("plans.table.status")}
          allowDeselect={false}
          value={activity.status}
          data-testid={`activity-status-${activity.id}`}
          onChange={(value) => {
            const status = ACTIVITY_STATUSES.find((item) => item === value);
            if (status) actions.onStatus?.(activity.id, status);
          }}
          data={ACTIVITY_STATUSES.map((item) => ({ value: item, label: ACTIVITY_STATUS_LABELS[item] }))}
        />
      ) : null}
      {(!actions?.onStatus || isOverdue) && (
        <ActivityStatusBadge status={activity.status} isOverdue={isOverdue} />
      )}
      <Group gap={4}>
        {actions?.onCheckIn && canCheckIn && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => actions.onCheckIn?.(activity)}
            data-testid={`checkin-${activity.id}`}
          >
            {t("plans.table.addCheckIn")}
          </Button>
        )}
        {actions?.onAssign && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => actions.onAssign?.(activity)}
            data-testid={`assign-${activity.id}`}
          >
            {t("plans.table.assign")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
