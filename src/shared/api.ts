/**
 * Shapes of the JSON API, shared by the server (response schemas, OpenAPI) and the web client (types).
 */
import { z } from "zod";
import { MOC_POSITIONS, MUNICIPALITY_KINDS } from "./hierarchy";
import { PERMISSIONS, roleSchema } from "./roles";

/** The signed-in user as the UI sees it. */
export const meSchema = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  municipalityId: z.number().nullable(),
  municipalityName: z.string().nullable(),
  schoolId: z.number().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
  isDemo: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** Sign-in request. */
export const loginInputSchema = z.object({
  login: z.string().trim().min(1, "Введите логин").max(100),
  password: z.string().min(1, "Введите пароль").max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

/** A school in lists and on its card. */
export const schoolSchema = z.object({
  id: z.number(),
  regionId: z.number(),
  municipalityId: z.number(),
  municipalityName: z.string(),
  code: z.string(),
  fullName: z.string(),
  shortName: z.string(),
  kind: z.string(),
  isRural: z.boolean(),
  isSmall: z.boolean(),
  students: z.number(),
  teachers: z.number(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  permissions: z.object({ canEdit: z.boolean(), canEditIdentity: z.boolean() }),
});
export type School = z.infer<typeof schoolSchema>;

/** Query of the school list. */
export const schoolListQuerySchema = z.object({
  municipalityId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A page of schools. */
export const schoolListSchema = z.object({ total: z.number(), items: z.array(schoolSchema) });
export type SchoolList = z.infer<typeof schoolListSchema>;

/** A municipality with its figures. */
export const municipalitySummarySchema = z.object({
  id: z.number(),
  regionId: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(MUNICIPALITY_KINDS),
  schoolCount: z.number(),
  ruralCount: z.number(),
  smallCount: z.number(),
  students: z.number(),
  ruralShare: z.number(),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;

/** A member of a МОЦ's staff. */
export const mocStaffSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  position: z.enum(MOC_POSITIONS),
  email: z.string(),
  phone: z.string(),
});
export type MocStaff = z.infer<typeof mocStaffSchema>;

/** A municipality's page: figures, its МОЦ and staff. */
export const municipalityDetailSchema = municipalitySummarySchema.extend({
  moc: z.object({ id: z.number(), name: z.string(), staff: z.array(mocStaffSchema) }).nullable(),
  permissions: z.object({ canEditStaff: z.boolean(), canCreateSchool: z.boolean() }),
});
export type MunicipalityDetail = z.infer<typeof municipalityDetailSchema>;

/** The region overview: totals and municipalities. */
export const regionOverviewSchema = z.object({
  region: z.object({ id: z.number(), code: z.string(), name: z.string(), isDemo: z.boolean() }),
  totals: z.object({
    municipalities: z.number(),
    schools: z.number(),
    ruralSchools: z.number(),
    smallRuralSchools: z.number(),
    students: z.number(),
    ruralStudents: z.number(),
    ruralShare: z.number(),
    smallShareOfRural: z.number(),
    ruralStudentShare: z.number(),
  }),
  municipalities: z.array(municipalitySummarySchema),
});
export type RegionOverview = z.infer<typeof regionOverviewSchema>;

/** A region in the list (a federal operator sees several). */
export const regionSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
});
export type Region = z.infer<typeof regionSchema>;

/** A user account as an admin sees it. */
export const userSchema = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  regionId: z.number().nullable(),
  municipalityId: z.number().nullable(),
  schoolId: z.number().nullable(),
  isActive: z.boolean(),
  assignedSchoolIds: z.array(z.number()),
});
export type User = z.infer<typeof userSchema>;

/** An audit trail entry. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorLogin: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The error body every failing request returns. */
export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(
    z.object({
      row: z.number().optional(),
      column: z.string().optional(),
      path: z.string().optional(),
      message: z.string(),
    }),
  ),
});
export type ApiError = z.infer<typeof errorSchema>;
