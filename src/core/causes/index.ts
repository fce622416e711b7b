/**
 * Diagnosis of causes: the factor catalogue, the workbook of causes («Рабочая тетрадь по выявлению
 * причин неуспешности») with its answers, indicator evidence rules, the risk profile and the
 * registry of causes. Pure: feed it plain rows, get plain JSON back.
 */
export * from "./answer-reading";
export * from "./factor.schema";
export * from "./factors.data";
export * from "./indicator-rule.schema";
export * from "./indicator-rules.data";
export * from "./registry";
export * from "./risk-combine";
export * from "./risk-evidence";
export * from "./risk-profile";
export * from "./ru-text";
export * from "./threshold";
export * from "./workbook.data";
export * from "./workbook.schema";
export * from "./workbook-validate";
