import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/platform/db";
import type { OverdueList, PlanDetail, PlanList } from "../../src/shared/plans-api";
import { testEngines } from "../support/db";
import type { Client } from "../support/http";
import { seedIdentification } from "./identification-support";
import {
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

/** A programme of S1 with three activities whose deadlines end 31.03, 30.06 and 31.08.2025 (period 2024/25). */
function threeActivities(plan: PlanDetail) {
  const content = editable(plan);
  const base = content.sections[0]?.activities[0];
  if (!base) throw new Error("no activity");
  const deadlines = ["Март 2025 года", "до 01.07.2025", "Август"];
  content.sections = [
    {
      ...(content.sections[0] ?? { id: "s1", number: "1.", title: "Раздел" }),
      activities: deadlines.map((deadlineText, index) => ({
        ...base,
        id: `a${index + 1}`,
        number: `1.${index + 1}.`,
        title: `Мероприятие ${index + 1}`,
        deadlineText,
      })),
    },
  ];
  return content;
}

describe.each(testEngines())("plan execution, assignees, quality and overdue on $kind", (engine) => {
  let database: Database;
  let world: World;
  let c: Clients;
  let approved: PlanDetail;

  const url = (id: number, rest = "") => `/api/plans/${id}${rest}`;
  const get = async (client: Client, id: number, today?: string): Promise<PlanDetail> =>
    ok("get", await client.request({ method: "GET", url: url(id, today ? `?today=${today}` : "") }));
  const checkIn = (client: Client, id: number, activityId: string, text = "Проведён семинар для учителей") =>
    client.request({
      method: "POST",
      url: url(id, `/activities/${activityId}/check-ins`),
      payload: { date: "2025-02-10", text, evidenceText: "Протокол № 3", evidenceUrl: "" },
    });
  const assign = (client: Client, id: number, activityId: string, userIds: number[]) =>
    client.request({
      method: "PUT",
      url: url(id, `/activities/${activityId}/assignees`),
      payload: { userIds },
    });

  beforeAll(async () => {
    database = await engine.open();
    world = await buildWorld(database);
    await seedIdentification(world.db, world.regionA.id);
    await seedPlanCatalogue(world.db, world.regionA.id);
    await confirmCauses(world.db, {
      regionId: world.regionA.id,
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      codes: ["low_learning_motivation", "undeveloped_vsoko"],
    });
    c = await signInAll(world.app, world);
    const draft = await postPlan(c.directorS1, {
      source: "programme",
      kind: "transition_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      causes: [{ factorCode: "low_learning_motivation", measureCodes: ["individual_routes"] }],
    });
    ok(
      "edit",
      await c.directorS1.request({
        method: "PUT",
        url: url(draft.id, "/content"),
        payload: threeActivities(draft),
      }),
    );
    ok("submit", await transition(c.directorS1, draft.id, "submit"));
    approved = ok("approve", await transition(c.mocM1, draft.id, "approve"));
  });
  afterAll(async () => {
    await world?.app.close();
    await database?.close();
  });

  it("reports quality through the API: an unanswered cause, unlinked, unowned and out-of-period activities", async () => {
    const draft = await postPlan(c.directorS1, {
      source: "programme",
      kind: "transition_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      causes: [{ factorCode: "low_learning_motivation", measureCodes: ["individual_routes"] }],
    });
    const vsoko = draft.quality.find((issue) => issue.code === "cause_without_activity");
    expect(vsoko?.causeCode).toBe("undeveloped_vsoko");
    expect(vsoko?.message).toMatch(
      /^Причина «.*ВСОКО.*» подтверждена, но ни одно мероприятие плана с ней не связано$/,
    );
    const content = editable(draft);
    const first = content.sections[0]?.activities[0];
    if (!first) throw new Error("no activity");
    content.sections[0]?.activities.push({
      ...first,
      id: "loose",
      number: "1.9.",
      title: "Разговор с родителями",
      owners: [],
      causeCodes: [],
      measureCodes: [],
      indicator: { text: "", code: "good_marks_share", baseline: 0.5, target: 0.4, year: PLAN_YEAR },
      deadlineText: "Октябрь 2026 года",
    });
    content.sections[0]?.activities.push({
      ...first,
      id: "vague",
      number: "1.10.",
      deadlineText: "когда-нибудь",
    });
    const saved = ok<PlanDetail>(
      "save",
      await c.directorS1.request({ method: "PUT", url: url(draft.id, "/content"), payload: content }),
    );
    const byCode = (code: string) => saved.quality.filter((issue) => issue.code === code);
    expect(byCode("target_not_better")[0]?.message).toMatch(
      /^Мероприятие 1\.9\. «Разговор с родителями»: целевое значение 0,40 не лучше базового 0,50 \(показатель «.+»: .+\)$/,
    );
    expect(byCode("no_owner")[0]).toMatchObject({ activityId: "loose", severity: "warning" });
    expect(byCode("deadline_outside_period")[0]?.message).toContain(
      "выходит за период плана (2024/25 учебный год)",
    );
    expect(byCode("deadline_unreadable")[0]).toMatchObject({ activityId: "vague", severity: "notice" });
    expect(byCode("activity_unlinked")).toEqual([]); // linked to an indicator
    // Submission is allowed with warnings; the reviewer sees all of them and the count is in the history.
    const sent = ok<PlanDetail>("submit", await transition(c.directorS1, draft.id, "submit"));
    const warnings = sent.quality.filter((issue) => issue.severity === "warning").length;
    expect(warnings).toBe(4);
    expect(sent.events.at(-1)?.message).toBe(`Отправлен с предупреждениями качества: ${warnings}`);
    expect((await get(c.mocM1, draft.id)).quality).toEqual(sent.quality);
    const list = ok<PlanList>(
      "list",
      await c.mocM1.request({ method: "GET", url: "/api/plans?status=submitted" }),
    );
    expect(list.items.find((item) => item.id === draft.id)?.qualityWarningCount).toBe(4);
  });

  it("counts overdue activities of an approved plan on a fixed day, done ones not", async () => {
    const ids = (plan: PlanDetail) => plan.overdue.map((item) => item.activityId);
    expect(ids(await get(c.directorS1, approved.id, "2025-03-31"))).toEqual([]);
    expect(ids(await get(c.directorS1, approved.id, "2025-04-01"))).toEqual(["a1"]);
    const later = await get(c.mocM1, approved.id, "2025-07-01");
    expect(ids(later)).toEqual(["a1", "a2"]);
    expect(later.overdue[1]?.sentence).toBe(
      "Мероприятие 1.2. «Мероприятие 2»: срок «до 01.07.2025» истёк 30.06.2025",
    );
    ok(
      "done",
      await c.directorS1.request({
        method: "PUT",
        url: url(approved.id, "/activities/a1/state"),
        payload: { status: "done" },
      }),
    );
    expect(ids(await get(c.mocM1, approved.id, "2025-07-01"))).toEqual(["a2"]);
    const overdue = (client: Client, query: string) =>
      client.request({ method: "GET", url: `/api/plans/overdue?today=2025-07-01${query}` });
    const forMoc = ok<OverdueList>("overdue", await overdue(c.mocM1, `&municipalityId=${world.m1.id}`));
    expect(forMoc.items.map((item) => [item.planId, item.activityId, item.end])).toEqual([
      [approved.id, "a2", "2025-06-30"],
    ]);
    expect(forMoc.items[0]?.place.schoolName).toBeTruthy();
    expect(ok<OverdueList>("region", await overdue(c.adminA, "")).items).toHaveLength(1);
    expect(ok<OverdueList>("other", await overdue(c.mocM2, "")).items).toEqual([]);
    expect(ok<OverdueList>("other region", await overdue(c.adminB, "")).items).toEqual([]);
    const list = ok<PlanList>(
      "list",
      await c.adminA.request({ method: "GET", url: "/api/plans?today=2025-07-01&level=school" }),
    );
    expect(list.items.find((item) => item.id === approved.id)).toMatchObject({
      overdueCount: 1,
      completionShare: 1 / 3,
    });
  });

  it("lets a mentor check in only on activities assigned to them, assigned from the school's people", async () => {
    const [mentor, specialist, mocM2] = [
      world.users.mentorS1.id,
      world.users.specialistS1.id,
      world.users.mocM2.id,
    ];
    const before = await checkIn(c.mentorS1, approved.id, "a2");
    expect(before.statusCode).toBe(403);
    expect(before.json().message).toBe(
      "Отметку о выполнении добавляет исполнитель, назначенный на это мероприятие",
    );
    const detail = await get(c.directorS1, approved.id);
    expect(detail.assigneeCandidates.map((user) => user.userId).sort()).toEqual(
      [mentor, specialist, world.users.mocM1.id].sort(),
    );
    const stranger = await assign(c.directorS1, approved.id, "a2", [mentor, mocM2]);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().issues[0].path).toBe("userIds.1");
    expect((await assign(c.mentorS1, approved.id, "a2", [mentor])).statusCode).toBe(403);
    expect((await assign(c.mocM2, approved.id, "a2", [mentor])).statusCode).toBe(404);
    const assigned = ok<PlanDetail>("assign", await assign(c.mocM1, approved.id, "a2", [mentor, specialist]));
    expect(assigned.assignees.map((user) => [user.activityId, user.userId]).sort()).toEqual(
      [
        ["a2", mentor],
        ["a2", specialist],
      ].sort(),
    );
    const mentorView = await get(c.mentorS1, approved.id);
    expect(mentorView.side).toBe("reader");
    expect(mentorView.permissions.checkInActivityIds).toEqual(["a2"]);
    const added = ok<PlanDetail>("check in", await checkIn(c.mentorS1, approved.id, "a2"));
    expect(added.checkIns.at(-1)).toMatchObject({
      activityId: "a2",
      date: "2025-02-10",
      evidenceText: "Протокол № 3",
    });
    expect((await checkIn(c.mentorS1, approved.id, "a3")).statusCode).toBe(403);
    expect((await checkIn(c.federal, approved.id, "a2")).statusCode).toBe(403);
    expect((await checkIn(c.adminB, approved.id, "a2")).statusCode).toBe(404);
    const bad = await c.directorS1.request({
      method: "POST",
      url: url(approved.id, "/activities/a3/check-ins"),
      payload: { date: "2025-02-30", text: "да", evidenceUrl: "ftp://x" },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(["body.date", "body.evidenceUrl", "body.text"].sort());
    expect((await get(c.directorS1, approved.id)).checkIns).toHaveLength(1);
  });

  it("records every write in the audit log with its action and entity", async () => {
    const audit = ok<{ action: string; entity: string; entityId: string | null }[]>(
      "audit",
      await c.adminA.request({ method: "GET", url: "/api/audit?limit=500" }),
    );
    const pairs = new Set(audit.map((entry) => `${entry.action}/${entry.entity}`));
    for (const pair of [
      "create/plan",
      "update/plan",
      "submit/plan",
      "approve/plan",
      "update/plan_activity_state",
      "update/plan_activity_assignees",
      "create/plan_check_in",
    ])
      expect(pairs, pair).toContain(pair);
    const state = audit.find((entry) => entry.entity === "plan_activity_state");
    expect(state?.entityId).toBe(`${approved.id}:a1`);
    expect(
      ok<unknown[]>("other region", await c.adminB.request({ method: "GET", url: "/api/audit?entity=plan" })),
    ).toEqual([]);
  });

  it("refuses check-ins on a plan that is not approved", async () => {
    const draft = await postPlan(c.directorS1, {
      source: "programme",
      kind: "quality_programme",
      schoolId: world.s1.id,
      year: CAUSES_YEAR,
      causes: [{ factorCode: "undeveloped_vsoko" }],
    });
    const first = draft.content.sections[0]?.activities[0]?.id ?? "";
    const res = await checkIn(c.directorS1, draft.id, first);
    expect(res.statusCode).toBe(409);
    expect(draft.permissions.checkInActivityIds).toEqual([]);
  });
});
