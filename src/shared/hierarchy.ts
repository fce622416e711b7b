import { z } from "zod";

/** Kinds of schools (вид ОО). */
export const SCHOOL_KINDS = [
  "СОШ",
  "ООШ",
  "НОШ",
  "гимназия",
  "лицей",
  "СОШ с УИОП",
  "кадетская школа",
  "вечерняя школа",
  "школа-интернат",
] as const;
export const schoolKindSchema = z.enum(SCHOOL_KINDS);
export type SchoolKind = z.infer<typeof schoolKindSchema>;

/** Kinds of municipalities: a district (муниципальный округ/район) or a city district (городской округ). */
export const MUNICIPALITY_KINDS = ["district", "city"] as const;
export const municipalityKindSchema = z.enum(MUNICIPALITY_KINDS);
export type MunicipalityKind = z.infer<typeof municipalityKindSchema>;

/** Positions of the staff of a МОЦ (муниципальный образовательный центр). */
export const MOC_POSITIONS = [
  "coordinator",
  "mentor_head",
  "mentor_teacher",
  "psychologist",
  "social_pedagogue",
] as const;
export const mocPositionSchema = z.enum(MOC_POSITIONS);
export type MocPosition = z.infer<typeof mocPositionSchema>;

/** Russian names of МОЦ positions. */
export const MOC_POSITION_LABELS: Record<MocPosition, string> = {
  coordinator: "Координатор МОЦ",
  mentor_head: "Руководитель школы-наставника",
  mentor_teacher: "Учитель-наставник",
  psychologist: "Педагог-психолог",
  social_pedagogue: "Социальный педагог",
};

/** A school's code: letters, digits, dot, dash, underscore; unique within a region. */
export const schoolCodeSchema = z
  .string()
  .trim()
  .min(1, "Код школы обязателен")
  .max(32, "Код школы длиннее 32 символов")
  .regex(
    /^[\p{L}\p{N}._-]+$/u,
    "Код школы может содержать только буквы, цифры, точку, дефис и подчёркивание",
  );

/** Input to create or fully describe a school. */
const schoolFields = {
  code: schoolCodeSchema,
  fullName: z.string().trim().min(3, "Полное наименование не короче 3 символов").max(500),
  shortName: z.string().trim().min(2, "Краткое наименование не короче 2 символов").max(200),
  municipalityId: z.number().int().positive(),
  kind: schoolKindSchema,
  isRural: z.boolean(),
  isSmall: z.boolean(),
  students: z.number().int().min(0, "Число обучающихся не может быть отрицательным").max(10000),
  teachers: z.number().int().min(0, "Число педагогов не может быть отрицательным").max(1000),
  address: z.string().trim().max(500),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
};

/** A new school; the address and the coordinates may be left out. */
export const schoolInputSchema = z.object({
  ...schoolFields,
  address: schoolFields.address.default(""),
  latitude: schoolFields.latitude.default(null),
  longitude: schoolFields.longitude.default(null),
});
export type SchoolInput = z.infer<typeof schoolInputSchema>;

/**
 * Partial update of a school: only the fields sent change (no defaults here — a default would
 * overwrite the address and the coordinates of every edit that leaves them out). The code and the
 * municipality may change only with school.create rights.
 */
export const schoolUpdateSchema = z.object(schoolFields).partial();
export type SchoolUpdate = z.infer<typeof schoolUpdateSchema>;

/** Input for a МОЦ staff member. */
export const mocStaffInputSchema = z.object({
  fullName: z.string().trim().min(3).max(200),
  position: mocPositionSchema,
  email: z.string().trim().email("Неверный адрес электронной почты").or(z.literal("")).default(""),
  phone: z.string().trim().max(40).default(""),
});
export type MocStaffInput = z.infer<typeof mocStaffInputSchema>;
