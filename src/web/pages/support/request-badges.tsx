import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RequestStatus } from "../../../core/support";

const COLORS: Record<RequestStatus, string> = {
  new: "blue",
  assigned: "violet",
  in_work: "orange",
  done: "green",
};

/** A request's state as a coloured badge. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="request-status">
      {t(`support.status.${status}`)}
    </Badge>
  );
}

/** «Просрочена», with the rule's sentence as its title. */
export function OverdueBadge({ sentence }: { sentence: string }) {
  return (
    <Badge color="red" variant="filled" title={sentence} data-testid="request-overdue">
      Просрочена
    </Badge>
  );
}
