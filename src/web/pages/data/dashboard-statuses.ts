import type { FormStatus } from "../../../core/forms/form-workflow";

/** Form states in the order of the workflow: the dashboard table's columns and the chart's segments and legend. */
export const DASHBOARD_STATUSES: readonly FormStatus[] = [
  "draft",
  "returned",
  "submitted",
  "approved",
  "accepted",
];
