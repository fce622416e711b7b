import type { Plan, PlanInput } from "../../../core/plans";
import type { EditedActivity } from "./activity-editor";

/** The plan's content as the editor holds it: every deadline as its text. */
export function toEditable(plan: Plan): PlanInput {
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.map(({ deadline, ...activity }) => ({
        ...activity,
        deadlineText: deadline.text,
      })),
    })),
  };
}

function usedIds(plan: PlanInput): Set<string> {
  return new Set(
    plan.sections.flatMap((section) => [section.id, ...section.activities.map((activity) => activity.id)]),
  );
}

/** An id no section or activity of the plan has: «s4», «s2-a7». */
export function freshId(plan: PlanInput, prefix: string): string {
  const used = usedIds(plan);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** A new empty activity for a section. */
export function blankActivity(plan: PlanInput, sectionId: string): EditedActivity {
  return {
    id: freshId(plan, `${sectionId}-a`),
    number: "",
    title: "",
    owners: [],
    status: "planned",
    indicator: { text: "", code: null, baseline: null, target: null, year: null },
    causeCodes: [],
    measureCodes: [],
    deadlineText: "",
  };
}

/** The plan with one activity changed. */
export function patchActivity(
  plan: PlanInput,
  activityId: string,
  patch: Partial<EditedActivity>,
): PlanInput {
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) =>
        activity.id === activityId ? { ...activity, ...patch } : activity,
      ),
    })),
  };
}

/**
 * The plan with an activity moved one place up or down; past the first or last place of its section
 * it goes to the end of the previous section or the start of the next one.
 */
export function moveActivity(plan: PlanInput, activityId: string, direction: -1 | 1): PlanInput {
  const sections = plan.sections.map((section) => ({ ...section, activities: [...section.activities] }));
  const s = sections.findIndex((section) =>
    section.activities.some((activity) => activity.id === activityId),
  );
  const section = sections[s];
  if (!section) return plan;
  const a = section.activities.findIndex((activity) => activity.id === activityId);
  const [moved] = section.activities.splice(a, 1);
  if (!moved) return plan;
  const target = a + direction;
  if (target >= 0 && target <= section.activities.length) section.activities.splice(target, 0, moved);
  else if (direction < 0 && sections[s - 1]) sections[s - 1]?.activities.push(moved);
  else if (direction > 0 && sections[s + 1]) sections[s + 1]?.activities.unshift(moved);
  else section.activities.splice(a, 0, moved);
  return { ...plan, sections };
}

/** The plan without an activity. */
export function removeActivity(plan: PlanInput, activityId: string): PlanInput {
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.filter((activity) => activity.id !== activityId),
    })),
  };
}

/** The plan with a section moved one place up or down. */
export function moveSection(plan: PlanInput, sectionId: string, direction: -1 | 1): PlanInput {
  const sections = [...plan.sections];
  const from = sections.findIndex((section) => section.id === sectionId);
  const to = from + direction;
  const [moved] = sections.splice(from, 1);
  if (!moved || to < 0 || to > sections.length) return plan;
  sections.splice(to, 0, moved);
  return { ...plan, sections };
}

/** Activities numbered «1.1.», «1.2.» … by their section's place and their own. */
export function renumber(plan: PlanInput): PlanInput {
  return {
    ...plan,
    sections: plan.sections.map((section, s) => ({
      ...section,
      activities: section.activities.map((activity, a) => ({ ...activity, number: `${s + 1}.${a + 1}.` })),
    })),
  };
}
