/** Hierarchy: regions, their municipalities and schools, each municipality's МОЦ and its staff. */
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

/** A region (субъект РФ); several regions may live under one federal operator. */
export const regions = pgTable(
  "regions",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("regions_code_uq").on(t.code)],
);

/** A municipality (муниципальный район, округ, городской округ) of a region. */
export const municipalities = pgTable(
  "municipalities",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["district", "city"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("municipalities_region_code_uq").on(t.regionId, t.code)],
);

/** A school (общеобразовательная организация). */
export const schools = pgTable(
  "schools",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    fullName: text("full_name").notNull(),
    shortName: text("short_name").notNull(),
    kind: text("kind").notNull(),
    isRural: boolean("is_rural").notNull(),
    isSmall: boolean("is_small").notNull(),
    students: integer("students").notNull(),
    teachers: integer("teachers").notNull(),
    address: text("address").notNull().default(""),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("schools_region_code_uq").on(t.regionId, t.code),
    index("schools_municipality_idx").on(t.municipalityId),
  ],
);

/** A МОЦ: municipal education centre, one per municipality. */
export const mocs = pgTable(
  "mocs",
  {
    id: serial("id").primaryKey(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mocs_municipality_uq").on(t.municipalityId)],
);

/** A member of a МОЦ's staff. */
export const mocStaff = pgTable(
  "moc_staff",
  {
    id: serial("id").primaryKey(),
    mocId: integer("moc_id")
      .notNull()
      .references(() => mocs.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    position: text("position", {
      enum: ["coordinator", "mentor_head", "mentor_teacher", "psychologist", "social_pedagogue"],
    }).notNull(),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("moc_staff_moc_idx").on(t.mocId)],
);
