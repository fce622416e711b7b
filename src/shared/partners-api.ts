import { z } from "zod";
import { AGREEMENT_STATUSES, PARTNER_KINDS } from "../core/partners/partner-kinds";
import { isoDateSchema } from "../core/plans/iso-date";

/*
 * Partnerships API shapes (issue 12, point 7), shared by the server (routes, OpenAPI) and the web
 * pages: a programme school's agreements with partner schools and social partners, the suggested
 * partner schools, and the overview of a region or a municipality.
 */

/** A kind of partner. */
export const partnerKindSchema = z.enum(PARTNER_KINDS);
/** A state of an agreement. */
export const agreementStatusSchema = z.enum(AGREEMENT_STATUSES);

const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);
const linkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => value === "" || /^https?:\/\//i.test(value),
    "Ссылка должна начинаться с http:// или https://",
  );

/** The fields of an agreement a user writes. */
const agreementFields = {
  partnerKind: partnerKindSchema,
  partnerSchoolId: z.number().int().positive().nullable().optional(),
  partnerName: text(300).default(""),
  subject: text(300).default(""),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullable().optional(),
  status: agreementStatusSchema.default("signed"),
  documentNumber: text(100).default(""),
  documentDate: isoDateSchema.nullable().optional(),
  documentUrl: linkSchema.default(""),
  note: text(2000).default(""),
};

/** A new agreement of a school. */
export const agreementCreateSchema = z.object(agreementFields);
/** A new agreement of a school. */
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;

/** A change of an agreement: any of its fields. */
export const agreementPatchSchema = z.object({
  partnerKind: partnerKindSchema.optional(),
  partnerSchoolId: z.number().int().positive().nullable().optional(),
  partnerName: text(300).optional(),
  subject: text(300).optional(),
  startsOn: isoDateSchema.optional(),
  endsOn: isoDateSchema.nullable().optional(),
  status: agreementStatusSchema.optional(),
  documentNumber: text(100).optional(),
  documentDate: isoDateSchema.nullable().optional(),
  documentUrl: linkSchema.optional(),
  note: text(2000).optional(),
});
/** A change of an agreement. */
export type AgreementPatch = z.infer<typeof agreementPatchSchema>;

/** A draft agreement made from a suggestion: the partner school, and optionally the subject. */
export const agreementFromSuggestionSchema = z.object({
  partnerSchoolId: z.number().int().positive(),
  subject: text(300).optional(),
});

/** A school as the partnership answers name it. */
export const partnerSchoolRefSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
});

/** An agreement as the API gives it. */
export const agreementItemSchema = z.object({
  id: z.number(),
  school: partnerSchoolRefSchema,
  partnerKind: partnerKindSchema,
  partnerSchool: partnerSchoolRefSchema.nullable(),
  /** The partner's name: the partner school's short name or the social partner's name. */
  partnerName: z.string(),
  subject: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: agreementStatusSchema,
  documentNumber: z.string(),
  documentDate: z.string().nullable(),
  documentUrl: z.string(),
  file: z.object({ name: z.string(), bytes: z.number() }).nullable(),
  note: z.string(),
  updatedByName: z.string(),
  updatedAt: z.string(),
  /** Whether the agreement is in force on the day asked (signed, started, not ended). */
  isActive: z.boolean(),
  canEdit: z.boolean(),
});
/** An agreement. */
export type AgreementItem = z.infer<typeof agreementItemSchema>;

/** A suggested partner school with its sentence. */
export const suggestionItemSchema = z.object({
  school: partnerSchoolRefSchema,
  strength: z.enum(["resilient", "high_result"]),
  cluster: z.number().nullable(),
  clusterName: z.string().nullable(),
  isSameCluster: z.boolean(),
  distanceKm: z.number().nullable(),
  sentence: z.string(),
});
/** A suggested partner school. */
export type SuggestionItem = z.infer<typeof suggestionItemSchema>;

/** What the suggestions were computed from, in words, and what was missing. */
export const suggestionBasisSchema = z.object({
  runId: z.number().nullable(),
  year: z.number().nullable(),
  /** Sentences: which results, which clustering; or why there are none. */
  notes: z.array(z.string()),
});

/** A school's partnerships: its agreements, the suggestions, and what the actor may do. */
export const schoolPartnersSchema = z.object({
  school: partnerSchoolRefSchema,
  isProgrammeSchool: z.boolean(),
  agreements: z.array(agreementItemSchema),
  suggestions: z.array(suggestionItemSchema),
  basis: suggestionBasisSchema,
  permissions: z.object({ canWrite: z.boolean() }),
});
/** A school's partnerships. */
export type SchoolPartners = z.infer<typeof schoolPartnersSchema>;

/** The overview query: a municipality (a МОЦ sees its own), a region for a federal operator. */
export const partnersOverviewQuerySchema = z.object({
  regionId: z.coerce.number().int().positive().optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  today: isoDateSchema.optional(),
});

/** The partnerships of a region or a municipality: per municipality, per kind, and every agreement. */
export const partnersOverviewSchema = z.object({
  regionId: z.number(),
  municipalityId: z.number().nullable(),
  runId: z.number().nullable(),
  municipalities: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      programmeSchools: z.number(),
      withSchoolPartner: z.number(),
      withSocialPartner: z.number(),
      agreements: z.number(),
    }),
  ),
  byKind: z.array(z.object({ kind: partnerKindSchema, agreements: z.number() })),
  programmeSchools: z.array(
    z.object({
      school: partnerSchoolRefSchema,
      schoolPartners: z.number(),
      socialPartners: z.number(),
    }),
  ),
  agreements: z.array(agreementItemSchema),
});
/** The partnerships of a region or a municipality. */
export type PartnersOverview = z.infer<typeof partnersOverviewSchema>;
