import { and, asc, eq, max, sql } from "drizzle-orm";
import type { IndicatorDefinition } from "../../../core/indicators";
import { indicators, indicatorVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** An indicator with its current definition. */
export type IndicatorRow = {
  id: number;
  regionId: number;
  code: string;
  isRetired: boolean;
  versionId: number;
  version: number;
  name: string;
  unit: IndicatorDefinition["unit"];
  direction: IndicatorDefinition["direction"];
  min: number;
  max: number;
  level: IndicatorDefinition["level"];
  group: string;
  source: string;
  description: string;
};

/** The columns of a definition, as each version keeps it. */
const definitionColumns = {
  name: indicatorVersions.name,
  unit: indicatorVersions.unit,
  direction: indicatorVersions.direction,
  min: indicatorVersions.min,
  max: indicatorVersions.max,
  level: indicatorVersions.level,
  group: indicatorVersions.group,
  source: indicatorVersions.source,
  description: indicatorVersions.description,
};

const columns = {
  id: indicators.id,
  regionId: indicators.regionId,
  code: indicators.code,
  isRetired: indicators.isRetired,
  versionId: indicatorVersions.id,
  version: indicatorVersions.version,
  ...definitionColumns,
};

/** Indicators joined to their current definitions; callers add the conditions. */
function withCurrentVersion(db: Db) {
  return db
    .select(columns)
    .from(indicators)
    .innerJoin(indicatorVersions, eq(indicatorVersions.id, indicators.currentVersionId));
}

/** A region's indicators with their current definitions, in catalogue order. */
export async function findIndicators(db: Db, regionId: number): Promise<IndicatorRow[]> {
  return withCurrentVersion(db).where(eq(indicators.regionId, regionId)).orderBy(asc(indicators.id));
}

/** One indicator of a region by id. */
export async function findIndicator(db: Db, regionId: number, id: number): Promise<IndicatorRow | undefined> {
  const [row] = await withCurrentVersion(db).where(
    and(eq(indicators.regionId, regionId), eq(indicators.id, id)),
  );
  return row;
}

/** One indicator by id in whatever region. */
export async function findIndicatorById(db: Db, id: number): Promise<IndicatorRow | undefined> {
  const [row] = await withCurrentVersion(db).where(eq(indicators.id, id));
  return row;
}

/** Inserts an indicator with its first version; returns the indicator id. */
export async function insertIndicator(
  db: Db,
  regionId: number,
  def: IndicatorDefinition,
  createdBy: number | null,
): Promise<number> {
  const [ind] = await db
    .insert(indicators)
    .values({ regionId, code: def.code })
    .returning({ id: indicators.id });
  if (!ind) throw new Error("Показатель не создан");
  await insertVersion(db, ind.id, def, createdBy);
  return ind.id;
}

/**
 * Inserts many indicators, each with its first version as the current one, in three statements
 * (the preloaded catalogue of a new region). Codes must be new in the region.
 */
export async function insertIndicatorsBulk(db: Db, regionId: number, defs: readonly IndicatorDefinition[]) {
  if (!defs.length) return;
  const created = await db
    .insert(indicators)
    .values(defs.map((d) => ({ regionId, code: d.code })))
    .returning({ id: indicators.id, code: indicators.code });
  const idOf = new Map(created.map((c) => [c.code, c.id]));
  const versions = await db
    .insert(indicatorVersions)
    .values(
      defs.flatMap((def) => {
        const indicatorId = idOf.get(def.code);
        if (indicatorId === undefined) return [];
        return [
          {
            indicatorId,
            version: 1,
            name: def.name,
            unit: def.unit,
            direction: def.direction,
            min: def.min,
            max: def.max,
            level: def.level,
            group: def.group,
            source: def.source,
            description: def.description ?? "",
          },
        ];
      }),
    )
    .returning({ id: indicatorVersions.id, indicatorId: indicatorVersions.indicatorId });
  await db.execute(sql`
    update ${indicators} set current_version_id = v.version_id
    from unnest(${`{${versions.map((v) => v.indicatorId).join(",")}}`}::int[], ${`{${versions.map((v) => v.id).join(",")}}`}::int[])
      as v(indicator_id, version_id)
    where ${indicators.id} = v.indicator_id`);
}

/** Adds a new version of an indicator's definition and makes it current. */
export async function insertVersion(
  db: Db,
  indicatorId: number,
  def: IndicatorDefinition,
  createdBy: number | null,
): Promise<number> {
  const [last] = await db
    .select({ v: max(indicatorVersions.version) })
    .from(indicatorVersions)
    .where(eq(indicatorVersions.indicatorId, indicatorId));
  const [ver] = await db
    .insert(indicatorVersions)
    .values({
      indicatorId,
      version: (last?.v ?? 0) + 1,
      name: def.name,
      unit: def.unit,
      direction: def.direction,
      min: def.min,
      max: def.max,
      level: def.level,
      group: def.group,
      source: def.source,
      description: def.description ?? "",
      createdBy,
    })
    .returning({ id: indicatorVersions.id });
  if (!ver) throw new Error("Версия показателя не создана");
  await db.update(indicators).set({ currentVersionId: ver.id }).where(eq(indicators.id, indicatorId));
  return ver.id;
}

/** Marks an indicator retired (or back in use). */
export async function setRetired(db: Db, id: number, isRetired: boolean): Promise<void> {
  await db.update(indicators).set({ isRetired }).where(eq(indicators.id, id));
}

/** Every version of an indicator, oldest first. */
export async function findVersions(db: Db, indicatorId: number) {
  return db
    .select({
      id: indicatorVersions.id,
      version: indicatorVersions.version,
      ...definitionColumns,
      createdAt: indicatorVersions.createdAt,
    })
    .from(indicatorVersions)
    .where(eq(indicatorVersions.indicatorId, indicatorId))
    .orderBy(asc(indicatorVersions.version));
}
