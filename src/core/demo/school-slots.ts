import type { SchoolKind } from "../../shared/hierarchy";
import type { DemoMunicipalitySpec, DemoTown } from "./municipalities.data";
import type { Rng } from "./random";
import { type DemoVillage, GENERIC_VILLAGES, SEEDED_RURAL_SCHOOLS } from "./villages.data";

/** Small rural schools in the region: 59.9% of 238 rural schools (seed 003). */
export const RURAL_SMALL_SCHOOLS = 143;

/** Where a school stands: a town (urban) or a village (rural). */
export type SchoolPlace = {
  /** With its prefix: «г. Вязьма», «д. Каменка». */
  name: string;
  /** Genitive of a city for «Средняя школа № 5» г. Смоленска»; null elsewhere. */
  cityGenitive: string | null;
  adjective: string;
  latitude: number;
  longitude: number;
};

/** A school before its names, size and address are drawn: where it is and what kind it is. */
export type SchoolSlot = {
  municipality: DemoMunicipalitySpec;
  place: SchoolPlace;
  isRural: boolean;
  isSmall: boolean;
  /** The secondary school of a district whose centre is a village. */
  isCentre: boolean;
  kind: SchoolKind;
  /** «№ 2» in the school's name, when its town numbers its schools. */
  number: number | null;
};

function repeat<T>(item: T, times: number): T[] {
  return Array.from({ length: Math.max(0, times) }, () => item);
}

/** Secondary and basic schools of a town share one numbering («Средняя школа № 5», «Основная школа № 6»). */
function isNumberedKind(kind: SchoolKind): boolean {
  return kind === "СОШ" || kind === "ООШ";
}

/** Kinds of a town's schools: Smolensk has gymnasiums and lyceums, larger towns one gymnasium; basic schools come last. */
function townKinds(spec: DemoMunicipalitySpec, town: DemoTown): SchoolKind[] {
  if (spec.code === "smolensk") {
    return [
      ...repeat<SchoolKind>("СОШ", town.schools - 10),
      ...repeat<SchoolKind>("ООШ", 2),
      ...repeat<SchoolKind>("гимназия", 5),
      ...repeat<SchoolKind>("лицей", 3),
    ];
  }
  if (town.schools < 8) return repeat<SchoolKind>("СОШ", town.schools);
  const basic = town.schools >= 10 ? 1 : 0;
  return [
    ...repeat<SchoolKind>("СОШ", town.schools - 1 - basic),
    ...repeat<SchoolKind>("ООШ", basic),
    "гимназия",
  ];
}

function townSlots(spec: DemoMunicipalitySpec, town: DemoTown): SchoolSlot[] {
  const kinds = townKinds(spec, town);
  const numbered = kinds.filter(isNumberedKind).length;
  const isCity = spec.kind === "city";
  const counters = new Map<SchoolKind, number>();
  const location = town.location ?? { latitude: spec.latitude, longitude: spec.longitude };
  const place: SchoolPlace = {
    name: town.name,
    cityGenitive: spec.kind === "city" ? town.genitive : null,
    adjective: town.adjective,
    ...location,
  };
  return kinds.map((kind) => {
    const series = isNumberedKind(kind) ? "СОШ" : kind;
    const next = (counters.get(series) ?? 0) + 1;
    counters.set(series, next);
    const hasNumber = isCity || (isNumberedKind(kind) && numbered > 1);
    return {
      municipality: spec,
      place,
      isRural: false,
      isSmall: false,
      isCentre: false,
      kind,
      number: hasNumber ? next : null,
    };
  });
}

type RuralPlace = { village: DemoVillage; kind: SchoolKind | null; isCentre: boolean };

/** The villages of a district's rural schools: its centre, the seeded schools, then generic villages. */
function ruralPlaces(spec: DemoMunicipalitySpec, pool: DemoVillage[]): RuralPlace[] {
  const places: RuralPlace[] = [];
  if (spec.centreVillage) places.push({ village: spec.centreVillage, kind: "СОШ", isCentre: true });
  for (const seeded of SEEDED_RURAL_SCHOOLS.filter((school) => school.municipalityCode === spec.code)) {
    places.push({ village: seeded, kind: seeded.kind, isCentre: false });
  }
  while (places.length < spec.ruralSchools) {
    const village = pool.shift();
    if (!village) throw new Error("Не хватает названий сёл для демонстрационных школ");
    places.push({ village, kind: null, isCentre: false });
  }
  return places;
}

function ruralKind(rng: Rng, isSmall: boolean): SchoolKind {
  const draw = rng.next();
  if (isSmall) return draw < 0.55 ? "ООШ" : draw < 0.72 ? "НОШ" : "СОШ";
  return draw < 0.8 ? "СОШ" : "ООШ";
}

/** Rural slots of the whole region; exactly RURAL_SMALL_SCHOOLS of them are small (never a district centre). */
function ruralSlots(rng: Rng, specs: DemoMunicipalitySpec[]): SchoolSlot[] {
  const pool = rng.shuffle(GENERIC_VILLAGES);
  const drafts = specs.flatMap((spec) => ruralPlaces(spec, pool).map((place) => ({ spec, ...place })));
  const candidates = drafts.flatMap((draft, index) => (draft.isCentre ? [] : [index]));
  const small = new Set(rng.shuffle(candidates).slice(0, RURAL_SMALL_SCHOOLS));
  return drafts.map((draft, index) => {
    const isSmall = small.has(index);
    return {
      municipality: draft.spec,
      place: {
        ...draft.village,
        cityGenitive: null,
        latitude: draft.spec.latitude,
        longitude: draft.spec.longitude,
      },
      isRural: true,
      isSmall,
      isCentre: draft.isCentre,
      kind: draft.kind ?? ruralKind(rng, isSmall),
      number: null,
    };
  });
}

/** All school slots of the region, municipality by municipality: urban schools first, then rural ones. */
export function createSchoolSlots(rng: Rng, specs: DemoMunicipalitySpec[]): SchoolSlot[] {
  const rural = ruralSlots(rng, specs);
  return specs.flatMap((spec) => [
    ...spec.towns.flatMap((town) => townSlots(spec, town)),
    ...rural.filter((slot) => slot.municipality.code === spec.code),
  ]);
}
