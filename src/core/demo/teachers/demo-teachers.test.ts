import { describe, expect, it } from "vitest";
import { generateDemoDiagnoses, generateDemoStaff } from "./demo-teachers";

describe("the demo teachers", () => {
  it("gives a school a director, deputies and teachers by subject, the same every time", () => {
    const staff = generateDemoStaff(7, "67-001", 30);
    expect(staff).toHaveLength(30);
    expect(staff[0]?.position).toBe("director");
    expect(staff.filter((t) => t.position === "deputy")).toHaveLength(2);
    expect(new Set(staff.map((t) => t.fullName)).size).toBe(30);
    expect(staff.some((t) => t.subjects.includes("математика"))).toBe(true);
    expect(generateDemoStaff(7, "67-001", 30)).toEqual(staff);
  });

  it("diagnoses most, some by self-assessment, re-assesses some, with scores 0–100", () => {
    const staff = generateDemoStaff(7, "67-002", 40);
    const diagnoses = generateDemoDiagnoses(7, "67-002", staff, { year: 2025, priority: new Set([1, 2]) });
    const diagnosed = new Set(diagnoses.map((d) => d.index));
    expect(diagnosed.size).toBeGreaterThan(28);
    expect(diagnoses.some((d) => d.source === "self")).toBe(true);
    expect(diagnoses.some((d) => d.assessedOn.startsWith("2025-05"))).toBe(true);
    for (const d of diagnoses) for (const s of Object.values(d.scores)) expect(s).toBeGreaterThanOrEqual(0);
  });
});
