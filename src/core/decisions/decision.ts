/**
 * Exit decisions (issue 13, item 4): at the end of the programme year each programme school gets a
 * decision — it leaves the programme (targets reached), continues, was closed or reorganised — with
 * reasons. The МОЦ proposes, the region approves or returns it with a message.
 */

/** The kinds of decision. */
export const DECISION_KINDS = ["leaves", "continues", "closed", "reorganised"] as const;
/** Выходит из программы, продолжает, ликвидирована, реорганизована. */
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The states of a decision: the МОЦ proposed it, the region approved it or returned it. */
export const DECISION_STATUSES = ["proposed", "approved", "returned"] as const;
/** A state of a decision. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** What is done to a decision. */
export type DecisionAction = "propose" | "approve" | "return";

/**
 * Why an action is refused in the current state (null: allowed). The МОЦ proposes a new decision
 * or changes one still proposed or returned; the region approves or returns only a proposed one; an
 * approved decision stays.
 */
export function refuseDecisionAction(status: DecisionStatus | null, action: DecisionAction): string | null {
  if (status === "approved") return "Решение уже утверждено регионом: его не меняют";
  if (action === "propose") return null;
  if (status === null) return "По школе нет предложенного решения";
  if (status === "returned") return "Решение возвращено МОЦ на доработку: дождитесь нового предложения";
  return null;
}

/** The state an action leads to. */
export function nextDecisionStatus(action: DecisionAction): DecisionStatus {
  if (action === "approve") return "approved";
  return action === "return" ? "returned" : "proposed";
}
