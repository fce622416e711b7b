import { z } from "zod";
import { blockScoresSchema, professionalBlockSchema } from "../core/teachers";

/** The mentoring API (issue 12, point 6): mentors, the matching, pairs, meetings. Shared by server and web. */

export const MENTOR_KINDS = ["teacher", "head", "moc_staff"] as const;
export const MENTOR_SOURCES = ["high_result", "resilient", "moc", "other"] as const;
export const PAIR_STATUSES = ["suggested", "confirmed", "rejected", "ended"] as const;
export const MEETING_FORMATS = ["in_person", "remote"] as const;

const subjects = z.array(z.string().trim().min(1).max(80)).max(20);
const capacity = z
  .number()
  .int("Ёмкость — целое число")
  .min(0, "Ёмкость — не меньше 0")
  .max(20, "Ёмкость — не больше 20");
const schoolYear = z.coerce.number().int().min(2000, "Год от 2000 до 2100").max(2100, "Год от 2000 до 2100");

export const mentorSchema = z.object({
  id: z.number(),
  regionId: z.number(),
  kind: z.enum(MENTOR_KINDS),
  teacherId: z.number().nullable(),
  mocStaffId: z.number().nullable(),
  userId: z.number().nullable(),
  userLogin: z.string().nullable(),
  fullName: z.string(),
  schoolId: z.number().nullable(),
  schoolName: z.string().nullable(),
  municipalityId: z.number(),
  municipalityName: z.string(),
  subjects: z.array(z.string()),
  strengths: blockScoresSchema,
  capacity: z.number(),
  /** Confirmed mentees in the year asked. */
  load: z.number(),
  source: z.enum(MENTOR_SOURCES),
  /** The position in words for a mentor not attached to a school («методист МОЦ»). */
  position: z.string(),
  /** Why the mentor was taken (the candidate's sentence), if recorded. */
  note: z.string(),
  isActive: z.boolean(),
  /** For a МОЦ: a mentor of another municipality, whom the matching may use but the МОЦ does not edit. */
  isOtherMunicipality: z.boolean(),
  canEdit: z.boolean(),
});
export type MentorRow = z.infer<typeof mentorSchema>;
export const mentorListSchema = z.object({ mentors: z.array(mentorSchema), canManage: z.boolean() });

export const mentorListQuerySchema = z.object({
  year: schoolYear,
  regionId: z.coerce.number().int().positive().optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
});

export const createMentorInputSchema = z.object({
  kind: z.enum(MENTOR_KINDS),
  /** For kind teacher or head: the teacher registry's person. */
  teacherId: z.number().int().positive().optional(),
  /** For kind moc_staff: the МОЦ staff member — or, for one not on the staff list, the name, position and municipality. */
  mocStaffId: z.number().int().positive().optional(),
  fullName: z.string().trim().min(3, "Укажите ФИО").max(200).optional(),
  position: z.string().trim().max(200).optional(),
  /** For a МОЦ staff mentor by name: the МОЦ's municipality (a МОЦ: its own, left out). */
  municipalityId: z.number().int().positive().optional(),
  subjects: subjects.optional(),
  strengths: blockScoresSchema,
  capacity,
  source: z.enum(MENTOR_SOURCES).default("other"),
  userId: z.number().int().positive().nullable().optional(),
});
export type CreateMentorInput = z.infer<typeof createMentorInputSchema>;

export const updateMentorInputSchema = z.object({
  subjects: subjects.optional(),
  strengths: blockScoresSchema.optional(),
  capacity: capacity.optional(),
  source: z.enum(MENTOR_SOURCES).optional(),
  isActive: z.boolean().optional(),
  userId: z.number().int().positive().nullable().optional(),
});
export type UpdateMentorInput = z.infer<typeof updateMentorInputSchema>;

export const pairSchema = z.object({
  id: z.number(),
  year: z.number(),
  status: z.enum(PAIR_STATUSES),
  score: z.number().nullable(),
  reason: z.string(),
  blocks: z.array(professionalBlockSchema),
  teacher: z.object({
    id: z.number(),
    fullName: z.string(),
    subjects: z.array(z.string()),
    schoolId: z.number(),
    schoolName: z.string(),
    municipalityName: z.string(),
  }),
  mentor: z.object({
    id: z.number(),
    fullName: z.string(),
    schoolName: z.string().nullable(),
    municipalityName: z.string(),
  }),
  meetings: z.number(),
  decidedAt: z.string().nullable(),
});
export type PairRow = z.infer<typeof pairSchema>;
export const pairListSchema = z.object({
  /** The year listed: the one asked, else the latest with pairs in scope, else the current school year. */
  year: z.number(),
  years: z.array(z.number()),
  pairs: z.array(pairSchema),
  canManage: z.boolean(),
  canMeet: z.boolean(),
});
export type PairList = z.infer<typeof pairListSchema>;

export const pairListQuerySchema = z.object({
  year: schoolYear.optional(),
  regionId: z.coerce.number().int().positive().optional(),
  municipalityId: z.coerce.number().int().positive().optional(),
  status: z.enum(PAIR_STATUSES).optional(),
});

export const matchingInputSchema = z.object({
  year: schoolYear,
  regionId: z.number().int().positive().optional(),
  /** A МОЦ runs it for its own municipality; the region for one municipality or (left out) the whole region. */
  municipalityId: z.number().int().positive().optional(),
});
export type MatchingInput = z.infer<typeof matchingInputSchema>;

export const matchingResultSchema = z.object({
  pairs: z.array(pairSchema),
  unassigned: z.array(
    z.object({ teacherId: z.number(), fullName: z.string(), schoolName: z.string(), reason: z.string() }),
  ),
  total: z.number(),
  teachers: z.number(),
  slots: z.number(),
});
export type MatchingResult = z.infer<typeof matchingResultSchema>;

export const meetingSchema = z.object({
  id: z.number(),
  heldOn: z.string(),
  format: z.enum(MEETING_FORMATS),
  topic: z.string(),
  outcome: z.string(),
});
export type MeetingRow = z.infer<typeof meetingSchema>;

export const meetingInputSchema = z.object({
  heldOn: z.iso.date("Дата — ГГГГ-ММ-ДД"),
  format: z.enum(MEETING_FORMATS),
  topic: z.string().trim().min(1, "Укажите тему").max(500),
  outcome: z.string().trim().max(2000).default(""),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const deficitChangeSchema = z.object({
  latest: z.object({ assessedOn: z.string(), scores: blockScoresSchema }).nullable(),
  earlier: z.object({ assessedOn: z.string(), scores: blockScoresSchema }).nullable(),
  blocks: z.array(
    z.object({ block: professionalBlockSchema, before: z.number().nullable(), after: z.number().nullable() }),
  ),
});
export type DeficitChange = z.infer<typeof deficitChangeSchema>;

export const pairDetailSchema = z.object({
  pair: pairSchema,
  meetings: z.array(meetingSchema),
  deficitChange: deficitChangeSchema,
  /** Other mentors with a free place, best fit first (for «change»): only for those who manage. */
  alternatives: z.array(
    z.object({ mentorId: z.number(), fullName: z.string(), score: z.number(), reason: z.string() }),
  ),
  canManage: z.boolean(),
  canMeet: z.boolean(),
});
export type PairDetail = z.infer<typeof pairDetailSchema>;

export const changeMentorInputSchema = z.object({ mentorId: z.number().int().positive() });

/** A mentor candidate: a teacher or head of a resilient or high-result school with strong blocks. */
export const mentorCandidateSchema = z.object({
  teacherId: z.number(),
  fullName: z.string(),
  position: z.enum(["teacher", "director", "deputy"]),
  subjects: z.array(z.string()),
  schoolId: z.number(),
  schoolName: z.string(),
  municipalityId: z.number(),
  municipalityName: z.string(),
  source: z.enum(["resilient", "high_result"]),
  strengths: blockScoresSchema,
  /** Why, in a sentence: the school by the contextual model, then the strong blocks. */
  sentence: z.string(),
  /** The registry entry, when the candidate is a mentor already. */
  mentorId: z.number().nullable(),
});
export type MentorCandidateRow = z.infer<typeof mentorCandidateSchema>;

export const candidateListSchema = z.object({
  candidates: z.array(mentorCandidateSchema),
  /** How the schools were found (the run, the models fitted or not). */
  notes: z.array(z.string()),
  canAdd: z.boolean(),
});
export type CandidateList = z.infer<typeof candidateListSchema>;

export const candidateListQuerySchema = mentorListQuerySchema;

export const addCandidateInputSchema = z.object({ capacity });
export type AddCandidateInput = z.infer<typeof addCandidateInputSchema>;
