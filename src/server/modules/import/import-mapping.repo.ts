import { and, eq, sql } from "drizzle-orm";
import type { MappingSource } from "../../../shared/import-api";
import { importMappings } from "../../db/schema";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";

/** What import is remembered for a layout: values or the school registry, and its mapping (JSON). */
export type RememberedMapping = { kind: "values" | "schools"; mapping: unknown };

/** A remembered mapping with who remembered it and when. */
export type FoundMapping = RememberedMapping & { source: Extract<MappingSource, { kind: "remembered" }> };

function isRemembered(value: unknown): value is RememberedMapping {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "values" || kind === "schools") && "mapping" in value;
}

/** The mapping last used in the region for a file layout (header signature), if any, with who and when. */
export async function findRememberedMapping(
  db: Db,
  regionId: number,
  signature: string,
): Promise<FoundMapping | undefined> {
  const [row] = await db
    .select({
      mapping: importMappings.mapping,
      by: importMappings.rememberedByName,
      at: importMappings.updatedAt,
    })
    .from(importMappings)
    .where(and(eq(importMappings.regionId, regionId), eq(importMappings.signature, signature)));
  if (!row || !isRemembered(row.mapping)) return undefined;
  const by = row.by === "" ? null : row.by;
  return { ...row.mapping, source: { kind: "remembered", by, at: row.at.toISOString() } };
}

/**
 * Remembers the mapping of a real import that succeeded, for its file layout in the region
 * (replacing an older one), with the actor who ran it; called in the import's own transaction.
 */
export async function rememberMapping(
  db: Db,
  regionId: number,
  signature: string,
  remembered: RememberedMapping,
  actor: Actor,
): Promise<void> {
  const by = { rememberedBy: actor.userId > 0 ? actor.userId : null, rememberedByName: actor.fullName };
  await db
    .insert(importMappings)
    .values({ regionId, signature, mapping: remembered, ...by })
    .onConflictDoUpdate({
      target: [importMappings.regionId, importMappings.signature],
      set: { mapping: remembered, ...by, updatedAt: sql`now()` },
    });
}
