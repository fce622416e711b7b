import { z } from "zod";
import { FLAG_KINDS, SUPPORT_KINDS } from "../core/addressed";
import { regionIdField } from "./causes-api";
import { yearSchema } from "./data-collection";

/*
 * API shapes of addressed support made visible (issue 12, point 9): for a МОЦ's (or the region's)
 * programme schools of a school year, what each received and the flags to act on.
 */

/** Which programme schools: a school year (`year=2026` is 2025/26), optionally one municipality. */
export const addressedQuerySchema = z.object({
  year: yearSchema,
  municipalityId: z.coerce.number().int().positive().optional(),
  regionId: regionIdField,
});
/** The query of the addressed-support page. */
export type AddressedQuery = z.infer<typeof addressedQuerySchema>;

const countsSchema = z.object(
  Object.fromEntries(SUPPORT_KINDS.map((kind) => [kind, z.number()])) as Record<
    (typeof SUPPORT_KINDS)[number],
    z.ZodNumber
  >,
);

/** What one programme school received in the year. */
export const schoolSupportSchema = z.object({
  schoolId: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityName: z.string(),
  counts: countsSchema,
  peopleReached: z.number(),
  courseHoursCompleted: z.number(),
  lastSupportOn: z.string().nullable(),
});

/** A flag of addressed support: a sentence to act on. */
export const supportFlagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  schoolId: z.number(),
  schoolName: z.string(),
  sentence: z.string(),
  teacherId: z.number().optional(),
  requestId: z.number().optional(),
});

/** The addressed support of a territory's programme schools in a year. */
export const addressedSupportSchema = z.object({
  year: z.number(),
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  territory: z.string(),
  municipalityId: z.number().nullable(),
  municipalityOptions: z.array(z.object({ id: z.number(), name: z.string() })),
  schools: z.array(schoolSupportSchema),
  totals: z.object({
    schools: z.number(),
    counts: countsSchema,
    schoolsReached: countsSchema,
    withNone: z.number(),
  }),
  flags: z.array(supportFlagSchema),
  noSupportMonths: z.number(),
});
/** The addressed support of a territory's programme schools in a year. */
export type AddressedSupport = z.infer<typeof addressedSupportSchema>;
