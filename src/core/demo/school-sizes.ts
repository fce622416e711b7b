import type { SchoolKind } from "../../shared/hierarchy";
import type { Rng } from "./random";
import type { SchoolSlot } from "./school-slots";

/** Share of the region's students who study in rural schools (seed 003: 20.2%). */
export const RURAL_STUDENT_SHARE = 0.202;

/** Urban schools hold 300–1200 students in the demo. */
const URBAN_MIN = 300;
const URBAN_MAX = 1200;

/** A skewed draw in [min, max]: most schools are nearer the lower end. */
function skewed(rng: Rng, min: number, max: number, power: number): number {
  return Math.round(min + (max - min) * rng.next() ** power);
}

/** Students of a rural school: small ones 10–90 (seed: малокомплектные), others 91 and more. */
function ruralStudents(rng: Rng, slot: SchoolSlot): number {
  if (slot.isSmall) {
    if (slot.kind === "НОШ") return skewed(rng, 10, 35, 1.2);
    if (slot.kind === "ООШ") return skewed(rng, 15, 80, 1.4);
    return skewed(rng, 40, 90, 1.1);
  }
  if (slot.kind === "ООШ") return skewed(rng, 91, 160, 1.3);
  return skewed(rng, 91, 271, 1.7);
}

/** Students of an urban school before the urban total is scaled to the rural share. */
function urbanRawStudents(rng: Rng, slot: SchoolSlot): number {
  if (slot.kind === "ООШ") return skewed(rng, 300, 450, 1);
  if (slot.kind === "гимназия" || slot.kind === "лицей") return skewed(rng, 600, 1000, 1);
  if (slot.place.cityGenitive !== null) return skewed(rng, 500, 1200, 0.9);
  const townSchools = slot.municipality.towns.reduce((sum, town) => sum + town.schools, 0);
  return townSchools >= 8 ? skewed(rng, 400, 1000, 1.1) : skewed(rng, 300, 700, 1.3);
}

/** Scales urban sizes so that the rural share of students is RURAL_STUDENT_SHARE, keeping 300–1200. */
function scaleUrban(raw: number[], target: number): number[] {
  let sizes = [...raw];
  for (let round = 0; round < 20; round += 1) {
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const free = sizes
      .filter((size) => size > URBAN_MIN && size < URBAN_MAX)
      .reduce((sum, size) => sum + size, 0);
    if (Math.abs(total - target) < 1 || free === 0) break;
    const factor = 1 + (target - total) / free;
    sizes = sizes.map((size) => (size > URBAN_MIN && size < URBAN_MAX ? size * factor : size));
    sizes = sizes.map((size) => Math.min(URBAN_MAX, Math.max(URBAN_MIN, size)));
  }
  return sizes.map((size) => Math.round(size));
}

/** Students of every slot, in slot order. */
export function drawStudents(rng: Rng, slots: SchoolSlot[]): number[] {
  const drafts = slots.map((slot) => (slot.isRural ? ruralStudents(rng, slot) : urbanRawStudents(rng, slot)));
  const rural = drafts.reduce((sum, size, index) => sum + (slots[index]?.isRural ? size : 0), 0);
  const urbanTarget = (rural * (1 - RURAL_STUDENT_SHARE)) / RURAL_STUDENT_SHARE;
  const urbanIndexes = slots.flatMap((slot, index) => (slot.isRural ? [] : [index]));
  const scaled = scaleUrban(
    urbanIndexes.map((index) => drafts[index] ?? URBAN_MIN),
    urbanTarget,
  );
  const result = [...drafts];
  urbanIndexes.forEach((slotIndex, position) => {
    result[slotIndex] = scaled[position] ?? URBAN_MIN;
  });
  return result;
}

/** The fewest teachers a school of this kind can work with, however few its students. */
const TEACHER_FLOOR: Partial<Record<SchoolKind, number>> = { НОШ: 3, ООШ: 9 };

/** Teachers: proportional to students (fewer students per teacher in rural schools), with a floor. */
export function drawTeachers(rng: Rng, slot: SchoolSlot, students: number): number {
  const perTeacher = slot.isSmall
    ? 5.5
    : slot.isRural
      ? 10
      : slot.kind === "гимназия" || slot.kind === "лицей"
        ? 14
        : 16;
  const floor = TEACHER_FLOOR[slot.kind] ?? 13;
  return Math.max(floor, Math.round((students / perTeacher) * rng.uniform(0.9, 1.1)));
}
