import { describe, expect, it } from "vitest";
import { checkReportTransition, isReportEditable } from "./workflow";

describe("monitoring report workflow", () => {
  it("goes draft → submitted → approved, and returns only with a message", () => {
    expect(checkReportTransition("draft", "submit", "")).toEqual({ ok: true, to: "submitted" });
    expect(checkReportTransition("submitted", "approve", "")).toEqual({ ok: true, to: "approved" });
    expect(checkReportTransition("submitted", "return", " ")).toEqual({
      ok: false,
      message: "Напишите, что нужно исправить",
    });
    expect(checkReportTransition("returned", "submit", "")).toEqual({ ok: true, to: "submitted" });
  });

  it("refuses an approval of a draft and an edit of a submitted report", () => {
    expect(checkReportTransition("draft", "approve", "")).toMatchObject({ ok: false });
    expect(isReportEditable("submitted")).toBe(false);
    expect(isReportEditable("returned")).toBe(true);
  });
});
