import { describe, expect, it } from "vitest";
import {
  allowedPlanActions,
  canRecordExecution,
  checkPlanTransition,
  isPlanEditable,
  type PlanStatus,
} from "./plan-workflow";

const NO_COMMENTS = { overall: "", activities: [] };

describe("plan workflow", () => {
  it("goes draft → submitted → returned → submitted → approved → locked", () => {
    expect(checkPlanTransition({ status: "draft", action: "submit", side: "author" })).toEqual({
      ok: true,
      to: "submitted",
      isNewVersion: false,
    });
    expect(
      checkPlanTransition({
        status: "submitted",
        action: "return",
        side: "reviewer",
        comments: { overall: "", activities: [{ activityId: "s1-a2", text: "Укажите ответственного" }] },
        activityIds: ["s1-a1", "s1-a2"],
      }),
    ).toMatchObject({ ok: true, to: "returned" });
    expect(checkPlanTransition({ status: "returned", action: "submit", side: "author" })).toMatchObject({
      ok: true,
      to: "submitted",
    });
    expect(checkPlanTransition({ status: "submitted", action: "approve", side: "reviewer" })).toMatchObject({
      ok: true,
      to: "approved",
    });
    expect(checkPlanTransition({ status: "approved", action: "lock", side: "reviewer" })).toMatchObject({
      ok: true,
      to: "locked",
    });
  });

  it("lets each side do only its own actions, saying who may", () => {
    expect(checkPlanTransition({ status: "draft", action: "submit", side: "reviewer" })).toEqual({
      ok: false,
      reason: "wrong_side",
      message: "Отправить план на согласование может только его составитель",
    });
    expect(checkPlanTransition({ status: "submitted", action: "approve", side: "author" })).toEqual({
      ok: false,
      reason: "wrong_side",
      message: "Утвердить план может только проверяющий",
    });
  });

  it("refuses an action from the wrong state, naming the state", () => {
    expect(checkPlanTransition({ status: "draft", action: "approve", side: "reviewer" })).toEqual({
      ok: false,
      reason: "wrong_state",
      message: "Действие «Утвердить» невозможно: план в состоянии «Черновик»",
    });
    expect(checkPlanTransition({ status: "approved", action: "submit", side: "author" })).toMatchObject({
      reason: "wrong_state",
    });
    expect(
      checkPlanTransition({ status: "locked", action: "revise", side: "author", reason: "Новый год" }),
    ).toMatchObject({
      reason: "wrong_state",
    });
  });

  it("needs a comment to return a plan, and comments only on its own activities", () => {
    expect(
      checkPlanTransition({ status: "submitted", action: "return", side: "reviewer", comments: NO_COMMENTS }),
    ).toEqual({
      ok: false,
      reason: "comments_required",
      message: "Напишите, что нужно исправить: замечание к плану или к мероприятию",
    });
    expect(
      checkPlanTransition({
        status: "submitted",
        action: "return",
        side: "reviewer",
        comments: { overall: "Нет мероприятий по причине «выгорание»", activities: [] },
      }),
    ).toMatchObject({ ok: true, to: "returned" });
    expect(
      checkPlanTransition({
        status: "submitted",
        action: "return",
        side: "reviewer",
        comments: { overall: "", activities: [{ activityId: "s9-a9", text: "?" }] },
        activityIds: ["s1-a1"],
      }),
    ).toMatchObject({ ok: false, reason: "unknown_activity" });
  });

  it("changes an approved plan only through a new version with a reason", () => {
    expect(
      checkPlanTransition({ status: "approved", action: "revise", side: "author", reason: " " }),
    ).toEqual({
      ok: false,
      reason: "reason_required",
      message: "Укажите причину изменения утверждённого плана",
    });
    expect(
      checkPlanTransition({
        status: "approved",
        action: "revise",
        side: "author",
        reason: "Подтверждена новая причина",
      }),
    ).toEqual({ ok: true, to: "draft", isNewVersion: true });
    expect(isPlanEditable("approved")).toBe(false);
  });

  it("lists the buttons each side sees", () => {
    expect(allowedPlanActions("draft", "author")).toEqual(["submit"]);
    expect(allowedPlanActions("submitted", "author")).toEqual([]);
    expect(allowedPlanActions("submitted", "reviewer")).toEqual(["return", "approve"]);
    expect(allowedPlanActions("approved", "author")).toEqual(["revise"]);
    expect(allowedPlanActions("approved", "reviewer")).toEqual(["lock"]);
    expect(allowedPlanActions("locked", "reviewer")).toEqual([]);
  });

  it("edits content in draft and returned, records execution only when approved", () => {
    const statuses: PlanStatus[] = ["draft", "returned", "submitted"];
    expect(statuses.map(isPlanEditable)).toEqual([true, true, false]);
    expect(canRecordExecution("approved")).toBe(true);
    expect(canRecordExecution("locked")).toBe(false);
    expect(canRecordExecution("submitted")).toBe(false);
  });
});
