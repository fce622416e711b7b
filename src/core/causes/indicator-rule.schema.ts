import { z } from "zod";
import { thresholdSchema } from "./threshold";

/**
 * An indicator evidence rule: the catalogue indicator `indicatorCode` speaks to the factor
 * `factorCode`, its latest value scored by the threshold (high 1, medium 0.5, low 0). `label` is the
 * short subject of the evidence sentence («Вакансий учителей»); the indicator's full name follows in
 * brackets.
 */
export const indicatorRuleSchema = z.strictObject({
  factorCode: z.string().regex(/^[a-z][a-z0-9_]*$/),
  indicatorCode: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().trim().min(3).max(200),
  threshold: thresholdSchema,
});
/** An indicator evidence rule. */
export type IndicatorRule = z.infer<typeof indicatorRuleSchema>;
