import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { causeFactors, confirmedCauses, users } from "../../src/server/db/schema";
import { seedCauses } from "../../src/server/modules/causes/causes-seed.service";
import type { Db } from "../../src/server/platform/db";
import type { PlanDetail } from "../../src/shared/plans-api";
import type { Client } from "../support/http";

/** The school year the plan tests work in (2024/25). */
export const PLAN_YEAR = 2025;

/**
 * The year of the causes (and the values) a school programme starts from: the identification year
 * before the school year 2024/25 the programme runs in (causes of Y → a programme for Y/Y+1).
 */
export const CAUSES_YEAR = PLAN_YEAR - 1;

/** Loads the region's factor catalogue, workbook and measure library, as a new region gets them. */
export async function seedPlanCatalogue(db: Db, regionId: number): Promise<void> {
  await seedCauses(db, regionId);
}

/** Records causes the МОЦ confirmed for a school in a year (as the causes feature does). */
export async function confirmCauses(
  db: Db,
  opts: { regionId: number; schoolId: number; year: number; codes: string[] },
): Promise<void> {
  for (const code of opts.codes) {
    const [factor] = await db
      .select({ id: causeFactors.id })
      .from(causeFactors)
      .where(and(eq(causeFactors.regionId, opts.regionId), eq(causeFactors.code, code)));
    if (!factor) throw new Error(`no factor ${code}`);
    await db
      .insert(confirmedCauses)
      .values({ schoolId: opts.schoolId, year: opts.year, factorId: factor.id, confirmedByName: "МОЦ" })
      .onConflictDoNothing();
  }
}

/** Gives a user a full name of three words, as real accounts have. */
export async function renameUser(db: Db, userId: number, fullName: string): Promise<void> {
  await db.update(users).set({ fullName }).where(eq(users.id, userId));
}

/** The parsed body of a 200 answer; throws with the body otherwise. */
export function ok<T = PlanDetail>(what: string, res: LightMyRequestResponse): T {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Creates a plan through the API and returns it as its page shows it. */
export async function postPlan(client: Client, payload: Record<string, unknown>): Promise<PlanDetail> {
  return ok("create plan", await client.request({ method: "POST", url: "/api/plans", payload }));
}

/** Moves a plan through the API (comments and reason filled so that return and revise pass). */
export function transition(client: Client, id: number, action: string, extra: Record<string, unknown> = {}) {
  const payload =
    action === "return"
      ? { action, comments: { overall: "Свяжите мероприятия с показателями", activities: [] }, ...extra }
      : action === "revise"
        ? { action, reason: "Изменились сроки", ...extra }
        : { action, ...extra };
  return client.request({ method: "POST", url: `/api/plans/${id}/transitions`, payload });
}

/** A plan detail's content as an editor sends it back: deadlines as text. */
export function editable(plan: PlanDetail) {
  const { content } = plan;
  return {
    ...content,
    sections: content.sections.map((section) => ({
      ...section,
      activities: section.activities.map(({ deadline, ...activity }) => ({
        ...activity,
        deadlineText: deadline.text,
      })),
    })),
  };
}

/** Every activity id of a plan, in order. */
export function activityIds(plan: PlanDetail): string[] {
  return plan.content.sections.flatMap((section) => section.activities.map((activity) => activity.id));
}
