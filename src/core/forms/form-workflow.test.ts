import { describe, expect, it } from "vitest";
import { checkTransition, isEditable, isLocked } from "./form-workflow";

describe("form workflow", () => {
  it("goes draft → submitted → approved → accepted", () => {
    expect(checkTransition("draft", "submit", "")).toMatchObject({ ok: true, to: "submitted" });
    expect(checkTransition("submitted", "approve", "")).toMatchObject({
      ok: true,
      to: "approved",
      permission: "data.approve",
    });
    expect(checkTransition("approved", "accept", "")).toMatchObject({
      ok: true,
      to: "accepted",
      permission: "data.accept",
    });
  });

  it("refuses to skip a step", () => {
    expect(checkTransition("draft", "approve", "")).toMatchObject({ ok: false, reason: "wrong_state" });
    expect(checkTransition("submitted", "accept", "")).toMatchObject({ ok: false, reason: "wrong_state" });
    expect(checkTransition("accepted", "return", "исправьте")).toMatchObject({
      ok: false,
      reason: "wrong_state",
    });
  });

  it("needs a message to return a form", () => {
    expect(checkTransition("submitted", "return", "  ")).toMatchObject({
      ok: false,
      reason: "message_required",
    });
    expect(checkTransition("submitted", "return", "Проверьте долю")).toMatchObject({
      ok: true,
      to: "returned",
    });
  });

  it("lets only the region return an approved form", () => {
    expect(checkTransition("approved", "return", "Ошибка в данных")).toMatchObject({
      ok: true,
      permission: "data.accept",
    });
    expect(checkTransition("submitted", "return", "Ошибка в данных")).toMatchObject({
      ok: true,
      permission: "data.approve",
    });
  });

  it("lets a returned form be submitted again", () => {
    expect(checkTransition("returned", "submit", "")).toMatchObject({ ok: true, to: "submitted" });
  });

  it("locks approved and accepted forms", () => {
    expect([isEditable("draft"), isEditable("returned"), isEditable("submitted")]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isLocked("approved"), isLocked("accepted"), isLocked("submitted")]).toEqual([true, true, false]);
  });
});
