/**
 * Shapes of the data-collection API (indicator catalogue, values, forms, export), shared by the
 * server (response schemas, OpenAPI) and the web client (types and form validation).
 */
import { z } from "zod";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_UNITS,
  indicatorDefinitionSchema,
} from "../core/indicators/indicator.schema";

/** An indicator with its current definition. */
export const indicatorSchema = z.object({
  id: z.number(),
  code: z.string(),
  isRetired: z.boolean(),
  versionId: z.number(),
  version: z.number(),
  name: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  min: z.number(),
  max: z.number(),
  level: z.enum(INDICATOR_LEVELS),
  group: z.string(),
  source: z.string(),
  description: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** The catalogue with what the user may do with it. */
export const indicatorListSchema = z.object({
  items: z.array(indicatorSchema),
  permissions: z.object({ canManage: z.boolean() }),
});
export type IndicatorList = z.infer<typeof indicatorListSchema>;

/** One version of an indicator's definition. */
export const indicatorVersionSchema = indicatorSchema
  .omit({ id: true, code: true, isRetired: true, versionId: true })
  .extend({ id: z.number(), createdAt: z.string() });

/** An indicator with every version of its definition. */
export const indicatorDetailSchema = indicatorSchema.extend({ versions: z.array(indicatorVersionSchema) });
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

/** Body of POST /api/indicators and PATCH /api/indicators/:id (the code cannot change). */
export const indicatorInputSchema = indicatorDefinitionSchema;
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** Body of POST /api/indicators/:id/retire. */
export const indicatorRetireSchema = z.object({ isRetired: z.boolean().default(true) });

/** Where a value came from. */
export const VALUE_SOURCES = ["import", "form", "api", "demo"] as const;

/** A stored value with the definition version it was entered under. */
export const valueSchema = z.object({
  id: z.number(),
  indicatorId: z.number(),
  code: z.string(),
  versionId: z.number(),
  version: z.number(),
  year: z.number(),
  value: z.number(),
  source: z.enum(VALUE_SOURCES),
  enteredAt: z.string(),
  enteredBy: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof valueSchema>;

/** A school's values: the years it has and the values of the asked year (or of all years). */
export const schoolValuesSchema = z.object({
  schoolId: z.number(),
  years: z.array(z.number()),
  values: z.array(valueSchema),
});
export type SchoolValues = z.infer<typeof schoolValuesSchema>;

/** A municipality's own values (municipality-level indicators). */
export const municipalityValuesSchema = z.object({
  municipalityId: z.number(),
  years: z.array(z.number()),
  values: z.array(valueSchema),
});
export type MunicipalityValues = z.infer<typeof municipalityValuesSchema>;

/** One change of a value. */
export const valueHistoryEntrySchema = z.object({
  id: z.number(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  source: z.string(),
  sourceRef: z.string().nullable(),
  reason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});

/** A value with its history, newest change first. */
export const valueHistorySchema = z.object({
  value: valueSchema,
  history: z.array(valueHistoryEntrySchema),
});
export type ValueHistory = z.infer<typeof valueHistorySchema>;

/** States of a school's yearly data form (see core/forms/form-workflow). */
export const FORM_STATUS_VALUES = ["draft", "submitted", "approved", "accepted", "returned"] as const;
export const formStatusSchema = z.enum(FORM_STATUS_VALUES);

/** One field of the form: an indicator, its current value and whether it is locked. */
export const formFieldSchema = z.object({
  indicatorId: z.number(),
  code: z.string(),
  name: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  min: z.number(),
  max: z.number(),
  group: z.string(),
  versionId: z.number(),
  valueId: z.number().nullable(),
  value: z.number().nullable(),
  isUnlocked: z.boolean(),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** A step of a form's approval. */
export const formEventSchema = z.object({
  id: z.number(),
  fromStatus: formStatusSchema,
  toStatus: formStatusSchema,
  message: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type FormEvent = z.infer<typeof formEventSchema>;

/** One change of a value of the form: entered, changed or cleared (newValue null), by whom and when. */
export const formValueChangeSchema = z.object({
  id: z.number(),
  indicatorId: z.number(),
  code: z.string(),
  name: z.string(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  source: z.string(),
  reason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});
export type FormValueChange = z.infer<typeof formValueChangeSchema>;

/** A school's form for a year, with what the user may do with it. */
export const schoolFormSchema = z.object({
  school: z.object({ id: z.number(), code: z.string(), name: z.string(), municipalityName: z.string() }),
  year: z.number(),
  status: formStatusSchema,
  returnMessage: z.string().nullable(),
  fields: z.array(formFieldSchema),
  events: z.array(formEventSchema),
  /** Changes of the form's values, newest first (the latest 200). */
  changes: z.array(formValueChangeSchema),
  permissions: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canApprove: z.boolean(),
    canAccept: z.boolean(),
    canReturn: z.boolean(),
    canUnlock: z.boolean(),
  }),
});
export type SchoolForm = z.infer<typeof schoolFormSchema>;

/** Body of PUT /api/schools/:id/forms/:year: values by indicator id; null clears a saved value. */
export const formSaveSchema = z.object({
  values: z
    .array(z.object({ indicatorId: z.number().int().positive(), value: z.number().finite().nullable() }))
    .max(2000),
});
export type FormSave = z.infer<typeof formSaveSchema>;

/** Body of POST /api/schools/:id/forms/:year/transitions. */
export const formTransitionSchema = z.object({
  action: z.enum(["submit", "approve", "accept", "return"]),
  message: z.string().trim().max(2000).default(""),
});
export type FormTransition = z.infer<typeof formTransitionSchema>;

/** Body of POST /api/schools/:id/forms/:year/unlocks. */
export const formUnlockSchema = z.object({
  indicatorId: z.number().int().positive(),
  reason: z.string().trim().min(5, "Укажите причину (не короче 5 символов)").max(1000),
});
export type FormUnlock = z.infer<typeof formUnlockSchema>;

/** Submission progress of one municipality: schools by form state. */
export const dashboardRowSchema = z.object({
  municipalityId: z.number(),
  municipalityName: z.string(),
  total: z.number(),
  draft: z.number(),
  submitted: z.number(),
  approved: z.number(),
  accepted: z.number(),
  returned: z.number(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

/** The submission dashboard of a year. */
export const formDashboardSchema = z.object({
  year: z.number(),
  years: z.array(z.number()),
  rows: z.array(dashboardRowSchema),
});
export type FormDashboard = z.infer<typeof formDashboardSchema>;

/** Schools with their form state for a year. */
export const formListSchema = z.object({
  year: z.number(),
  years: z.array(z.number()),
  items: z.array(
    z.object({
      schoolId: z.number(),
      code: z.string(),
      name: z.string(),
      municipalityName: z.string(),
      status: formStatusSchema,
    }),
  ),
});
export type FormList = z.infer<typeof formListSchema>;

/** A school year given as the calendar year it ends in (2025 is 2024/25). */
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
