import { and, eq } from "drizzle-orm";
import { causeFactors, measures } from "../../../../src/server/db/schema";
import { seedCauses } from "../../../../src/server/modules/causes/causes-seed.service";
import type { World } from "../../world";

/**
 * What the causes rows act on: both regions' causes catalogues seeded (factors, workbook, measure
 * library), and the ids of a factor and a measure of region A.
 */
export async function buildCausesFixtures(world: World) {
  const { db } = world;
  await seedCauses(db, world.regionA.id);
  await seedCauses(db, world.regionB.id);
  const [factor] = await db
    .select({ id: causeFactors.id })
    .from(causeFactors)
    .where(and(eq(causeFactors.regionId, world.regionA.id), eq(causeFactors.code, "teacher_burnout")));
  const [measure] = await db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.regionId, world.regionA.id), eq(measures.code, "vsoko_design")));
  if (!factor || !measure) throw new Error("region A has no causes catalogue");
  return { factorA: factor.id, measureA: measure.id };
}
