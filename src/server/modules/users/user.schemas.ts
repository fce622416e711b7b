import { z } from "zod";
import { roleSchema } from "../../../shared/roles";
import { PASSWORD_MIN_LENGTH } from "../auth/password";

/** Input to create a user (API and CLI). */
export const userCreateSchema = z.object({
  login: z
    .string()
    .trim()
    .min(3, "Логин не короче 3 символов")
    .max(64)
    .regex(/^[A-Za-z0-9._@-]+$/, "Логин: латинские буквы, цифры, точка, дефис, подчёркивание, @"),
  password: z.string().min(PASSWORD_MIN_LENGTH, `Пароль не короче ${PASSWORD_MIN_LENGTH} символов`).max(200),
  fullName: z.string().trim().min(3, "Укажите ФИО").max(200),
  role: roleSchema,
  regionId: z.number().int().positive().nullable().optional(),
  municipalityId: z.number().int().positive().nullable().optional(),
  schoolId: z.number().int().positive().nullable().optional(),
  assignedSchoolIds: z.array(z.number().int().positive()).max(1000).default([]),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

/** Input to edit a user. */
export const userUpdateSchema = z.object({
  fullName: z.string().trim().min(3).max(200).optional(),
  isActive: z.boolean().optional(),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Пароль не короче ${PASSWORD_MIN_LENGTH} символов`)
    .max(200)
    .optional(),
  assignedSchoolIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
