/** Column helpers shared by the schema files. */
import { timestamp } from "drizzle-orm/pg-core";

/** When a row was created. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** When a row was last changed. */
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
