import { z } from "zod";

/**
 * Units of an indicator value:
 * - share: a fraction 0–1 (доля); percent: 0–100;
 * - count: a whole number (количество, also whole kilometres);
 * - score: a test score or mean mark (балл, средняя отметка);
 * - bool: 0 or 1 (наличие).
 */
export const INDICATOR_UNITS = ["share", "percent", "count", "score", "bool"] as const;
/** Zod schema of an indicator unit. */
export const indicatorUnitSchema = z.enum(INDICATOR_UNITS);
/** Unit of an indicator value. */
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

/** Whether a higher value is better or worse for the school. */
export const INDICATOR_DIRECTIONS = ["higher_better", "lower_better"] as const;
/** Zod schema of an indicator direction. */
export const indicatorDirectionSchema = z.enum(INDICATOR_DIRECTIONS);
/** Direction of an indicator: which way is good. */
export type IndicatorDirection = z.infer<typeof indicatorDirectionSchema>;

/** The organisation an indicator value belongs to. */
export const INDICATOR_LEVELS = ["school", "municipality"] as const;
/** Zod schema of an indicator level. */
export const indicatorLevelSchema = z.enum(INDICATOR_LEVELS);
/** Level of an indicator: a value per school or per municipality. */
export type IndicatorLevel = z.infer<typeof indicatorLevelSchema>;

/** Thematic groups of indicators, used to group them in the UI and in reports. */
export const INDICATOR_GROUPS = [
  "results",
  "social",
  "staffing",
  "support",
  "olympiad",
  "assessment",
] as const;
/** Zod schema of an indicator group. */
export const indicatorGroupSchema = z.enum(INDICATOR_GROUPS);
/** Thematic group of an indicator. */
export type IndicatorGroup = z.infer<typeof indicatorGroupSchema>;

/** Russian names of the indicator groups. */
export const INDICATOR_GROUP_LABELS: Record<IndicatorGroup, string> = {
  results: "Образовательные результаты",
  assessment: "Государственная итоговая аттестация (ЕГЭ, ОГЭ)",
  olympiad: "Олимпиадное движение",
  social: "Социальные условия функционирования школы",
  staffing: "Кадровое обеспечение",
  support: "Методическая работа и поддержка",
};

/** Russian names of the units, for column headers and hints. */
export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  share: "доля (0–1)",
  percent: "процент",
  count: "количество",
  score: "балл",
  bool: "да / нет",
};

/** Russian names of the directions. */
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  higher_better: "чем выше, тем лучше",
  lower_better: "чем ниже, тем лучше",
};

/** Bounds a unit imposes on min and max, where it imposes any. */
const UNIT_BOUNDS: Partial<Record<IndicatorUnit, { min: number; max: number }>> = {
  share: { min: 0, max: 1 },
  percent: { min: 0, max: 100 },
  bool: { min: 0, max: 1 },
};

/** An indicator of the catalogue (показатель мониторинга или критерий идентификации). */
export const indicatorDefinitionSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]*$/, "Код показателя: строчные латинские буквы, цифры и подчёркивание"),
    name: z.string().trim().min(3, "Наименование показателя не короче 3 символов").max(300),
    unit: indicatorUnitSchema,
    direction: indicatorDirectionSchema,
    min: z.number().finite(),
    max: z.number().finite(),
    level: indicatorLevelSchema,
    group: indicatorGroupSchema,
    source: z.string().trim().min(2, "Укажите источник данных").max(300),
    description: z.string().trim().max(2000).optional(),
  })
  .superRefine((definition, ctx) => {
    if (definition.min >= definition.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "Максимум должен быть больше минимума" });
    }
    const bounds = UNIT_BOUNDS[definition.unit];
    if (bounds && (definition.min < bounds.min || definition.max > bounds.max)) {
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: `Для единицы «${INDICATOR_UNIT_LABELS[definition.unit]}» границы должны лежать в ${bounds.min}–${bounds.max}`,
      });
    }
  });

/** An indicator of the catalogue: what is measured, in what unit, which way is good, where the data come from. */
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;
