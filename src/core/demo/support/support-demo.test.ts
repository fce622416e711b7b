import { describe, expect, it } from "vitest";
import { logEntryInputSchema, overdueReason, validateCounts } from "../../support";
import { generateDemoSupport } from "./support-demo";

const input = {
  seed: 67,
  year: 2026,
  today: "2026-12-01",
  schools: [
    { schoolId: 1, municipalityId: 10 },
    { schoolId: 2, municipalityId: 10 },
    { schoolId: 3, municipalityId: 20 },
  ],
  staff: [{ id: 100, municipalityId: 10 }],
  specialists: [
    { userId: 7, schoolIds: [1], kind: "psychologist" as const, isShowcase: true },
    { userId: 8, schoolIds: [2, 3], kind: "speech_therapist" as const, isShowcase: false },
  ],
  visitorSchoolId: 3,
};

describe("the demo's year of support", () => {
  it("is the same for a seed, and every entry and record passes the form's rules", () => {
    const a = generateDemoSupport(input);
    expect(generateDemoSupport(input)).toEqual(a);
    for (const entry of a.log) expect(logEntryInputSchema.safeParse(entry).success).toBe(true);
    for (const request of a.requests) {
      for (const s of request.sessions) expect(validateCounts(s.counts)).toEqual([]);
      if (request.status !== "new") expect(request.specialistId).not.toBeNull();
    }
  });

  it("gives the showcase school every state with overdue ones, and the visitor's school one new request", () => {
    const { requests } = generateDemoSupport(input);
    const showcase = requests.filter((r) => r.schoolId === 1);
    expect(new Set(showcase.map((r) => r.status))).toEqual(new Set(["new", "assigned", "in_work", "done"]));
    expect(showcase.every((r) => r.status === "new" || r.specialistId === 7)).toBe(true);
    expect(showcase.filter((r) => overdueReason(r, input.today) !== null).length).toBeGreaterThanOrEqual(2);
    expect(requests.filter((r) => r.schoolId === 3).map((r) => r.status)).toEqual(["new"]);
  });
});
