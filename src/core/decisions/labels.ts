import type { DecisionKind, DecisionStatus } from "./decision";
import type { Dynamics, TargetVerdict } from "./results";

/** Russian names of the decision kinds, for documents. */
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  leaves: "Выходит из программы (целевые показатели достигнуты)",
  continues: "Продолжает работу по программе",
  closed: "Ликвидирована",
  reorganised: "Реорганизована",
};

/** Russian names of the decision states, for documents. */
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  proposed: "Предложено МОЦ",
  approved: "Утверждено регионом",
  returned: "Возвращено МОЦ",
};

/** Russian names of the dynamics, for documents. */
export const DYNAMICS_LABELS: Record<Dynamics, string> = {
  improved: "повысились",
  unchanged: "почти без изменений",
  declined: "понизились",
  no_data: "нет данных",
};

/** Russian names of the target verdicts, for documents. */
export const TARGET_VERDICT_LABELS: Record<TargetVerdict, string> = {
  all: "достигнуты все",
  some: "достигнуты частично",
  none: "не достигнуты",
  no_data: "нет фактических значений",
  no_targets: "нет целевых показателей",
};

/** What a school without a decision shows. */
export const NO_DECISION_LABEL = "Вывод отсутствует";
