import { describe, expect, it } from "vitest";
import { EVENT_KINDS, EVENT_LEVELS } from "../../events";
import { createRng } from "../random";
import { demoCourses, demoEnrolments, demoEvents } from "./courses-events";

describe("the demo's year of courses and events", () => {
  const courses = demoCourses(createRng(7, "c"), 2025);

  it("has about 30 courses of 24–72 hours within the school year", () => {
    expect(courses.length).toBe(30);
    for (const c of courses) {
      expect(c.hours).toBeGreaterThanOrEqual(24);
      expect(c.hours).toBeLessThanOrEqual(72);
      expect(c.startsOn >= "2024-09-01" && c.endsOn <= "2025-08-31").toBe(true);
      expect(c.endsOn >= c.startsOn).toBe(true);
    }
    expect(new Set(courses.map((c) => c.hours))).toContain(72);
  });

  it("enrols hundreds of teachers, most completed, some dropped, the same for the same seed", () => {
    const teachers = Array.from({ length: 600 }, (_, k) => ({
      id: k + 1,
      subjects: [k % 2 === 0 ? "математика" : "русский язык"],
    }));
    const enrolments = demoEnrolments(createRng(7, "e"), courses, teachers, "2025-06-30");
    expect(enrolments.length).toBeGreaterThan(300);
    const by = (s: string) => enrolments.filter((e) => e.status === s).length;
    expect(by("completed")).toBeGreaterThan(by("dropped"));
    expect(by("dropped")).toBeGreaterThan(0);
    for (const e of enrolments.filter((x) => x.status === "completed")) expect(e.completedOn).not.toBeNull();
    expect(demoEnrolments(createRng(7, "e"), courses, teachers, "2025-06-30")).toEqual(enrolments);
  });

  it("has about 150 events of every level and kind, municipal ones kept by a municipality", () => {
    const schools = Array.from({ length: 300 }, (_, k) => ({
      id: k + 1,
      municipalityId: (k % 25) + 1,
      isProgramme: k % 8 === 0,
    }));
    const names = new Map(Array.from({ length: 25 }, (_, k) => [k + 1, `Район ${k + 1}`]));
    const events = demoEvents(createRng(7, "v"), 2025, schools, names);
    expect(events.length).toBe(150);
    expect(new Set(events.map((e) => e.level))).toEqual(new Set(EVENT_LEVELS));
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
    for (const e of events) {
      expect(e.schoolIds.length).toBeGreaterThan(0);
      expect(e.municipalityId === null).toBe(e.level === "federal" || e.level === "regional");
    }
    expect(events.some((e) => e.municipalitiesCount > 3 && e.teachersCount > 20)).toBe(true);
  });
});
