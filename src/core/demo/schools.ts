import type { DemoSchool } from "./demo-region.types";
import type { DemoMunicipalitySpec } from "./municipalities.data";
import { createRng } from "./random";
import { nameSchool } from "./school-names";
import { placeSchool } from "./school-places";
import { drawStudents, drawTeachers } from "./school-sizes";
import { createSchoolSlots } from "./school-slots";

/** The region's code in school codes («67-001»): Smolensk region's subject code. */
export const REGION_CODE = "67";

/** A school code from its position in the region's list, 1-based: 1 → «67-001». */
export function schoolCode(position: number): string {
  return `${REGION_CODE}-${String(position).padStart(3, "0")}`;
}

/** Generates the region's schools, municipality by municipality, numbered in that order. */
export function generateSchools(seed: number, specs: DemoMunicipalitySpec[]): DemoSchool[] {
  const slots = createSchoolSlots(createRng(seed, "school-slots"), specs);
  const students = drawStudents(createRng(seed, "school-sizes"), slots);
  const rng = createRng(seed, "school-details");
  return slots.map((slot, index) => {
    const studentCount = students[index] ?? 0;
    return {
      code: schoolCode(index + 1),
      ...nameSchool(rng, slot),
      municipalityCode: slot.municipality.code,
      kind: slot.kind,
      isRural: slot.isRural,
      isSmall: slot.isSmall,
      students: studentCount,
      teachers: drawTeachers(rng, slot, studentCount),
      ...placeSchool(rng, slot),
    };
  });
}
