import { and, asc, eq } from "drizzle-orm";
import type { PlanItem } from "../../../shared/teachers-api";
import { individualPlanItems, individualPlans } from "../../db/schema";
import type { Db } from "../../platform/db";

/** A teacher's stored ИОМ of a year with its activities, or undefined. */
export async function findIndividualPlan(db: Db, teacherId: number, year: number) {
  const [plan] = await db
    .select()
    .from(individualPlans)
    .where(and(eq(individualPlans.teacherId, teacherId), eq(individualPlans.year, year)));
  if (!plan) return undefined;
  const items = await db
    .select()
    .from(individualPlanItems)
    .where(eq(individualPlanItems.planId, plan.id))
    .orderBy(asc(individualPlanItems.position));
  return { ...plan, items };
}

/** Writes a teacher's ИОМ of a year: the note, and the activities replaced by the given ones. */
export async function saveIndividualPlan(
  db: Db,
  opts: { teacherId: number; year: number; note: string; items: PlanItem[]; userId: number | null },
): Promise<number> {
  const [plan] = await db
    .insert(individualPlans)
    .values({ teacherId: opts.teacherId, year: opts.year, note: opts.note, createdBy: opts.userId })
    .onConflictDoUpdate({
      target: [individualPlans.teacherId, individualPlans.year],
      set: { note: opts.note, updatedAt: new Date() },
    })
    .returning({ id: individualPlans.id });
  if (!plan) throw new Error("ИОМ не сохранён");
  await db.delete(individualPlanItems).where(eq(individualPlanItems.planId, plan.id));
  if (opts.items.length > 0) {
    await db.insert(individualPlanItems).values(
      opts.items.map((item, position) => ({
        planId: plan.id,
        position,
        text: item.text,
        deadline: item.deadline,
        isDone: item.isDone,
      })),
    );
  }
  return plan.id;
}
