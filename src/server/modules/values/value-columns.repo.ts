import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { ValueColumn } from "../../../core/identification";
import { packedFloat8, packedInt4, unpackFloat8, unpackInt4 } from "../../db/packed";
import { indicators, indicatorValues } from "../../db/schema";
import type { Db } from "../../platform/db";

/**
 * Queries in flight at once: a PostgreSQL server runs each on its own connection and core (the
 * machine this is tuned on has two); PGlite, one connection, runs them in turn whatever this says.
 */
const PARALLEL_QUERIES = 2;

/**
 * The school values of a region's indicators, one column per (indicator code, year) pair, in the
 * pairs' order; pairs whose code is not one of the region's indicators are left out (the codes are
 * resolved within the region, so no other region's values can be read). Each column is one query
 * over the values' unique key, which carries the value (migration 0007): an index-only scan of a few
 * hundred pages at national scale, where a query over several pairs at once read every heap page of
 * the table. The ids and values come back packed (one base64 string each, db/packed.ts): no
 * per-value parsing in the driver.
 */
export async function findValueColumns(
  db: Db,
  regionId: number,
  pairs: readonly { code: string; year: number }[],
): Promise<ValueColumn[]> {
  if (pairs.length === 0) return [];
  const catalogue = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(
      and(
        eq(indicators.regionId, regionId),
        inArray(indicators.code, [...new Set(pairs.map((p) => p.code))]),
      ),
    );
  const idOf = new Map(catalogue.map((row) => [row.code, row.id]));
  const wanted = pairs.filter((pair) => idOf.has(pair.code));
  const columns: ValueColumn[] = new Array(wanted.length);
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const k = next++;
      const pair = wanted[k]!;
      columns[k] = { ...pair, ...(await findValueColumn(db, idOf.get(pair.code)!, pair.year)) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_QUERIES, wanted.length) }, worker));
  return columns;
}

async function findValueColumn(db: Db, indicatorId: number, year: number) {
  const [row] = await db
    .select({
      schoolIds: packedInt4(indicatorValues.schoolId),
      values: packedFloat8(indicatorValues.value),
    })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorId, indicatorId),
        eq(indicatorValues.year, year),
        isNotNull(indicatorValues.schoolId),
      ),
    );
  return { schoolIds: unpackInt4(row?.schoolIds ?? null), values: unpackFloat8(row?.values ?? null) };
}

/**
 * Refreshes the values' visibility map and planner statistics after a bulk write (VACUUM ANALYZE;
 * outside any transaction). The visibility map is what lets a column be read from the index alone;
 * PGlite has no autovacuum to keep it, and a server's may come minutes later. The vacuum visits
 * only the pages written since the last one.
 */
export async function vacuumValues(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) ${indicatorValues}`);
}
