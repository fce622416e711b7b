import { z } from "zod";
import { type Role, roleSchema } from "../../../shared/roles";

/** Minimal password length; the server checks the same (src/server/modules/auth/password.ts). */
export const PASSWORD_MIN_LENGTH = 8;

/** Roles whose users work in one municipality, one school, or a set of assigned schools. */
export const ROLE_PLACE: Record<Role, "none" | "municipality" | "school" | "assigned"> = {
  federal_operator: "none",
  region_admin: "none",
  region_analyst: "none",
  moc_coordinator: "municipality",
  school_director: "school",
  mentor: "assigned",
  specialist: "assigned",
};

/**
 * The new-user form, checked with the same rules as the server's userCreateSchema.
 * TODO(lead): move userCreateSchema to src/shared so that the web imports it instead of repeating it.
 */
export const userCreateFormSchema = z
  .object({
    login: z
      .string()
      .trim()
      .min(3, "Логин не короче 3 символов")
      .max(64)
      .regex(/^[A-Za-z0-9._@-]+$/, "Логин: латинские буквы, цифры, точка, дефис, подчёркивание, @"),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Пароль не короче ${PASSWORD_MIN_LENGTH} символов`)
      .max(200),
    fullName: z.string().trim().min(3, "Укажите ФИО").max(200),
    role: roleSchema,
    municipalityId: z.number().int().positive().nullable(),
    schoolId: z.number().int().positive().nullable(),
    assignedSchoolIds: z.array(z.number().int().positive()).max(1000),
  })
  .superRefine((v, ctx) => {
    const place = ROLE_PLACE[v.role];
    if (place === "municipality" && v.municipalityId === null) {
      ctx.addIssue({
        code: "custom",
        path: ["municipalityId"],
        message: "Для координатора МОЦ укажите муниципалитет",
      });
    }
    if (place === "school" && v.schoolId === null) {
      ctx.addIssue({ code: "custom", path: ["schoolId"], message: "Для директора укажите школу" });
    }
  });

/** The body of `POST /api/users`. */
export type UserCreateInput = {
  login: string;
  password: string;
  fullName: string;
  role: Role;
  municipalityId?: number;
  schoolId?: number;
  assignedSchoolIds?: number[];
};

/** Only the place fields the role needs go to the server. */
export function toUserCreateInput(v: z.infer<typeof userCreateFormSchema>): UserCreateInput {
  const base = { login: v.login, password: v.password, fullName: v.fullName, role: v.role };
  const place = ROLE_PLACE[v.role];
  if (place === "municipality" && v.municipalityId !== null)
    return { ...base, municipalityId: v.municipalityId };
  if (place === "school" && v.schoolId !== null) return { ...base, schoolId: v.schoolId };
  if (place === "assigned") return { ...base, assignedSchoolIds: v.assignedSchoolIds };
  return base;
}
