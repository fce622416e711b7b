/**
 * The database schema: one Drizzle schema for PGlite and a PostgreSQL server alike, a file per
 * feature. Migrations are generated from it with `npm run db:generate` and applied at start-up.
 */

export * from "./accounts";
export * from "./cache";
export * from "./causes";
export * from "./courses";
export * from "./data";
export * from "./decisions";
export * from "./events";
export * from "./forms";
export * from "./hierarchy";
export * from "./identification";
export * from "./imports";
export * from "./materials";
export * from "./mentoring";
export * from "./monitoring";
export * from "./partners";
export * from "./plans";
export * from "./quality";
export * from "./support";
export * from "./system";
export * from "./teachers";
