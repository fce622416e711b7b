/**
 * The materials bank (issue 12, point 8): the region's methodical materials — title, kind, tags,
 * an uploaded file or a link, author, level, description — searched with PostgreSQL's own Russian
 * full-text search (a generated tsvector with a GIN index), and the links that put a material on a
 * measure of the library, a course or a plan.
 */
import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { municipalities, regions, schools } from "./hierarchy";

type MaterialKind = import("../../../core/materials/material-kinds").MaterialKind;
type MaterialLevel = import("../../../core/materials/material-kinds").MaterialLevel;
type MaterialLinkEntity = import("../../../core/materials/material-kinds").MaterialLinkEntity;

/** A text search vector; only Postgres reads it (the column is generated). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A methodical material of a region's bank. */
export const materials = pgTable(
  "materials",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    level: text("level").$type<MaterialLevel>().notNull(),
    /** The municipality of a municipal or school material (whose МОЦ edits it). */
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    /** The school of a school material. */
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: text("kind").$type<MaterialKind>().notNull(),
    description: text("description").notNull().default(""),
    author: text("author").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** The tags joined by spaces, for the search vector (array_to_string is not immutable). */
    tagsText: text("tags_text").notNull().default(""),
    url: text("url").notNull().default(""),
    fileName: text("file_name"),
    fileBytes: bigint("file_bytes", { mode: "number" }),
    fileKey: text("file_key"),
    fileType: text("file_type"),
    /** Title (A), tags (B), description and author (C), stemmed by the Russian configuration. */
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(tags_text, '')), 'B') || setweight(to_tsvector('russian', coalesce(description, '') || ' ' || coalesce(author, '')), 'C')`,
    ),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("materials_region_idx").on(t.regionId, t.level),
    index("materials_search_idx").using("gin", t.search),
  ],
);

/** A material put on a measure, a course or a plan («Материалы» on that page). */
export const materialLinks = pgTable(
  "material_links",
  {
    id: serial("id").primaryKey(),
    materialId: integer("material_id")
      .notNull()
      .references(() => materials.id, { onDelete: "cascade" }),
    entity: text("entity").$type<MaterialLinkEntity>().notNull(),
    entityId: integer("entity_id").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("material_links_uq").on(t.materialId, t.entity, t.entityId),
    index("material_links_entity_idx").on(t.entity, t.entityId),
  ],
);
