import type { SchoolYearExams } from "./exam-simulation";
import type { Rng } from "./random";
import type { SchoolProfile } from "./school-profile";

/** A point on the map. */
export type GeoPoint = { latitude: number; longitude: number };

/** What a school indicator's value is built from in one year. */
export type SchoolYearInput = {
  profile: SchoolProfile;
  year: number;
  /** Position of the year in the generated years, 0 for the first. */
  yearIndex: number;
  exams: SchoolYearExams;
  /** The centre of the school's municipality (where its МОЦ is), when known. */
  centre: GeoPoint | null;
  /** A stream for this school and label, the same in every year: a school's lasting level. */
  schoolRng: (label: string) => Rng;
  /** A stream for this school, label and year: the year's draw. */
  yearRng: (label: string) => Rng;
};

/** What a municipality indicator's value is built from. */
export type MunicipalityInput = { municipalityCode: string; centre: GeoPoint | null; regionCentre: GeoPoint };

/** How one indicator's value is produced: per school and year, or per municipality. Null means no value. */
export type ValueBuilder =
  | { level: "school"; build: (input: SchoolYearInput) => number | null }
  | { level: "municipality"; build: (input: MunicipalityInput) => number | null };

/** Rounds a share to 4 decimals. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Kilometres by road between two points: great-circle distance × 1.25, a usual road detour factor. */
export function roadKilometres(from: GeoPoint, to: GeoPoint): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const deltaLatitude = radians(to.latitude - from.latitude);
  const deltaLongitude = radians(to.longitude - from.longitude);
  const chord =
    Math.sin(deltaLatitude / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(deltaLongitude / 2) ** 2;
  return 6371 * 2 * Math.atan2(Math.sqrt(chord), Math.sqrt(1 - chord)) * 1.25;
}
