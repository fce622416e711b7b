import { eq } from "drizzle-orm";
import { settings } from "../../db/schema";
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

/** True when this installation holds the generated demo region. */
export async function isDemoInstallation(db: Db): Promise<boolean> {
  return (await getSetting(db, "demo")) === true;
}
