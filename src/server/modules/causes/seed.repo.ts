import { and, eq, inArray, notExists, or, sql } from "drizzle-orm";
import { causeFactors, measures, regions, workbookVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/**
 * The regions that lack part of the preloaded causes catalogue: no workbook, or fewer of the
 * preloaded factor or measure codes than there are. One query, cheap when every region has it all.
 */
export async function findRegionsLackingCauses(
  db: Db,
  preloaded: { factorCodes: readonly string[]; measureCodes: readonly string[] },
): Promise<number[]> {
  const factorCount = db
    .select({ n: sql<number>`count(*)::int` })
    .from(causeFactors)
    .where(
      and(eq(causeFactors.regionId, regions.id), inArray(causeFactors.code, [...preloaded.factorCodes])),
    );
  const measureCount = db
    .select({ n: sql<number>`count(*)::int` })
    .from(measures)
    .where(and(eq(measures.regionId, regions.id), inArray(measures.code, [...preloaded.measureCodes])));
  const rows = await db
    .select({ id: regions.id })
    .from(regions)
    .where(
      or(
        notExists(
          db.select({ one: sql`1` }).from(workbookVersions).where(eq(workbookVersions.regionId, regions.id)),
        ),
        sql`(${factorCount}) < ${preloaded.factorCodes.length}`,
        sql`(${measureCount}) < ${preloaded.measureCodes.length}`,
      ),
    );
  return rows.map((row) => row.id);
}
