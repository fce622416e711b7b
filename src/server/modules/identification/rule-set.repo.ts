import { and, asc, desc, eq, inArray, isNotNull, max } from "drizzle-orm";
import type { RuleSet } from "../../../core/identification";
import { identificationRuleSets, identificationRuleSetVersions } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A rule set with its current version. */
export type RuleSetRow = {
  id: number;
  regionId: number;
  presetKey: string | null;
  isActive: boolean;
  updatedAt: Date;
  versionId: number;
  version: number;
  name: string;
  category: RuleSet["category"];
  definition: unknown;
};

const columns = {
  id: identificationRuleSets.id,
  regionId: identificationRuleSets.regionId,
  presetKey: identificationRuleSets.presetKey,
  isActive: identificationRuleSets.isActive,
  updatedAt: identificationRuleSets.updatedAt,
  versionId: identificationRuleSetVersions.id,
  version: identificationRuleSetVersions.version,
  name: identificationRuleSetVersions.name,
  category: identificationRuleSetVersions.category,
  definition: identificationRuleSetVersions.definition,
};

function withCurrentVersion(db: Db) {
  return db
    .select(columns)
    .from(identificationRuleSets)
    .innerJoin(
      identificationRuleSetVersions,
      eq(identificationRuleSetVersions.id, identificationRuleSets.currentVersionId),
    );
}

/** A region's rule sets with their current versions, oldest first; only active ones when asked. */
export async function findRuleSets(
  db: Db,
  opts: { regionId: number; ids?: number[]; activeOnly?: boolean },
): Promise<RuleSetRow[]> {
  return withCurrentVersion(db)
    .where(
      and(
        eq(identificationRuleSets.regionId, opts.regionId),
        opts.ids ? inArray(identificationRuleSets.id, opts.ids) : undefined,
        opts.activeOnly ? eq(identificationRuleSets.isActive, true) : undefined,
      ),
    )
    .orderBy(asc(identificationRuleSets.id));
}

/** One rule set of a region, or undefined. */
export async function findRuleSet(db: Db, regionId: number, id: number): Promise<RuleSetRow | undefined> {
  const [row] = await findRuleSets(db, { regionId, ids: [id] });
  return row;
}

/** Every version of a rule set, newest first. */
export async function findRuleSetVersions(db: Db, ruleSetId: number) {
  return db
    .select({
      id: identificationRuleSetVersions.id,
      version: identificationRuleSetVersions.version,
      name: identificationRuleSetVersions.name,
      createdAt: identificationRuleSetVersions.createdAt,
    })
    .from(identificationRuleSetVersions)
    .where(eq(identificationRuleSetVersions.ruleSetId, ruleSetId))
    .orderBy(desc(identificationRuleSetVersions.version));
}

/** Keys of the preloaded rule sets a region already has. */
export async function findPresetKeys(db: Db, regionId: number): Promise<Set<string>> {
  const rows = await db
    .select({ key: identificationRuleSets.presetKey })
    .from(identificationRuleSets)
    .where(and(eq(identificationRuleSets.regionId, regionId), isNotNull(identificationRuleSets.presetKey)));
  return new Set(rows.flatMap((row) => (row.key === null ? [] : [row.key])));
}

/** Adds a version to a rule set and makes it current; returns the version id. */
export async function insertRuleSetVersion(
  db: Db,
  ruleSetId: number,
  definition: RuleSet,
  createdBy: number | null,
): Promise<number> {
  const [last] = await db
    .select({ v: max(identificationRuleSetVersions.version) })
    .from(identificationRuleSetVersions)
    .where(eq(identificationRuleSetVersions.ruleSetId, ruleSetId));
  const [row] = await db
    .insert(identificationRuleSetVersions)
    .values({
      ruleSetId,
      version: (last?.v ?? 0) + 1,
      name: definition.name,
      category: definition.category,
      definition,
      createdBy,
    })
    .returning({ id: identificationRuleSetVersions.id });
  if (!row) throw new Error("Версия набора правил не создана");
  await db
    .update(identificationRuleSets)
    .set({ currentVersionId: row.id, updatedAt: new Date() })
    .where(eq(identificationRuleSets.id, ruleSetId));
  return row.id;
}

/** Creates a rule set with its first version; returns its id. */
export async function insertRuleSet(
  db: Db,
  opts: { regionId: number; presetKey: string | null; definition: RuleSet; createdBy: number | null },
): Promise<number> {
  const [row] = await db
    .insert(identificationRuleSets)
    .values({ regionId: opts.regionId, presetKey: opts.presetKey })
    .returning({ id: identificationRuleSets.id });
  if (!row) throw new Error("Набор правил не создан");
  await insertRuleSetVersion(db, row.id, opts.definition, opts.createdBy);
  return row.id;
}

/** Turns a rule set on or off for runs. */
export async function setRuleSetActive(db: Db, id: number, isActive: boolean): Promise<void> {
  await db
    .update(identificationRuleSets)
    .set({ isActive, updatedAt: new Date() })
    .where(eq(identificationRuleSets.id, id));
}

/** Removes a rule set with all its versions; runs keep their own copies of the versions they used. */
export async function deleteRuleSet(db: Db, id: number): Promise<void> {
  await db.delete(identificationRuleSets).where(eq(identificationRuleSets.id, id));
}
