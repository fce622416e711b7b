import { z } from "zod";

/** Where a risk factor comes from: the Smolensk and Oryol documents (seeds) or the federal project 500+. */
export const FACTOR_SOURCES = ["seeds", "project500"] as const;
/** Zod schema of a factor source. */
export const factorSourceSchema = z.enum(FACTOR_SOURCES);
/** Source of a risk factor. */
export type FactorSource = z.infer<typeof factorSourceSchema>;

/** Russian names of the factor sources. */
export const FACTOR_SOURCE_LABELS: Record<FactorSource, string> = {
  seeds: "реестры причин МОЦ (Смоленская область)",
  project500: "факторы риска проекта 500+",
};

/** Who or what a factor is about, to group factors on the risk-profile chart. */
export const FACTOR_GROUPS = ["students", "teachers", "management", "conditions", "families"] as const;
/** Zod schema of a factor group. */
export const factorGroupSchema = z.enum(FACTOR_GROUPS);
/** Group of a risk factor. */
export type FactorGroup = z.infer<typeof factorGroupSchema>;

/** Russian names of the factor groups. */
export const FACTOR_GROUP_LABELS: Record<FactorGroup, string> = {
  students: "Обучающиеся",
  teachers: "Педагогические кадры",
  management: "Управление и оценка качества",
  conditions: "Условия и школьная среда",
  families: "Семьи и социальный контекст",
};

/**
 * A cause of low results or a risk factor (причина неуспешности, фактор риска): a stable code, the
 * Russian title as the source words it, a short description, the sources that name it.
 */
export const riskFactorSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, "Код фактора: строчные латинские буквы, цифры и подчёркивание")
    .max(64),
  title: z.string().trim().min(3, "Название фактора не короче 3 символов").max(300),
  description: z.string().trim().min(3).max(2000),
  group: factorGroupSchema,
  sources: z.array(factorSourceSchema).min(1, "Укажите источник фактора"),
  /** Other wordings of the same factor (e.g. as project 500+ names it). */
  aliases: z.array(z.string().trim().min(3).max(300)).default([]),
});

/** A risk factor (cause) of the catalogue. */
export type RiskFactor = z.infer<typeof riskFactorSchema>;
