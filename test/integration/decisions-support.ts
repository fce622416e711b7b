import { activity, programme } from "../../src/core/plans/test-fixtures";
import { plans, planVersions } from "../../src/server/db/schema";
import type { Db } from "../../src/server/platform/db";

/** A target of a test programme: the catalogue indicator, baseline, target, year. */
export type TestTarget = { code: string; baseline: number; target: number; year: number };

/**
 * Stores a school programme of a year with one activity per target, its only version in the given
 * state — as the plans feature leaves it after review.
 */
export async function storeSchoolPlan(
  db: Db,
  opts: {
    regionId: number;
    municipalityId: number;
    schoolId: number;
    year: number;
    status: "draft" | "approved";
    targets: TestTarget[];
  },
): Promise<number> {
  const content = programme(
    opts.targets.map((t, i) =>
      activity(`a${i + 1}`, {
        indicator: {
          text: `Показатель ${t.code}`,
          code: t.code,
          baseline: t.baseline,
          target: t.target,
          year: t.year,
        },
      }),
    ),
  );
  const [plan] = await db
    .insert(plans)
    .values({
      regionId: opts.regionId,
      level: "school",
      kind: "transition_programme",
      municipalityId: opts.municipalityId,
      schoolId: opts.schoolId,
      year: opts.year,
    })
    .returning({ id: plans.id });
  if (!plan) throw new Error("plan");
  await db.insert(planVersions).values({
    planId: plan.id,
    version: 1,
    status: opts.status,
    content,
    approvedAt: opts.status === "approved" ? new Date() : null,
  });
  return plan.id;
}
