/** Accounts: users, the schools assigned to mentors and specialists, server-side sessions. */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { municipalities, regions, schools } from "./hierarchy";

/** A person who signs in. Scope columns are set according to the role (checked in the access module). */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    login: text("login").notNull(),
    passwordHash: text("password_hash").notNull(),
    fullName: text("full_name").notNull(),
    role: text("role", {
      enum: [
        "federal_operator",
        "region_admin",
        "region_analyst",
        "moc_coordinator",
        "school_director",
        "mentor",
        "specialist",
      ],
    }).notNull(),
    regionId: integer("region_id").references(() => regions.id, { onDelete: "restrict" }),
    municipalityId: integer("municipality_id").references(() => municipalities.id, { onDelete: "restrict" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "restrict" }),
    isActive: boolean("is_active").notNull().default(true),
    /** An account of the generated demo region: it never reads a region that is not demo. */
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_login_uq").on(sql`lower(${t.login})`)],
);

/** Schools assigned to a mentor or a specialist. */
export const userSchoolAssignments = pgTable(
  "user_school_assignments",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.schoolId] }), index("assignments_school_idx").on(t.schoolId)],
);

/** A server-side session; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
