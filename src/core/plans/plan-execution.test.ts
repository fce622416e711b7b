import { describe, expect, it } from "vitest";
import {
  checkInSchema,
  findOverdueActivities,
  groupCheckIns,
  isActivityOverdue,
  planCompletion,
} from "./plan-execution";
import { activity, programme } from "./test-fixtures";

describe("plan execution", () => {
  it("counts completion without the cancelled activities", () => {
    const plan = programme([
      activity("1", { status: "done" }),
      activity("2", { status: "done" }),
      activity("3", { status: "in_progress" }),
      activity("4"),
      activity("5", { status: "cancelled" }),
    ]);
    expect(planCompletion(plan)).toEqual({
      total: 5,
      planned: 1,
      inProgress: 1,
      done: 2,
      cancelled: 1,
      share: 0.5,
    });
    expect(planCompletion(programme([activity("1", { status: "cancelled" })])).share).toBeNull();
  });

  it("finds activities whose deadline has passed and that are not done", () => {
    const plan = programme([
      activity("1", { deadlineText: "Март 2021 года" }),
      activity("2", { deadlineText: "Март 2021 года", status: "done" }),
      activity("3", { deadlineText: "Март 2021 года", status: "cancelled" }),
      activity("4", { deadlineText: "Март-май" }),
      activity("5", { deadlineText: "по согласованию" }),
      activity("6", { deadlineText: "в течение года", status: "in_progress" }),
    ]);
    // The last day counts as not yet overdue.
    expect(findOverdueActivities(plan, "2021-03-31")).toEqual([]);
    expect(findOverdueActivities(plan, "2021-04-01")).toEqual([
      {
        activityId: "1",
        number: "1.",
        title: "Мероприятие 1",
        end: "2021-03-31",
        sentence: "Мероприятие 1. «Мероприятие 1»: срок «Март 2021 года» истёк 31.03.2021",
      },
    ]);
    expect(findOverdueActivities(plan, "2022-01-01").map((item) => item.activityId)).toEqual(["1", "4", "6"]);
    const unreadable = plan.sections[0]?.activities[4];
    if (unreadable) expect(isActivityOverdue(unreadable, "2030-01-01")).toBe(false);
  });

  it("puts a multi-line deadline on one line in the sentence", () => {
    const plan = programme([activity("4.1", { deadlineText: "июнь\nноябрь, декабрь,март, май" })]);
    expect(findOverdueActivities(plan, "2022-01-10")[0]?.sentence).toBe(
      "Мероприятие 4.1. «Мероприятие 4.1»: срок «июнь; ноябрь, декабрь,март, май» истёк 31.12.2021",
    );
  });

  it("validates a check-in, in Russian", () => {
    const valid = checkInSchema.safeParse({
      activityId: "1",
      date: "2021-03-15",
      text: "Проведено 18 предметных недель",
    });
    expect(valid.success && valid.data).toEqual({
      activityId: "1",
      date: "2021-03-15",
      text: "Проведено 18 предметных недель",
      evidenceText: "",
      evidenceUrl: "",
    });
    const bad = checkInSchema.safeParse({
      activityId: "1",
      date: "15.03.2021",
      text: " ",
      evidenceUrl: "ftp://x",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual([
      "Дата в формате ГГГГ-ММ-ДД",
      "Опишите, что сделано",
      "Ссылка должна начинаться с http:// или https://",
    ]);
  });

  it("groups check-ins by activity, by date", () => {
    const base = { evidenceText: "", evidenceUrl: "" };
    const groups = groupCheckIns([
      { ...base, activityId: "a", date: "2021-05-01", text: "второе" },
      { ...base, activityId: "b", date: "2021-01-01", text: "другое" },
      { ...base, activityId: "a", date: "2021-02-01", text: "первое" },
    ]);
    expect(groups.get("a")?.map((item) => item.text)).toEqual(["первое", "второе"]);
    expect(groups.get("b")).toHaveLength(1);
  });
});
