import { eq, inArray } from "drizzle-orm";
import { identificationRuleSetVersions, regions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** Stored definitions of rule set versions by version id. */
export async function findRuleSetVersionDefinitions(
  db: Db,
  versionIds: number[],
): Promise<Map<number, unknown>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: identificationRuleSetVersions.id, definition: identificationRuleSetVersions.definition })
    .from(identificationRuleSetVersions)
    .where(inArray(identificationRuleSetVersions.id, versionIds));
  return new Map(rows.map((row) => [row.id, row.definition]));
}

/** A region's name. */
export async function findRegionName(db: Db, regionId: number): Promise<string | undefined> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return row?.name;
}
