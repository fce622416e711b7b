import { describe, expect, it } from "vitest";
import {
  eventsByLevelAndMonth,
  participantsText,
  readCourseFormat,
  readEnrolmentStatus,
  readEventKind,
  readEventLevel,
  schoolYearOf,
  summarizeCourses,
  summarizeEvents,
} from "./index";

describe("the numbers of an event in words", () => {
  it("writes them as the seeds do", () => {
    expect(participantsText({ teachers: 73, heads: 0, students: 0, municipalities: 7 })).toBe(
      "73 педагога из 7 районов",
    );
    expect(participantsText({ teachers: 21, heads: 1, students: 0, municipalities: 21 })).toBe(
      "1 руководитель, 21 педагог из 21 района",
    );
    expect(participantsText({ teachers: 12, heads: 5, students: 250, municipalities: 0 })).toBe(
      "5 руководителей, 12 педагогов, 250 обучающихся",
    );
    expect(participantsText({ teachers: 0, heads: 0, students: 1, municipalities: 11 })).toBe(
      "1 обучающийся из 11 районов",
    );
    expect(participantsText({ teachers: 0, heads: 0, students: 0, municipalities: 0 })).toBe("");
  });
});

describe("readers of imported words", () => {
  it("read kinds, levels, formats and statuses as people write them", () => {
    expect(readEventKind("Мастер-класс")).toBe("master_class");
    expect(readEventKind("круглый  стол")).toBe("round_table");
    expect(readEventKind("webinar")).toBe("webinar");
    expect(readEventKind("пикник")).toBeNull();
    expect(readEventLevel("Муниципальный уровень")).toBe("municipal");
    expect(readEventLevel("региональный")).toBe("regional");
    expect(readCourseFormat("очно-заочно")).toBe("blended");
    expect(readCourseFormat("Дистанционно")).toBe("remote");
    expect(readEnrolmentStatus("прошёл")).toBe("completed");
    expect(readEnrolmentStatus("выбыла")).toBe("dropped");
  });
});

describe("the school year", () => {
  it("is named by the year it ends", () => {
    expect(schoolYearOf("2024-09-01")).toBe(2025);
    expect(schoolYearOf("2025-08-31")).toBe(2025);
    expect(schoolYearOf("2025-09-01")).toBe(2026);
  });
});

describe("participation in events per school", () => {
  it("counts each event once per school at its level, in the school year only", () => {
    const rows = [
      { schoolId: 2, eventId: 1, level: "regional" as const, heldOn: "2024-10-10" },
      { schoolId: 2, eventId: 1, level: "regional" as const, heldOn: "2024-10-10" },
      { schoolId: 2, eventId: 2, level: "school" as const, heldOn: "2025-03-01" },
      { schoolId: 1, eventId: 3, level: "federal" as const, heldOn: "2025-05-20" },
      { schoolId: 1, eventId: 4, level: "federal" as const, heldOn: "2025-09-02" },
    ];
    expect(summarizeEvents(rows, 2025)).toEqual([
      { schoolId: 1, byLevel: { federal: 1, regional: 0, municipal: 0, school: 0 }, total: 1 },
      { schoolId: 2, byLevel: { federal: 0, regional: 1, municipal: 0, school: 1 }, total: 2 },
    ]);
    expect(summarizeEvents(rows, 2024)).toEqual([]);
  });
});

describe("courses taken per school", () => {
  it("counts enrolments in their year and completions with their hours in theirs", () => {
    const rows = [
      {
        schoolId: 1,
        teacherId: 10,
        hours: 72,
        status: "completed" as const,
        enrolledOn: "2024-10-01",
        completedOn: "2024-12-20",
      },
      {
        schoolId: 1,
        teacherId: 10,
        hours: 36,
        status: "completed" as const,
        enrolledOn: "2025-08-01",
        completedOn: "2025-09-15",
      },
      {
        schoolId: 1,
        teacherId: 11,
        hours: 24,
        status: "dropped" as const,
        enrolledOn: "2025-02-01",
        completedOn: null,
      },
      {
        schoolId: 3,
        teacherId: 12,
        hours: 24,
        status: "enrolled" as const,
        enrolledOn: "2025-04-01",
        completedOn: null,
      },
    ];
    expect(summarizeCourses(rows, 2025)).toEqual([
      { schoolId: 1, enrolled: 3, completed: 1, dropped: 1, hoursCompleted: 72, teachersCompleted: 1 },
      { schoolId: 3, enrolled: 1, completed: 0, dropped: 0, hoursCompleted: 0, teachersCompleted: 0 },
    ]);
    expect(summarizeCourses(rows, 2026)).toEqual([
      { schoolId: 1, enrolled: 0, completed: 1, dropped: 0, hoursCompleted: 36, teachersCompleted: 1 },
    ]);
  });
});

describe("events by level and month", () => {
  it("counts each event in its month", () => {
    const chart = eventsByLevelAndMonth([
      { level: "school", heldOn: "2025-03-01" },
      { level: "school", heldOn: "2025-03-30" },
      { level: "federal", heldOn: "2025-12-01" },
    ]);
    expect(chart.school[2]).toBe(2);
    expect(chart.federal[11]).toBe(1);
    expect(chart.regional.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
