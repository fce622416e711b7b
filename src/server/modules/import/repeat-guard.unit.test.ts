import { describe, expect, it } from "vitest";
import { createRepeatGuard } from "./repeat-guard";

const school = (id: number) => ({ schoolId: id, municipalityId: null });
const municipality = (id: number) => ({ schoolId: null, municipalityId: id });

describe("createRepeatGuard", () => {
  it("notices the second time a school's value of an indicator and year is given, not the first", () => {
    const guard = createRepeatGuard();
    expect(guard.repeat(school(5), 1, 2024)).toBe(false);
    expect(guard.repeat(school(5), 1, 2023)).toBe(false);
    expect(guard.repeat(school(5), 2, 2024)).toBe(false);
    expect(guard.repeat(school(6), 1, 2024)).toBe(false);
    expect(guard.hasRepeats()).toBe(false);
    expect(guard.repeat(school(5), 1, 2024)).toBe(true);
    expect(guard.hasRepeats()).toBe(true);
  });

  it("keeps a municipality apart from the school with the same id", () => {
    const guard = createRepeatGuard();
    expect(guard.repeat(school(3), 1, 2024)).toBe(false);
    expect(guard.repeat(municipality(3), 1, 2024)).toBe(false);
    expect(guard.repeat(municipality(3), 1, 2024)).toBe(true);
  });

  it("stays exact past the first bits it allocates (many owners)", () => {
    const guard = createRepeatGuard();
    for (let id = 1; id <= 5000; id++) expect(guard.repeat(school(id), 7, 2024)).toBe(false);
    for (let id = 1; id <= 5000; id += 499) expect(guard.repeat(school(id), 7, 2024)).toBe(true);
    expect(guard.repeat(school(5001), 7, 2024)).toBe(false);
  });
});
