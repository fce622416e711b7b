import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import type { PlanDetail } from "../../src/shared/plans-api";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { putValues, seedIdentification } from "./identification-support";
import {
  activityIds,
  CAUSES_YEAR,
  confirmCauses,
  editable,
  ok,
  PLAN_YEAR,
  postPlan,
  seedPlanCatalogue,
  transition,
} from "./plans-support";
import { buildWorld, type Clients, signInAll, type World } from "./world";

const CAUSES = ["low_learning_motivation", "undeveloped_vsoko"];

describe.each(testEngines())("plan review workflow on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;

  const programme = (client: Client = c.directorS1, causes = CAUSES) =>
    postPlan(client, {
      source: "programme",
      kind: "transition_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      causes: causes.map((factorCode) => ({ factorCode })),
    });
  const get = async (client: Client, id: number): Promise<PlanDetail> =>
    ok("get plan", await client.request({ method: "GET", url: `/api/plans/${id}` }));
  const statusOf = async (id: number) => (await get(c.adminA, id)).current.status;

  /** A fresh programme of S1 moved to a state through the API. */
  async function planIn(state: "draft" | "submitted" | "returned" | "approved" | "locked"): Promise<number> {
    const { id } = await programme();
    const path = {
      draft: [],
      submitted: ["submit"],
      returned: ["submit", "return"],
      approved: ["submit", "approve"],
    };
    const steps = state === "locked" ? ["submit", "approve", "lock"] : path[state];
    for (const action of steps) {
      const client = action === "submit" ? c.directorS1 : c.mocM1;
      ok(action, await transition(client, id, action));
    }
    return id;
  }

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedIdentification(world.db, world.regionA.id);
    await seedPlanCatalogue(world.db, world.regionA.id);
    await seedPlanCatalogue(world.db, world.regionB.id);
    await confirmCauses(world.db, {
      regionId: world.regionA.id,
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      codes: CAUSES,
    });
    await putValues(world.db, {
      regionId: world.regionA.id,
      schoolId: world.s1.id,
      code: "good_marks_share",
      values: { 2023: 0.28, [CAUSES_YEAR]: 0.31 },
    });
    c = await signInAll(world.app, world);
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("builds a director's programme from the school's confirmed causes and chosen measures", async () => {
    const plan = await postPlan(c.directorS1, {
      source: "programme",
      kind: "transition_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      causes: [
        { factorCode: "undeveloped_vsoko", measureCodes: ["vsoko_design"] },
        { factorCode: "low_learning_motivation" },
      ],
    });
    expect(plan).toMatchObject({
      level: "school",
      kind: "transition_programme",
      year: PLAN_YEAR,
      side: "author",
    });
    expect(plan.current).toMatchObject({ version: 1, status: "draft" });
    expect(plan.content.period).toEqual({ from: "2024-09-01", to: "2025-08-31" });
    expect(plan.content.sections.map((s) => s.title)[0]).toContain("ВСОКО");
    const [vsoko] = plan.content.sections[0]?.activities ?? [];
    expect(vsoko).toMatchObject({
      number: "1.1.",
      causeCodes: ["undeveloped_vsoko"],
      measureCodes: ["vsoko_design"],
      indicator: { code: "good_marks_share", baseline: 0.31 },
    });
    expect(plan.content.sections[1]?.activities.length).toBeGreaterThan(1);
    expect(plan.actions).toEqual(["submit"]);
    expect(plan.permissions).toMatchObject({ canEdit: true, canRecordExecution: false });
  });

  it("writes an anti-risk programme for one confirmed risk, checked against that risk only", async () => {
    const body = {
      source: "programme",
      kind: "anti_risk_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
    };
    const plan = await postPlan(c.directorS1, { ...body, causes: [{ factorCode: "undeveloped_vsoko" }] });
    expect(plan.content.riskFactorCode).toBe("undeveloped_vsoko");
    expect(plan.content.title).toMatch(/^Антирисковая программа «.*ВСОКО.*» /);
    expect(plan.content.sections).toHaveLength(1);
    // The other confirmed cause (low motivation) is not this programme's business.
    expect(plan.quality.filter((issue) => issue.code === "cause_without_activity")).toEqual([]);
    const two = await c.directorS1.request({
      method: "POST",
      url: "/api/plans",
      payload: { ...body, causes: CAUSES.map((factorCode) => ({ factorCode })) },
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().message).toBe("Антирисковая программа пишется для одного риска");
  });

  it("refuses a programme to others and a cause the МОЦ did not confirm, naming it", async () => {
    const body = {
      source: "programme",
      kind: "transition_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
    };
    const causes = [{ factorCode: "low_learning_motivation" }];
    const post = (client: Client, payload: object) =>
      client.request({ method: "POST", url: "/api/plans", payload });
    expect((await post(c.mocM1, { ...body, causes })).statusCode).toBe(403);
    expect((await post(c.mentorS1, { ...body, causes })).statusCode).toBe(403);
    expect((await post(c.mocM2, { ...body, causes })).statusCode).toBe(404);
    expect((await post(c.directorS1, { ...body, schoolId: world.s2.id, causes })).statusCode).toBe(404);
    const unconfirmed = await post(c.directorS1, { ...body, causes: [{ factorCode: "teacher_burnout" }] });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().issues[0]).toMatchObject({ path: "causes.0.factorCode" });
    expect(unconfirmed.json().message).toMatch(/^Причина «.+» не подтверждена для школы в 2024 году$/);
    const empty = await post(c.directorS1, { ...body, causes: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Выберите хотя бы одну подтверждённую причину");
  });

  it("takes every transition from its own side and state only", async () => {
    const states = ["draft", "submitted", "returned", "approved", "locked"] as const;
    const allowed: Record<string, string[]> = {
      submit: ["draft", "returned"],
      return: ["submitted"],
      approve: ["submitted"],
      lock: ["approved"],
      revise: ["approved"],
    };
    const sideOf: Record<string, "author" | "reviewer"> = {
      submit: "author",
      revise: "author",
      return: "reviewer",
      approve: "reviewer",
      lock: "reviewer",
    };
    const users = { author: () => c.directorS1, reviewer: () => c.mocM1, reader: () => c.mentorS1 };
    const plans = Object.fromEntries(
      await Promise.all(states.map(async (s) => [s, await planIn(s)] as const)),
    );
    for (const state of states) {
      for (const action of Object.keys(allowed)) {
        for (const [who, client] of Object.entries(users)) {
          const isAllowed = who === sideOf[action] && allowed[action]?.includes(state);
          const id = isAllowed ? await planIn(state) : (plans[state] ?? 0);
          const res = await transition(client(), id, action);
          const expected = isAllowed ? 200 : who !== sideOf[action] ? 403 : 409;
          expect(res.statusCode, `${who} ${action} on ${state}: ${res.body}`).toBe(expected);
          if (!isAllowed) expect(await statusOf(id)).toBe(state);
        }
      }
    }
    const other = await transition(c.mocM2, plans.submitted ?? 0, "approve");
    expect(other.statusCode).toBe(404);
    expect(Object.keys(other.json()).sort()).toEqual(["error", "issues", "message"]);
  });

  it("returns with comments the author then sees and answers; an empty return is refused", async () => {
    const plan = await programme();
    const [first] = activityIds(plan);
    ok("submit", await transition(c.directorS1, plan.id, "submit"));
    const empty = await transition(c.mocM1, plan.id, "return", {
      comments: { overall: " ", activities: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain("Напишите, что нужно исправить");
    const stranger = await transition(c.mocM1, plan.id, "return", {
      comments: { overall: "", activities: [{ activityId: "nope", text: "?" }] },
    });
    expect(stranger.statusCode).toBe(400);
    ok(
      "return",
      await transition(c.mocM1, plan.id, "return", {
        comments: {
          overall: "Добавьте целевые значения",
          activities: [{ activityId: first, text: "Уточните сроки" }],
        },
      }),
    );
    const seen = await get(c.directorS1, plan.id);
    expect(seen.current.status).toBe("returned");
    expect(seen.comments.map((x) => [x.side, x.activityId, x.body, x.version])).toEqual([
      ["reviewer", null, "Добавьте целевые значения", 1],
      ["reviewer", first, "Уточните сроки", 1],
    ]);
    expect(seen.events.at(-1)).toMatchObject({
      action: "return",
      toStatus: "returned",
      message: "Добавьте целевые значения",
    });
    const answer = await c.directorS1.request({
      method: "POST",
      url: `/api/plans/${plan.id}/comments`,
      payload: { activityId: first, body: "Сроки уточнены: март" },
    });
    expect(ok<PlanDetail>("answer", answer).comments.at(-1)).toMatchObject({
      side: "author",
      activityId: first,
    });
    const bad = await c.directorS1.request({
      method: "POST",
      url: `/api/plans/${plan.id}/comments`,
      payload: { activityId: "missing", body: "?" },
    });
    expect(bad.statusCode).toBe(404);
    const reader = await c.mentorS1.request({
      method: "POST",
      url: `/api/plans/${plan.id}/comments`,
      payload: { body: "Можно?" },
    });
    expect(reader.statusCode).toBe(403);
    ok("resubmit", await transition(c.directorS1, plan.id, "submit"));
    expect((await get(c.mocM1, plan.id)).comments).toHaveLength(3);
  });

  it("edits only in draft or returned, by the author, with deadlines read against the period", async () => {
    const plan = await programme();
    const content = editable(plan);
    const first = content.sections[0]?.activities[0];
    if (!first) throw new Error("no activity");
    first.deadlineText = "Март, июль 2025 года";
    const put = (client: Client, id: number, payload: object) =>
      client.request({ method: "PUT", url: `/api/plans/${id}/content`, payload });
    const saved = ok<PlanDetail>("save", await put(c.directorS1, plan.id, content));
    expect(saved.content.sections[0]?.activities[0]?.deadline).toMatchObject({
      text: "Март, июль 2025 года",
      kind: "dates",
      end: "2025-07-31",
    });
    expect((await put(c.mocM1, plan.id, content)).statusCode).toBe(403);
    expect((await put(c.mocM2, plan.id, content)).statusCode).toBe(404);
    const noTitle = await put(c.directorS1, plan.id, {
      ...content,
      sections: [{ ...content.sections[0], activities: [{ ...first, title: "" }] }],
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().issues[0].path).toBe("body.sections.0.activities.0.title");
    expect(noTitle.json().issues[0].message).toBe("Укажите наименование мероприятия");
    expect((await put(c.directorS1, plan.id, { ...content, kind: "quality_programme" })).statusCode).toBe(
      400,
    );
    ok("submit", await transition(c.directorS1, plan.id, "submit"));
    const locked = await put(c.directorS1, plan.id, content);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain("«На согласовании»");
  });

  it("records execution only once approved; revise keeps the approved version and makes a new draft", async () => {
    const plan = await programme();
    const [first] = activityIds(plan);
    const state = (client: Client, status: string) =>
      client.request({
        method: "PUT",
        url: `/api/plans/${plan.id}/activities/${first}/state`,
        payload: { status },
      });
    const early = await state(c.directorS1, "done");
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain("только в утверждённом плане");
    ok("submit", await transition(c.directorS1, plan.id, "submit"));
    ok("approve", await transition(c.mocM1, plan.id, "approve"));
    expect((await state(c.mentorS1, "done")).statusCode).toBe(403);
    const done = ok<PlanDetail>("done", await state(c.directorS1, "done"));
    expect(done.content.sections[0]?.activities[0]?.status).toBe("done");
    expect(done.completion.done).toBe(1);
    const noReason = await transition(c.directorS1, plan.id, "revise", { reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues[0].path).toBe("reason");
    const revised = ok<PlanDetail>(
      "revise",
      await transition(c.directorS1, plan.id, "revise", { reason: "Новые сроки" }),
    );
    expect(revised.current).toMatchObject({ version: 2, status: "draft", reason: "Новые сроки" });
    expect(revised.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "approved"],
      [2, "draft"],
    ]);
    // Execution outlives the revision: the state is keyed by the activity.
    expect(revised.content.sections[0]?.activities[0]?.status).toBe("done");
    const content = editable(revised);
    content.title = "Программа, версия 2";
    ok(
      "edit v2",
      await c.directorS1.request({ method: "PUT", url: `/api/plans/${plan.id}/content`, payload: content }),
    );
    const old = ok<{ meta: { status: string }; content: { title: string } }>(
      "v1",
      await c.mocM1.request({ method: "GET", url: `/api/plans/${plan.id}/versions/1` }),
    );
    expect(old.meta.status).toBe("approved");
    expect(old.content.title).toBe(plan.content.title);
    expect(
      (await c.mocM2.request({ method: "GET", url: `/api/plans/${plan.id}/versions/1` })).statusCode,
    ).toBe(404);
    ok("submit v2", await transition(c.directorS1, plan.id, "submit"));
    const approved = ok<PlanDetail>("approve v2", await transition(c.mocM1, plan.id, "approve"));
    expect(approved.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "locked"],
      [2, "approved"],
    ]);
    expect(approved.content.title).toBe("Программа, версия 2");
  });
});
