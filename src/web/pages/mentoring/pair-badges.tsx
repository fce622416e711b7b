import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PairRow } from "../../../shared/mentoring-api";

const COLORS: Record<PairRow["status"], string> = {
  suggested: "blue",
  confirmed: "green",
  rejected: "gray",
  ended: "dark",
};

/** The status of a pair as a coloured badge. */
export function PairStatusBadge({ status }: { status: PairRow["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="pair-status">
      {t(`mentoring.status.${status}`)}
    </Badge>
  );
}
