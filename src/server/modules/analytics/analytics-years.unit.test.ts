import { describe, expect, it } from "vitest";
import { defaultDataYear } from "./analytics-years";

describe("the default year of analytics and runs", () => {
  it("is the latest year with data for at least half the schools of the best year", () => {
    expect(
      defaultDataYear(
        new Map([
          [2023, 360],
          [2024, 367],
          [2025, 367],
        ]),
      ),
    ).toBe(2025);
    // A new school year whose forms have only begun: 12 schools of 367.
    expect(
      defaultDataYear(
        new Map([
          [2024, 367],
          [2025, 367],
          [2027, 12],
        ]),
      ),
    ).toBe(2025);
    // Half exactly is enough; less than half is not.
    expect(
      defaultDataYear(
        new Map([
          [2024, 200],
          [2025, 100],
        ]),
      ),
    ).toBe(2025);
    expect(
      defaultDataYear(
        new Map([
          [2024, 200],
          [2025, 99],
        ]),
      ),
    ).toBe(2024);
    // The years need not come in order.
    expect(
      defaultDataYear(
        new Map([
          [2025, 50],
          [2021, 300],
          [2023, 290],
        ]),
      ),
    ).toBe(2023);
  });

  it("is the only year there is, and none without data", () => {
    expect(defaultDataYear(new Map([[2019, 3]]))).toBe(2019);
    expect(defaultDataYear(new Map())).toBeNull();
    expect(defaultDataYear(new Map([[2025, 0]]))).toBeNull();
  });
});
