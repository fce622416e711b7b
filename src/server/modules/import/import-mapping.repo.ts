import { and, eq, sql } from "drizzle-orm";
import { importMappings } from "../../db/schema";
import type { Db } from "../../platform/db";

/** What import is remembered for a layout: values or the school registry, and its mapping (JSON). */
export type RememberedMapping = { kind: "values" | "schools"; mapping: unknown };

function isRemembered(value: unknown): value is RememberedMapping {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "values" || kind === "schools") && "mapping" in value;
}

/** The mapping last used in the region for a file layout (header signature), if any. */
export async function findRememberedMapping(
  db: Db,
  regionId: number,
  signature: string,
): Promise<RememberedMapping | undefined> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.regionId, regionId), eq(importMappings.signature, signature)));
  return row && isRemembered(row.mapping) ? row.mapping : undefined;
}

/** Remembers the mapping used for a file layout in the region (replacing an older one). */
export async function rememberMapping(
  db: Db,
  regionId: number,
  signature: string,
  remembered: RememberedMapping,
): Promise<void> {
  await db
    .insert(importMappings)
    .values({ regionId, signature, mapping: remembered })
    .onConflictDoUpdate({
      target: [importMappings.regionId, importMappings.signature],
      set: { mapping: remembered, updatedAt: sql`now()` },
    });
}
