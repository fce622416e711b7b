import { and, eq, isNotNull } from "drizzle-orm";
import { indicators, indicatorValues } from "../../src/server/db/schema";
import { seedRuleSets } from "../../src/server/modules/identification/rule-set.service";
import { seedCatalogue } from "../../src/server/modules/indicators/indicator.service";
import type { Db } from "../../src/server/platform/db";

/** Seeds a region's catalogue and preloaded rule sets, as the demo loader does. */
export async function seedIdentification(db: Db, regionId: number): Promise<void> {
  await seedCatalogue(db, regionId);
  await seedRuleSets(db, regionId);
}

/** Writes (or overwrites) a school's values of one indicator: `{year: value}`. */
export async function putValues(
  db: Db,
  opts: { regionId: number; schoolId: number; code: string; values: Record<number, number> },
): Promise<void> {
  const [indicator] = await db
    .select({ id: indicators.id, versionId: indicators.currentVersionId })
    .from(indicators)
    .where(and(eq(indicators.regionId, opts.regionId), eq(indicators.code, opts.code)));
  if (!indicator?.versionId) throw new Error(`no indicator ${opts.code}`);
  const { id, versionId } = indicator;
  for (const [year, value] of Object.entries(opts.values)) {
    await db
      .insert(indicatorValues)
      .values({
        indicatorId: id,
        versionId,
        schoolId: opts.schoolId,
        year: Number(year),
        value,
        source: "form",
      })
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.schoolId, indicatorValues.year],
        targetWhere: isNotNull(indicatorValues.schoolId),
        set: { value },
      });
  }
}

/** A ШНРО rule set: ЕГЭ maths failures ≥ 0,20 in the run year. */
export const SHNRO_RULES = {
  name: "Тест: ШНРО",
  category: "shnro",
  combine: { kind: "any" },
  minStudents: 10,
  criteria: [
    {
      id: "math",
      label: "ЕГЭ математика",
      kind: "threshold",
      indicatorCode: "ege_math_below_min_share",
      op: ">=",
      value: 0.2,
    },
  ],
};

/** A ШФНСУ rule set: prevention register ≥ 0,30 in the run year. */
export const SHFNSU_RULES = {
  name: "Тест: ШФНСУ",
  category: "shfnsu",
  combine: { kind: "any" },
  criteria: [
    {
      id: "register",
      kind: "threshold",
      indicatorCode: "prevention_register_share",
      op: ">=",
      value: 0.3,
    },
  ],
};
