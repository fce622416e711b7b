import type { PlanDetail } from "../../../../src/shared/plans-api";
import type { Client } from "../../../support/http";
import {
  activityIds,
  CAUSES_YEAR,
  confirmCauses,
  editable,
  ok,
  postPlan,
  seedPlanCatalogue,
  transition,
} from "../../plans-support";
import type { Clients, World } from "../../world";

/** A programme of S1 by its director from its confirmed causes, as a draft. */
export function draftProgramme(w: { s1: { id: number }; clients: Clients }): Promise<PlanDetail> {
  return postPlan(w.clients.directorS1, {
    source: "programme",
    kind: "transition_programme",
    schoolId: w.s1.id,
    year: CAUSES_YEAR,
    causes: [{ factorCode: "low_learning_motivation", measureCodes: ["individual_routes", "subject_weeks"] }],
  });
}

/** The same, submitted to its МОЦ. */
export async function submittedProgramme(w: { s1: { id: number }; clients: Clients }): Promise<PlanDetail> {
  const plan = await draftProgramme(w);
  return ok("submit", await transition(w.clients.directorS1, plan.id, "submit"));
}

/** The body of a content edit of a plan: its content with the title changed. */
export function contentEdit(plan: PlanDetail) {
  return { ...editable(plan), title: `${plan.content.title} (ред.)` };
}

async function approved(clients: Clients, plan: PlanDetail, reviewer: Client): Promise<PlanDetail> {
  ok("submit", await transition(clients.directorS1, plan.id, "submit"));
  return ok("approve", await transition(reviewer, plan.id, "approve"));
}

/**
 * The plans the access matrix reads and acts on, in region A: the factor catalogue and measure
 * library, S1's confirmed causes; a draft programme of S1, an approved one with its second activity
 * assigned to S1's mentor, M1's road map from seed 004 with its order filled, and the regional road
 * map of region A.
 */
export async function buildPlanFixtures(world: World, clients: Clients) {
  await seedPlanCatalogue(world.db, world.regionA.id);
  await confirmCauses(world.db, {
    regionId: world.regionA.id,
    schoolId: world.s1.id,
    year: CAUSES_YEAR,
    codes: ["low_learning_motivation"],
  });
  const w = { s1: world.s1, clients };
  const draft = await draftProgramme(w);
  const running = await approved(clients, await draftProgramme(w), clients.mocM1);
  const [first, second] = activityIds(running);
  if (!first || !second) throw new Error("the approved programme needs two activities");
  await ok(
    "assign",
    await clients.directorS1.request({
      method: "PUT",
      url: `/api/plans/${running.id}/activities/${second}/assignees`,
      payload: { userIds: [world.users.mentorS1.id] },
    }),
  );
  const roadMap = await postPlan(clients.mocM1, {
    source: "template",
    templateKey: "dmitrovsk_road_map_2021",
  });
  ok(
    "order",
    await clients.mocM1.request({
      method: "PATCH",
      url: `/api/plans/${roadMap.id}/order`,
      payload: { number: "70", date: "2021-03-23", place: "г. Дмитровск", signerName: "С. В. Сорокин" },
    }),
  );
  const regional = await postPlan(clients.analystA, {
    source: "template",
    templateKey: "smolensk_regional_road_map_2018",
  });
  return {
    draft: draft.id,
    approved: running.id,
    approvedFirst: first,
    approvedAssigned: second,
    roadMap: roadMap.id,
    regional: regional.id,
  };
}
