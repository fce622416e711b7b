import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mentoringMeetings,
  mentoringPairs,
  mentors,
  mocStaff,
  mocs,
  teachers,
  users,
} from "../../src/server/db/schema";
import { DEMO_MENTORING_YEAR, loadDemoMentoring } from "../../src/server/modules/demo/demo-mentoring";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";
import { buildMunicipality, buildRegion, buildSchool, buildUser } from "../support/factories";
import { placeSchool, putDiagnosis, putTeacher } from "./mentoring-support";

/** The demo's year of mentoring, on a small region with teachers and diagnoses in the database. */
describe.each(testEngines())("demo mentoring on $kind", (engine) => {
  let database: Database;
  let summary: Awaited<ReturnType<typeof loadDemoMentoring>>;
  let accountId: number;
  let assignedSchool: number;

  beforeAll(async () => {
    database = await engine.open();
    const { db } = database;
    const region = await buildRegion(db);
    const m1 = await buildMunicipality(db, { regionId: region.id });
    const m2 = await buildMunicipality(db, { regionId: region.id });
    const [moc] = await db.select({ id: mocs.id }).from(mocs).where(eq(mocs.municipalityId, m1.id));
    await db
      .insert(mocStaff)
      .values({ mocId: moc?.id ?? 0, fullName: "Фролова Нина Сергеевна", position: "mentor_teacher" });
    const schoolsList = [];
    for (let i = 0; i < 6; i += 1) {
      const s = await buildSchool(db, { regionId: region.id, municipalityId: i < 3 ? m1.id : m2.id });
      await placeSchool(db, s.id, 54.5 + i * 0.1, 32 + i * 0.2);
      schoolsList.push(s);
    }
    assignedSchool = schoolsList[1]?.id ?? 0;
    const account = await buildUser(db, {
      role: "mentor",
      regionId: region.id,
      assignedSchoolIds: [assignedSchool],
    });
    await db.update(users).set({ login: "mentor" }).where(eq(users.id, account.id));
    accountId = account.id;
    let n = 0;
    for (const s of schoolsList) {
      const strong = await putTeacher(db, {
        schoolId: s.id,
        fullName: `Сильный Учитель ${++n}`,
        subjects: ["математика"],
      });
      await putDiagnosis(db, strong, "2025-03-01", { assessment: 90, digital: 85, methodical: 80 });
      for (let k = 0; k < 4; k += 1) {
        const weak = await putTeacher(db, {
          schoolId: s.id,
          fullName: `Учитель С Дефицитом ${++n}`,
          subjects: ["математика"],
        });
        await putDiagnosis(db, weak, "2025-03-01", {
          assessment: 30 + k * 5,
          digital: 40 + k * 10,
          methodical: 60,
        });
      }
    }
    summary = await loadDemoMentoring(db, { regionId: region.id, seed: 42 });
  });
  afterAll(async () => {
    await database.close();
  });

  it("adds mentors from strong teachers and МОЦ staff, confirmed pairs with meetings and suggestions to decide", async () => {
    expect(summary.mentors).toBe(7);
    expect(summary.pairs).toBeGreaterThan(5);
    expect(summary.confirmedPairs).toBeGreaterThan(0);
    expect(summary.confirmedPairs).toBeLessThan(summary.pairs);
    const pairs = await database.db.select().from(mentoringPairs);
    expect(pairs.every((p) => p.year === DEMO_MENTORING_YEAR && p.reason.length > 0)).toBe(true);
    const meetings = await database.db.select().from(mentoringMeetings);
    expect(meetings).toHaveLength(summary.meetings);
    expect(meetings.every((m) => m.heldOn >= "2025-09-01" && m.heldOn <= "2026-05-31")).toBe(true);
    const confirmedIds = new Set(pairs.filter((p) => p.status === "confirmed").map((p) => p.id));
    expect(meetings.every((m) => confirmedIds.has(m.pairId))).toBe(true);
  });

  it("links the demo mentor account to a МОЦ mentor whose mentees teach in its assigned schools", async () => {
    const [linked] = await database.db.select().from(mentors).where(eq(mentors.userId, accountId));
    expect(linked?.kind).toBe("moc_staff");
    const own = await database.db
      .select()
      .from(mentoringPairs)
      .where(eq(mentoringPairs.mentorId, linked?.id ?? 0));
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(own.every((p) => p.status === "confirmed")).toBe(true);
    const schoolOf = new Map((await database.db.select().from(teachers)).map((t) => [t.id, t.schoolId]));
    expect(own.every((p) => schoolOf.get(p.teacherId) === assignedSchool)).toBe(true);
  });
});
