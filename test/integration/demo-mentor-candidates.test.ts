import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentors } from "../../src/server/db/schema";
import {
  type DemoMentorCandidatesSummary,
  loadDemoMentorCandidates,
} from "../../src/server/modules/demo/demo-mentor-candidates";
import type { Database } from "../../src/server/platform/db";
import type { CandidateList } from "../../src/shared/mentoring-api";
import { testEngines } from "../support/db";
import { buildPartnersWorld, ok, type PartnersWorld } from "./partners-support";

/** The demo's mentor candidates on the partners' world (an approved run, values of every school). */
describe.each(testEngines())("demo mentor candidates on $kind", (engine) => {
  let database: Database;
  let w: PartnersWorld;
  let summary: DemoMentorCandidatesSummary;

  beforeAll(async () => {
    database = await engine.open();
    w = await buildPartnersWorld(database);
    summary = await loadDemoMentorCandidates(w.db, { regionId: w.regionA.id, seed: 42 });
  });
  afterAll(async () => {
    await w.app.close();
    await database.close();
  });

  it("gives the resilient and high-result schools staff with strong blocks, none of them in the registry yet", async () => {
    expect(summary.candidateSchools).toBeGreaterThan(0);
    expect(summary.candidateTeachers).toBe(summary.candidateSchools * 2);
    const list = ok<CandidateList>(
      "candidates",
      await w.clients.adminA.request({ method: "GET", url: "/api/mentoring/candidates?year=2026" }),
    );
    expect(list.candidates.length).toBe(summary.candidateTeachers);
    for (const c of list.candidates) {
      expect(c.mentorId).toBeNull();
      expect(c.sentence).toMatch(/^Школа (устойчивая|с высокими результатами)/);
      expect(c.sentence).toMatch(/сильн(ый|ые) блок(и)?: /);
      // two or three strong blocks, one of them from the February sitting (the latest score per block)
      expect(Object.keys(c.strengths).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(c.strengths).length).toBeLessThanOrEqual(3);
    }
  });

  it("adds two МОЦ methodists as mentors, not attached to a school, in a МОЦ account's municipality", async () => {
    const staff = await w.db.select().from(mentors).where(eq(mentors.kind, "moc_staff"));
    expect(staff.map((m) => [m.fullName, m.position, m.schoolId, m.source])).toEqual([
      ["Ковалёва Татьяна Сергеевна", "методист МОЦ", null, "moc"],
      ["Белов Андрей Николаевич", "методист МОЦ", null, "moc"],
    ]);
    expect(summary.staffMentors).toBe(2);
    expect([w.m1.id, w.m2.id]).toContain(staff[0]?.municipalityId);
  });
});
