import { describe, expect, it } from "vitest";
import { looksPersonal, totalCount, validateCounts } from "./counts";
import { logEntryInputSchema, readLabel } from "./log-entry";
import {
  formatDuration,
  NEW_REQUEST_OVERDUE_DAYS,
  nextStatus,
  overdueReason,
  refuseAction,
  stageDurations,
} from "./request-status";

describe("request status machine", () => {
  it("goes new → assigned → in_work → done and nowhere else", () => {
    expect(nextStatus("new", "assign")).toBe("assigned");
    expect(nextStatus("assigned", "assign")).toBe("assigned");
    expect(nextStatus("assigned", "start")).toBe("in_work");
    expect(nextStatus("in_work", "complete")).toBe("done");
    expect(nextStatus("new", "start")).toBeNull();
    expect(nextStatus("new", "complete")).toBeNull();
    expect(nextStatus("in_work", "assign")).toBeNull();
    expect(nextStatus("done", "assign")).toBeNull();
    expect(nextStatus("done", "complete")).toBeNull();
    expect(refuseAction("done", "assign")).toMatch(/пока работа не начата/);
    expect(refuseAction("new", "assign")).toBeNull();
  });

  it("times each stage in minutes", () => {
    const d = stageDurations({
      createdAt: "2025-03-01T09:00:00Z",
      assignedAt: "2025-03-03T09:30:00Z",
      startedAt: "2025-03-10T10:30:00Z",
      doneAt: null,
    });
    expect(d).toEqual({ waiting: 2 * 1440 + 30, assigned: 7 * 1440 + 60, inWork: null, total: null });
    const done = stageDurations({
      createdAt: "2025-03-01T09:00:00Z",
      assignedAt: "2025-03-01T10:00:00Z",
      startedAt: "2025-03-01T10:00:00Z",
      doneAt: "2025-03-02T09:00:00Z",
    });
    expect(done).toEqual({ waiting: 60, assigned: 0, inWork: 23 * 60, total: 1440 });
    expect(formatDuration(2 * 1440 + 30)).toBe("2 дн.");
    expect(formatDuration(1440 + 120)).toBe("1 дн. 2 ч");
    expect(formatDuration(130)).toBe("2 ч 10 мин");
    expect(formatDuration(5)).toBe("5 мин");
  });
});

describe("overdue rule", () => {
  it("flags a new request only after N days", () => {
    expect(NEW_REQUEST_OVERDUE_DAYS).toBe(7);
    const filed = { status: "new" as const, filedOn: "2025-03-01", scheduledOn: null };
    expect(overdueReason(filed, "2025-03-08")).toBeNull();
    expect(overdueReason(filed, "2025-03-09")).toBe("unassigned");
  });

  it("flags an assigned or started request the day after its date, never a done one", () => {
    const assigned = { status: "assigned" as const, filedOn: "2025-03-01", scheduledOn: "2025-03-20" };
    expect(overdueReason(assigned, "2025-03-20")).toBeNull();
    expect(overdueReason(assigned, "2025-03-21")).toBe("past_date");
    expect(overdueReason({ ...assigned, status: "in_work" }, "2025-04-01")).toBe("past_date");
    expect(overdueReason({ ...assigned, status: "done" }, "2026-01-01")).toBeNull();
  });
});

describe("counts", () => {
  it("accepts counts by group and age band", () => {
    const rows = [
      { group: "children" as const, ageBand: "7_10" as const, count: 12 },
      { group: "children" as const, ageBand: "11_14" as const, count: 5 },
      { group: "parents" as const, ageBand: "adult" as const, count: 3 },
    ];
    expect(validateCounts(rows, "повторно через месяц")).toEqual([]);
    expect(totalCount(rows)).toBe(20);
  });

  it("refuses a child without band, an adult with one, a repeat, nobody, and a fraction", () => {
    const messages = (rows: Parameters<typeof validateCounts>[0]) =>
      validateCounts(rows).map((i) => i.message);
    expect(messages([{ group: "children", ageBand: "adult", count: 1 }])).toEqual([
      "Для детей укажите возрастную группу",
    ]);
    expect(messages([{ group: "teachers", ageBand: "7_10", count: 1 }])).toEqual([
      "Возрастная группа указывается только для детей",
    ]);
    expect(
      messages([
        { group: "parents", ageBand: "adult", count: 1 },
        { group: "parents", ageBand: "adult", count: 2 },
      ]),
    ).toEqual(["Эта группа и возраст уже указаны в записи"]);
    expect(messages([{ group: "parents", ageBand: "adult", count: 0 }])).toEqual([
      "Укажите, сколько человек охвачено",
    ]);
    expect(messages([{ group: "parents", ageBand: "adult", count: 1.5 }])[0]).toMatch(/целое/);
  });

  it("refuses a note with a name or a birthday", () => {
    expect(looksPersonal("Иванов Петя")).toBe(true);
    expect(looksPersonal("ученик Петров И. И.")).toBe(true);
    expect(looksPersonal("А.С. Пушкин")).toBe(true);
    expect(looksPersonal("родился 12.03.2015")).toBe(true);
    expect(looksPersonal("Повторная консультация через месяц, 5 класс")).toBe(false);
    const issues = validateCounts([{ group: "children", ageBand: "7_10", count: 1 }], "Иванов Петя");
    expect(issues).toEqual([{ path: "note", message: expect.stringMatching(/имена/) }]);
  });
});

describe("log entry", () => {
  const base = {
    schoolId: 1,
    kind: "consultation",
    audience: "teachers",
    format: "remote",
    heldOn: "2025-03-05",
    topic: "Подготовка к ОГЭ",
    givenBy: "Петрова А. А.",
    peopleCount: 12,
  };

  it("takes a consultation with an audience and someone who gave it", () => {
    expect(logEntryInputSchema.safeParse(base).success).toBe(true);
  });

  it("asks a consultation for its audience, a visit for findings, anyone for who gave it", () => {
    const messages = (input: object) => {
      const parsed = logEntryInputSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(messages({ ...base, audience: null })).toEqual(["Укажите, для кого консультация"]);
    expect(messages({ ...base, kind: "visit", format: "visit" })).toEqual(["Запишите выводы выезда"]);
    expect(messages({ ...base, givenBy: "" })).toEqual(["Укажите, кто провёл: сотрудника МОЦ или имя"]);
    expect(messages({ ...base, kind: "interview", audience: "parents" })).toEqual([
      "Собеседование проводится с руководителем школы",
    ]);
    expect(messages({ ...base, peopleCount: 0 })).toEqual(["Хотя бы один участник"]);
  });

  it("reads kinds, audiences and formats by their Russian names", () => {
    expect(readLabel("kind", "Консультация")).toBe("consultation");
    expect(readLabel("kind", "выезд")).toBe("visit");
    expect(readLabel("kind", "Собеседование")).toBe("interview");
    expect(readLabel("audience", "родители")).toBe("parents");
    expect(readLabel("audience", "Руководители")).toBe("heads");
    expect(readLabel("format", "дистанционно")).toBe("remote");
    expect(readLabel("format", "очно")).toBe("in_person");
    expect(readLabel("format", "по почте")).toBeNull();
  });
});
