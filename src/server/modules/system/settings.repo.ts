import { eq, sql } from "drizzle-orm";
import { regions, settings, users } from "../../db/schema";
import type { Db } from "../../platform/db";

/** Reads an installation setting. */
export async function getSetting(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value;
}

/** Writes an installation setting. */
export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}

/**
 * True when this installation holds the generated demo region with its accounts. A database with
 * only real regions (or whose demo region was removed) is not a demo installation, whatever it once was.
 */
export async function isDemoInstallation(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ demo: sql<boolean>`exists (select 1 from ${users} where ${users.isDemo})` })
    .from(regions)
    .where(eq(regions.isDemo, true))
    .limit(1);
  return row?.demo === true;
}
