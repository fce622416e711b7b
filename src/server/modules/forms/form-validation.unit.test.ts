import { describe, expect, it } from "vitest";
import { checkFormValue } from "./form-validation";

describe("checkFormValue", () => {
  const share = { unit: "share", min: 0, max: 1 } as const;
  it("accepts values in range and rejects those outside, in Russian with a decimal comma", () => {
    expect(checkFormValue(share, 0.31)).toBeUndefined();
    expect(checkFormValue(share, 0)).toBeUndefined();
    expect(checkFormValue(share, 1)).toBeUndefined();
    expect(checkFormValue(share, 1.4)).toBe("Значение 1,4 вне допустимого диапазона 0–1");
    expect(checkFormValue(share, -0.1)).toContain("вне допустимого диапазона");
  });
  it("wants whole counts and 0/1 for yes/no", () => {
    expect(checkFormValue({ unit: "count", min: 0, max: 100 }, 3.5)).toBe("Ожидается целое число");
    expect(checkFormValue({ unit: "count", min: 0, max: 100 }, 3)).toBeUndefined();
    expect(checkFormValue({ unit: "bool", min: 0, max: 1 }, 0.5)).toContain("«да»");
    expect(checkFormValue({ unit: "bool", min: 0, max: 1 }, 1)).toBeUndefined();
  });
});
