import type { IndicatorDefinition } from "../indicators/indicator.schema";
import type { IndicatorCode } from "../indicators/indicator-codes";
import { isIndicatorCode } from "../indicators/indicator-codes";
import { CONTEXT_BUILDERS } from "./context-builders";
import type { DemoRegion, DemoSchool } from "./demo-region.types";
import { simulateExams } from "./exam-simulation";
import { DEMO_MUNICIPALITIES } from "./municipalities.data";
import { createRng } from "./random";
import { RESULT_BUILDERS } from "./result-builders";
import { createSchoolProfile, type DemoStruggle } from "./school-profile";
import { STAFFING_BUILDERS } from "./staffing-builders";
import type { GeoPoint, SchoolYearInput, ValueBuilder } from "./value-builder.types";

/** One indicator value: of a school (schoolCode set) or of a municipality (municipalityCode set) in a year. */
export type DemoIndicatorValue = {
  indicatorCode: string;
  schoolCode: string | null;
  municipalityCode: string | null;
  /** The calendar year in which the school year ends (ГИА year): 2024 is the 2023/24 school year. */
  year: number;
  value: number;
};

/** The school years the demo shows: 2022/23, 2023/24 and 2024/25. */
export const DEMO_YEARS: readonly number[] = [2023, 2024, 2025];

/** Input of generateDemoValues. */
export type GenerateDemoValuesInput = {
  region: DemoRegion;
  catalogue: readonly IndicatorDefinition[];
  years: readonly number[];
  seed: number;
};

/** How every preloaded indicator is generated; the compiler checks that none is missing. */
const VALUE_BUILDERS: Record<IndicatorCode, ValueBuilder> = {
  ...RESULT_BUILDERS,
  ...STAFFING_BUILDERS,
  ...CONTEXT_BUILDERS,
};

/** Smolensk, the regional centre (СОИРО). */
const REGION_CENTRE: GeoPoint = { latitude: 54.782, longitude: 32.045 };

function builderFor(definition: IndicatorDefinition): ValueBuilder | null {
  if (!isIndicatorCode(definition.code)) return null;
  const builder = VALUE_BUILDERS[definition.code];
  return builder.level === definition.level ? builder : null;
}

/** Keeps a value inside the definition's range and unit: whole counts, 0/1 booleans. */
function fitToDefinition(value: number, definition: IndicatorDefinition): number {
  const bounded = Math.min(definition.max, Math.max(definition.min, value));
  if (definition.unit === "count") return Math.round(bounded);
  if (definition.unit === "bool") return bounded >= 0.5 ? 1 : 0;
  return bounded;
}

/** The centre of a municipality: its known administrative centre, else the centroid of its schools. */
function municipalityCentre(region: DemoRegion, municipalityCode: string): GeoPoint | null {
  const spec = DEMO_MUNICIPALITIES.find((candidate) => candidate.code === municipalityCode);
  if (spec) return { latitude: spec.latitude, longitude: spec.longitude };
  const points = region.schools.flatMap(({ municipalityCode: code, latitude, longitude }) =>
    code === municipalityCode && latitude !== null && longitude !== null ? [{ latitude, longitude }] : [],
  );
  if (points.length === 0) return null;
  const sum = points.reduce((total, point) => ({
    latitude: total.latitude + point.latitude,
    longitude: total.longitude + point.longitude,
  }));
  return { latitude: sum.latitude / points.length, longitude: sum.longitude / points.length };
}

/**
 * The demo directors lead programme schools, so that a visitor signed in as one sees the whole cycle:
 * the city school falls below what its context predicts, the district one works in a hard context too.
 * The specialist's first school struggles as well, so that the specialist has a programme school whose
 * activities can be assigned to them (the mentor's schools are identified by chance already).
 */
function demoStruggle(region: DemoRegion, school: DemoSchool): DemoStruggle | null {
  const isDirectors = region.users.some((u) => u.role === "school_director" && u.schoolCode === school.code);
  const isSpecialists = region.users.some(
    (u) => u.role === "specialist" && u.assignedSchoolCodes?.[0] === school.code,
  );
  if (!isDirectors && !isSpecialists) return null;
  return school.isRural || school.municipalityCode !== "smolensk" ? "hard_context" : "below_expected";
}

function schoolValues(input: GenerateDemoValuesInput, school: DemoSchool): DemoIndicatorValue[] {
  const { seed, years, catalogue, region } = input;
  const profile = createSchoolProfile(seed, school, years, demoStruggle(region, school));
  const centre = municipalityCentre(region, school.municipalityCode);
  const builders = catalogue.flatMap((definition) => {
    const builder = builderFor(definition);
    return builder?.level === "school" ? [{ definition, build: builder.build }] : [];
  });
  return years.flatMap((year, yearIndex) => {
    const exams = simulateExams(createRng(seed, `exams:${school.code}:${year}`), profile, year);
    const yearInput: SchoolYearInput = {
      profile,
      year,
      yearIndex,
      exams,
      centre,
      schoolRng: (label) => createRng(seed, `${school.code}:${label}`),
      yearRng: (label) => createRng(seed, `${school.code}:${label}:${year}`),
    };
    return builders.flatMap(({ definition, build }) => {
      const value = build(yearInput);
      if (value === null) return [];
      const fitted = fitToDefinition(value, definition);
      return [
        {
          indicatorCode: definition.code,
          schoolCode: school.code,
          municipalityCode: null,
          year,
          value: fitted,
        },
      ];
    });
  });
}

function municipalityValues(input: GenerateDemoValuesInput): DemoIndicatorValue[] {
  const { region, catalogue, years } = input;
  return region.municipalities.flatMap(({ code }) => {
    const centre = municipalityCentre(region, code);
    return catalogue.flatMap((definition) => {
      const builder = builderFor(definition);
      if (builder?.level !== "municipality") return [];
      const value = builder.build({ municipalityCode: code, centre, regionCentre: REGION_CENTRE });
      if (value === null) return [];
      const fitted = fitToDefinition(value, definition);
      return years.map((year) => ({
        indicatorCode: definition.code,
        schoolCode: null,
        municipalityCode: code,
        year,
        value: fitted,
      }));
    });
  });
}

/**
 * Demo values of every preloaded indicator in the catalogue for every school (school indicators) and
 * municipality (municipality indicators) and year. Each school has a hidden social disadvantage
 * (higher for small rural schools) that drives its context indicators, and a hidden effectiveness;
 * results follow both plus yearly noise, so harder contexts do worse on average while some schools
 * are resilient and some underperform. ГИА figures come from a student-by-student simulation, so
 * means, shares below the minimum and certificates agree. Schools without grade 11 get no ЕГЭ
 * values, primary schools no ОГЭ or olympiad values. Indicators the generator does not know are
 * skipped. Pure and deterministic: the same input gives the same values in the same order.
 */
export function generateDemoValues(input: GenerateDemoValuesInput): DemoIndicatorValue[] {
  return [
    ...input.region.schools.flatMap((school) => schoolValues(input, school)),
    ...municipalityValues(input),
  ];
}
