import { z } from "zod";
import type { FactorCode } from "../causes/factors.data";
import type { IndicatorCode } from "../indicators/indicator-codes";

const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "Код: строчные латинские буквы, цифры и подчёркивание")
  .max(64);

/**
 * A recommended measure of the library (region-editable): what to do, the factors it addresses, the
 * catalogue indicators it should move, and a suggested deadline, owners and implementation indicator
 * for the activity it becomes.
 */
export const measureSchema = z.strictObject({
  code: codeSchema,
  title: z.string().trim().min(3, "Укажите название меры").max(500),
  description: z.string().trim().min(3).max(2000),
  factorCodes: z.array(codeSchema).min(1, "Свяжите меру хотя бы с одной причиной"),
  indicatorCodes: z.array(codeSchema).default([]),
  deadlineText: z.string().trim().max(500),
  owners: z.array(z.string().trim().min(1).max(300)).min(1, "Укажите ответственного"),
  /** The implementation indicator as text («Разработано положение о ВСОКО»). */
  resultText: z.string().trim().max(1000),
});
/** A recommended measure. */
export type Measure = z.infer<typeof measureSchema>;
/** A measure as written in a data file or an editor. */
export type MeasureInput = z.input<typeof measureSchema>;

/** A measure of the preloaded library; only catalogue codes are accepted (checked by the compiler). */
export type MeasureDraft = Omit<MeasureInput, "factorCodes" | "indicatorCodes"> & {
  factorCodes: FactorCode[];
  indicatorCodes: IndicatorCode[];
};

/** Checks a library edit: unique codes and known factor and indicator codes; Russian messages. */
export function validateMeasureLibrary(
  measures: readonly Measure[],
  known: { factorCodes: readonly string[]; indicatorCodes: readonly string[] },
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const measure of measures) {
    if (seen.has(measure.code)) problems.push(`Код меры «${measure.code}» повторяется`);
    seen.add(measure.code);
    for (const code of measure.factorCodes) {
      if (!known.factorCodes.includes(code))
        problems.push(`Мера «${measure.title}»: неизвестная причина «${code}»`);
    }
    for (const code of measure.indicatorCodes) {
      if (!known.indicatorCodes.includes(code))
        problems.push(`Мера «${measure.title}»: неизвестный показатель «${code}»`);
    }
  }
  return problems;
}
