import type { Rng } from "./random";
import type { SchoolSlot } from "./school-slots";

/** A school's postal address and coordinates. */
export type SchoolLocation = { address: string; latitude: number; longitude: number };

/** The region's bounding box (Smolensk region lies within it). */
export const REGION_BOUNDS = { minLatitude: 53.5, maxLatitude: 56, minLongitude: 30.8, maxLongitude: 35.4 };

const STREETS = [
  "ул. Ленина",
  "ул. Советская",
  "ул. Школьная",
  "ул. Молодёжная",
  "ул. Центральная",
  "ул. Октябрьская",
  "ул. Мира",
  "ул. Гагарина",
  "ул. Садовая",
  "ул. Комсомольская",
  "ул. Пионерская",
  "ул. Кирова",
  "ул. Пушкина",
  "ул. Победы",
  "ул. Заводская",
];

/** One degree of longitude is shorter than one of latitude at 55°N; this keeps spreads round on the map. */
const LONGITUDE_STRETCH = 1.5;

function round5(value: number): number {
  return Math.round(value * 100_000) / 100_000;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Radius in degrees of latitude around the anchor: towns are compact, small schools lie farther out. */
function radius(rng: Rng, slot: SchoolSlot): number {
  if (!slot.isRural)
    return slot.place.cityGenitive === "г. Смоленска" ? rng.uniform(0, 0.05) : rng.uniform(0, 0.015);
  if (slot.isCentre) return rng.uniform(0, 0.01);
  return slot.isSmall ? rng.uniform(0.1, 0.33) : rng.uniform(0.05, 0.27);
}

function coordinates(rng: Rng, slot: SchoolSlot): { latitude: number; longitude: number } {
  const angle = rng.uniform(0, 2 * Math.PI);
  const distance = radius(rng, slot);
  const latitude = slot.place.latitude + distance * Math.sin(angle);
  const longitude = slot.place.longitude + distance * Math.cos(angle) * LONGITUDE_STRETCH;
  return {
    latitude: round5(clamp(latitude, REGION_BOUNDS.minLatitude + 0.05, REGION_BOUNDS.maxLatitude - 0.05)),
    longitude: round5(clamp(longitude, REGION_BOUNDS.minLongitude + 0.05, REGION_BOUNDS.maxLongitude - 0.05)),
  };
}

function postalCode(rng: Rng, slot: SchoolSlot): string {
  const base = Number(slot.municipality.postalCode);
  const offset =
    slot.municipality.code === "smolensk"
      ? rng.int(0, 38)
      : slot.isRural && !slot.isCentre
        ? rng.int(1, 60)
        : rng.int(0, 3);
  return String(base + offset).padStart(6, "0");
}

function address(rng: Rng, slot: SchoolSlot): string {
  const parts = [postalCode(rng, slot), "Смоленская обл."];
  if (slot.municipality.kind === "district") parts.push(slot.municipality.name.replace(/ район$/, " р-н"));
  const street =
    slot.isRural && !slot.isCentre
      ? rng.pick(["ул. Школьная", "ул. Центральная", "ул. Молодёжная"])
      : rng.pick(STREETS);
  parts.push(slot.place.name, street, `д. ${rng.int(1, slot.isRural ? 30 : 120)}`);
  return parts.join(", ");
}

/** Draws a school's address and coordinates around its town or its municipality's centre. */
export function placeSchool(rng: Rng, slot: SchoolSlot): SchoolLocation {
  return { address: address(rng, slot), ...coordinates(rng, slot) };
}
