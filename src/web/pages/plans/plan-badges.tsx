import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  ACTIVITY_STATUS_LABELS,
  type ActivityStatus,
  PLAN_STATUS_LABELS,
  type PlanStatus,
} from "../../../core/plans";

/** Colours of the plan states. */
export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = {
  draft: "gray",
  submitted: "blue",
  returned: "orange",
  approved: "green",
  locked: "dark",
};

/** Colours of the activity states. */
export const ACTIVITY_STATUS_COLORS: Record<ActivityStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  done: "green",
  cancelled: "dark",
};

/** A plan's state as a coloured badge. */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return (
    <Badge
      color={PLAN_STATUS_COLORS[status]}
      variant="light"
      data-testid="plan-status"
      style={{ flexShrink: 0 }}
      maw="none"
    >
      {PLAN_STATUS_LABELS[status]}
    </Badge>
  );
}

/** An activity's execution state as a small badge; «Просрочено» in red when overdue. */
export function ActivityStatusBadge({ status, isOverdue }: { status: ActivityStatus; isOverdue: boolean }) {
  const { t } = useTranslation();
  if (isOverdue) {
    return (
      <Badge color="red" variant="filled" size="sm" data-testid="activity-overdue">
        {t("plans.overdue")}
      </Badge>
    );
  }
  return (
    <Badge color={ACTIVITY_STATUS_COLORS[status]} variant="light" size="sm">
      {ACTIVITY_STATUS_LABELS[status]}
    </Badge>
  );
}
