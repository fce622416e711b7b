/**
 * States of a school's monitoring report, as the data forms have them (src/core/forms):
 * draft (черновик) → submitted (отправлен в МОЦ) → approved (согласован) | returned (возвращён на
 * доработку, always with a message) → submitted again.
 */
export const REPORT_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
/** A state of a monitoring report. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Actions on a report. */
export const REPORT_ACTIONS = ["submit", "approve", "return"] as const;
/** An action on a monitoring report. */
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Russian names of the states. */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: "Черновик",
  submitted: "Отправлен в МОЦ",
  approved: "Согласован",
  returned: "Возвращён на доработку",
};

const FROM: Record<ReportAction, readonly ReportStatus[]> = {
  submit: ["draft", "returned"],
  approve: ["submitted"],
  return: ["submitted", "approved"],
};
const TO: Record<ReportAction, ReportStatus> = {
  submit: "submitted",
  approve: "approved",
  return: "returned",
};

/** The outcome of checking an action. */
export type ReportTransition = { ok: true; to: ReportStatus } | { ok: false; message: string };

/** Checks an action on a report in a state; a return needs a message of at least 3 characters. */
export function checkReportTransition(
  status: ReportStatus,
  action: ReportAction,
  message: string,
): ReportTransition {
  if (!FROM[action].includes(status))
    return { ok: false, message: `Действие невозможно: отчёт в состоянии «${REPORT_STATUS_LABELS[status]}»` };
  if (action === "return" && message.trim().length < 3)
    return { ok: false, message: "Напишите, что нужно исправить" };
  return { ok: true, to: TO[action] };
}

/** True when the school may still edit the report. */
export function isReportEditable(status: ReportStatus): boolean {
  return status === "draft" || status === "returned";
}
