import { Badge } from "@mantine/core";
import { FORM_STATUS_LABELS, type FormStatus } from "../../../core/forms/form-workflow";

/** Colours of the form states, shared by the badge and the dashboard chart. */
export const FORM_STATUS_COLORS: Record<FormStatus, string> = {
  draft: "gray",
  submitted: "blue",
  approved: "teal",
  accepted: "green",
  returned: "orange",
};

/** The state of a data form as a coloured badge. */
export function FormStatusBadge({ status }: { status: FormStatus }) {
  return (
    <Badge color={FORM_STATUS_COLORS[status]} variant="light" data-testid="form-status">
      {FORM_STATUS_LABELS[status]}
    </Badge>
  );
}
