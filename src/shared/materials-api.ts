import { z } from "zod";
import { MATERIAL_KINDS, MATERIAL_LEVELS, MATERIAL_LINK_ENTITIES } from "../core/materials/material-kinds";

/*
 * Materials bank API shapes (issue 12, point 8), shared by the server and the web pages: the
 * materials, their Russian full-text search, and their links from measures, courses and plans.
 */

/** A kind of material. */
export const materialKindSchema = z.enum(MATERIAL_KINDS);
/** A level of a material. */
export const materialLevelSchema = z.enum(MATERIAL_LEVELS);
/** What a material is linked from. */
export const materialLinkEntitySchema = z.enum(MATERIAL_LINK_ENTITIES);

const text = (max: number) => z.string().trim().max(max, `Не длиннее ${max} символов`);
const linkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => value === "" || /^https?:\/\//i.test(value),
    "Ссылка должна начинаться с http:// или https://",
  );
const tagsSchema = z
  .array(z.string().trim().min(1).max(60))
  .max(20, "Не больше 20 меток")
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))]);

/** A new material. */
export const materialCreateSchema = z.object({
  regionId: z.number().int().positive().optional(),
  title: text(300).min(1, "Введите название"),
  kind: materialKindSchema,
  level: materialLevelSchema,
  municipalityId: z.number().int().positive().nullable().optional(),
  schoolId: z.number().int().positive().nullable().optional(),
  description: text(5000).default(""),
  author: text(300).default(""),
  tags: tagsSchema.default([]),
  url: linkSchema.default(""),
});
/** A new material. */
export type MaterialCreate = z.infer<typeof materialCreateSchema>;

/** A change of a material. */
export const materialPatchSchema = z.object({
  title: text(300).min(1, "Введите название").optional(),
  kind: materialKindSchema.optional(),
  level: materialLevelSchema.optional(),
  municipalityId: z.number().int().positive().nullable().optional(),
  schoolId: z.number().int().positive().nullable().optional(),
  description: text(5000).optional(),
  author: text(300).optional(),
  tags: tagsSchema.optional(),
  url: linkSchema.optional(),
});
/** A change of a material. */
export type MaterialPatch = z.infer<typeof materialPatchSchema>;

/** A material as the API gives it. */
export const materialItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: materialKindSchema,
  level: materialLevelSchema,
  municipalityId: z.number().nullable(),
  municipalityName: z.string().nullable(),
  schoolId: z.number().nullable(),
  schoolName: z.string().nullable(),
  description: z.string(),
  author: z.string(),
  tags: z.array(z.string()),
  url: z.string(),
  file: z.object({ name: z.string(), bytes: z.number(), type: z.string() }).nullable(),
  updatedByName: z.string(),
  updatedAt: z.string(),
  /** The search's snippet with the matches in «<b>…</b>» (only when searching). */
  headline: z.string().nullable(),
  /** ts_rank of the match (only when searching). */
  rank: z.number().nullable(),
  links: z.number(),
  canEdit: z.boolean(),
});
/** A material. */
export type MaterialItem = z.infer<typeof materialItemSchema>;

/** The bank's search: words (Russian, stemmed), kind, level, tag. */
export const materialQuerySchema = z.object({
  regionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(300).optional(),
  kind: materialKindSchema.optional(),
  level: materialLevelSchema.optional(),
  tag: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The bank's answer: the materials found, the tags in use and what the actor may do. */
export const materialListSchema = z.object({
  items: z.array(materialItemSchema),
  total: z.number(),
  tags: z.array(z.object({ tag: z.string(), count: z.number() })),
  permissions: z.object({ canWrite: z.boolean() }),
});
/** The bank's answer. */
export type MaterialList = z.infer<typeof materialListSchema>;

/** A link of a material to a measure, a course or a plan. */
export const materialLinkCreateSchema = z.object({
  materialId: z.number().int().positive(),
  entity: materialLinkEntitySchema,
  entityId: z.number().int().positive(),
});

/** The materials linked from one measure, course or plan. */
export const materialLinksQuerySchema = z.object({
  entity: materialLinkEntitySchema,
  entityId: z.coerce.number().int().positive(),
});

/** The materials linked from one thing, each with its link's id. */
export const materialLinkListSchema = z.object({
  items: z.array(z.object({ linkId: z.number(), material: materialItemSchema })),
  permissions: z.object({ canLink: z.boolean() }),
});
/** The materials linked from one thing. */
export type MaterialLinkList = z.infer<typeof materialLinkListSchema>;
