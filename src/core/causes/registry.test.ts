import { describe, expect, it } from "vitest";
import { RISK_FACTORS } from "./factors.data";
import { buildCauseRegistry, formatRegistryChange, type RegistryEntry } from "./registry";

const DOROGOBUZH = { municipalityId: 1, municipalityName: "Дорогобужский район" };
const ELNYA = { municipalityId: 2, municipalityName: "Ельнинский район" };

function entry(
  schoolId: number,
  schoolName: string,
  place: typeof DOROGOBUZH,
  year: number,
  causeCodes: string[],
): RegistryEntry {
  return { schoolId, schoolName, ...place, year, causeCodes };
}

// Seed 000 (Дорогобужский район, 2019/20): two schools, causes «низкая мотивация» and
// «компетентность по оцениванию»; seed 002 (Ельнинский район, 2020/21): one school, six causes.
const ENTRIES: RegistryEntry[] = [
  entry(11, "МБОУ Дорогобужская СОШ № 1", DOROGOBUZH, 2020, [
    "low_learning_motivation",
    "weak_assessment_competence",
  ]),
  entry(12, "МБОУ Верхнеднепровская СОШ № 1", DOROGOBUZH, 2020, ["low_learning_motivation"]),
  entry(11, "МБОУ Дорогобужская СОШ № 1", DOROGOBUZH, 2021, ["low_learning_motivation"]),
  entry(12, "МБОУ Верхнеднепровская СОШ № 1", DOROGOBUZH, 2021, []),
  entry(13, "МБОУ Алексинская СШ", DOROGOBUZH, 2021, ["teacher_burnout"]),
  entry(21, "МБОУ Ельнинская СШ № 2 им. К.И. Ракутина", ELNYA, 2021, [
    "undeveloped_vsoko",
    "internal_external_mismatch",
    "teacher_burnout",
    "high_teacher_workload",
    "young_teachers_needed",
    "low_learning_motivation",
  ]),
];

const REGISTRY = buildCauseRegistry({
  entries: ENTRIES,
  year: 2021,
  factors: RISK_FACTORS,
  regionName: "Смоленская область",
});

describe("registry of causes", () => {
  it("counts schools per cause in the region, with shares and the change from last year", () => {
    const { region } = REGISTRY;
    expect(region).toMatchObject({
      name: "Смоленская область",
      programmeSchools: 4,
      previousProgrammeSchools: 2,
    });
    expect(region.schoolsWithCauses).toBe(3);
    expect(
      region.rows.map((row) => [row.factorCode, row.schools, row.share, row.previousSchools, row.trend]),
    ).toEqual([
      ["low_learning_motivation", 2, 0.5, 2, "same"],
      ["teacher_burnout", 2, 0.5, 0, "new"],
      ["undeveloped_vsoko", 1, 0.25, 0, "new"],
      ["internal_external_mismatch", 1, 0.25, 0, "new"],
      ["high_teacher_workload", 1, 0.25, 0, "new"],
      ["young_teachers_needed", 1, 0.25, 0, "new"],
      ["weak_assessment_competence", 0, 0, 1, "gone"],
    ]);
  });

  it("gives each municipality its own registry, by name, with the schools named", () => {
    expect(REGISTRY.municipalities.map((scope) => scope.name)).toEqual([
      "Дорогобужский район",
      "Ельнинский район",
    ]);
    const [dorogobuzh, elnya] = REGISTRY.municipalities;
    expect(dorogobuzh?.rows.map((row) => [row.title, row.schools, row.change])).toEqual([
      ["Низкая мотивация обучающихся к обучению", 1, -1],
      ["Профессиональное выгорание педагогов", 1, 1],
      ["Недостаточная компетентность учителей по оцениванию образовательных результатов", 0, -1],
    ]);
    expect(dorogobuzh?.rows[0]?.share).toBeCloseTo(1 / 3, 12);
    expect(dorogobuzh?.rows[1]?.schoolList).toEqual([{ schoolId: 13, schoolName: "МБОУ Алексинская СШ" }]);
    // Ельня had no programme schools in 2020: no previous year to compare with.
    expect(elnya).toMatchObject({ programmeSchools: 1, previousProgrammeSchools: null });
    expect(elnya?.rows.every((row) => row.trend === "no_previous" && row.change === null)).toBe(true);
  });

  it("prints the change as a report does", () => {
    const rows = REGISTRY.municipalities[0]?.rows ?? [];
    expect(rows.map(formatRegistryChange)).toEqual(["−1", "впервые", "нет в этом году"]);
    expect(REGISTRY.region.rows.map(formatRegistryChange).slice(0, 2)).toEqual(["без изменений", "впервые"]);
    expect(REGISTRY.municipalities[1]?.rows.map(formatRegistryChange)[0]).toBe("—");
  });

  it("merges repeated entries of a school in a year and keeps unknown cause codes by code", () => {
    const registry = buildCauseRegistry({
      entries: [
        entry(11, "Школа 1", DOROGOBUZH, 2021, ["teacher_burnout"]),
        entry(11, "Школа 1", DOROGOBUZH, 2021, ["teacher_burnout", "regional_cause"]),
        entry(12, "Школа 2", DOROGOBUZH, 2021, ["teacher_burnout"]),
        entry(11, "Школа 1", DOROGOBUZH, 2020, ["teacher_burnout"]),
      ],
      year: 2021,
      factors: RISK_FACTORS,
      regionName: "Регион",
    });
    expect(registry.region.programmeSchools).toBe(2);
    expect(
      registry.region.rows.map((row) => [row.title, row.schools, row.change, formatRegistryChange(row)]),
    ).toEqual([
      ["Профессиональное выгорание педагогов", 2, 1, "+1"],
      ["regional_cause", 1, 1, "впервые"],
    ]);
  });
});
