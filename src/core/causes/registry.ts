import type { RiskFactor } from "./factor.schema";

/**
 * A programme school in a year with the causes the МОЦ confirmed for it (possibly none yet). Every
 * school of the programme that year is an entry, so that shares have the right denominator.
 */
export type RegistryEntry = {
  schoolId: number;
  schoolName: string;
  municipalityId: number;
  municipalityName: string;
  year: number;
  causeCodes: readonly string[];
};

/** How a cause's count changed from the previous year. */
export type RegistryTrend = "new" | "gone" | "up" | "down" | "same" | "no_previous";

/** One cause in one scope (a municipality or the region). */
export type CauseRegistryRow = {
  factorCode: string;
  /** The factor's title, or its code when it is not in the catalogue. */
  title: string;
  /** Schools with the cause this year. */
  schools: number;
  /** schools / programme schools of the scope this year; null when the scope has none. */
  share: number | null;
  /** Schools with the cause the previous year; null when the scope had no programme schools then. */
  previousSchools: number | null;
  /** schools − previousSchools; null without a previous year. */
  change: number | null;
  trend: RegistryTrend;
  /** The schools with the cause this year, by name. */
  schoolList: { schoolId: number; schoolName: string }[];
};

/** The registry of one scope: its programme schools and its causes, most frequent first. */
export type CauseRegistryScope = {
  /** Null for the region. */
  municipalityId: number | null;
  name: string;
  programmeSchools: number;
  /** Null when the scope had no programme schools the previous year. */
  previousProgrammeSchools: number | null;
  /** Programme schools with at least one confirmed cause this year. */
  schoolsWithCauses: number;
  rows: CauseRegistryRow[];
};

/** The registry of causes of a year: the region and each municipality with programme schools. */
export type CauseRegistry = {
  year: number;
  previousYear: number;
  region: CauseRegistryScope;
  /** Municipalities with programme schools this year or the previous one, by name. */
  municipalities: CauseRegistryScope[];
};

type SchoolYear = { schoolId: number; schoolName: string; municipalityId: number; causes: Set<string> };

/** One record per school and year; repeated entries of a school in a year merge their causes. */
function schoolsOfYear(entries: readonly RegistryEntry[], year: number): Map<number, SchoolYear> {
  const schools = new Map<number, SchoolYear>();
  for (const entry of entries) {
    if (entry.year !== year) continue;
    const known = schools.get(entry.schoolId);
    const record = known ?? { ...entry, causes: new Set<string>() };
    for (const code of entry.causeCodes) record.causes.add(code);
    schools.set(entry.schoolId, record);
  }
  return schools;
}

function trendOf(schools: number, previous: number | null): RegistryTrend {
  if (previous === null) return "no_previous";
  if (previous === 0) return schools > 0 ? "new" : "same";
  if (schools === 0) return "gone";
  return schools > previous ? "up" : schools < previous ? "down" : "same";
}

function buildScope(
  scope: { municipalityId: number | null; name: string },
  current: SchoolYear[],
  previous: SchoolYear[],
  factors: readonly RiskFactor[],
): CauseRegistryScope {
  const order = new Map(factors.map((factor, index) => [factor.code, index]));
  const codes = new Set<string>();
  for (const school of [...current, ...previous]) for (const code of school.causes) codes.add(code);
  const hasPrevious = previous.length > 0;
  const rows = [...codes].map((code): CauseRegistryRow => {
    const withCause = current.filter((school) => school.causes.has(code));
    const previousSchools = hasPrevious ? previous.filter((school) => school.causes.has(code)).length : null;
    const schools = withCause.length;
    return {
      factorCode: code,
      title: factors.find((factor) => factor.code === code)?.title ?? code,
      schools,
      share: current.length > 0 ? schools / current.length : null,
      previousSchools,
      change: previousSchools === null ? null : schools - previousSchools,
      trend: trendOf(schools, previousSchools),
      schoolList: withCause
        .map(({ schoolId, schoolName }) => ({ schoolId, schoolName }))
        .sort((a, b) => a.schoolName.localeCompare(b.schoolName, "ru")),
    };
  });
  rows.sort(
    (a, b) =>
      b.schools - a.schools ||
      (b.previousSchools ?? 0) - (a.previousSchools ?? 0) ||
      (order.get(a.factorCode) ?? order.size) - (order.get(b.factorCode) ?? order.size) ||
      a.factorCode.localeCompare(b.factorCode),
  );
  return {
    ...scope,
    programmeSchools: current.length,
    previousProgrammeSchools: hasPrevious ? previous.length : null,
    schoolsWithCauses: current.filter((school) => school.causes.size > 0).length,
    rows,
  };
}

/**
 * Builds the registry of causes («реестр причин») of `year` from the programme schools of this and
 * the previous year: per scope, the schools with each cause, their share of the scope's programme
 * schools and the change from the previous year. Causes are sorted by schools this year (most
 * first), then by schools last year (a cause that is gone after the ones still present), then in
 * catalogue order; municipalities by name.
 */
export function buildCauseRegistry(input: {
  entries: readonly RegistryEntry[];
  year: number;
  factors: readonly RiskFactor[];
  regionName: string;
}): CauseRegistry {
  const { entries, year, factors } = input;
  const current = [...schoolsOfYear(entries, year).values()];
  const previous = [...schoolsOfYear(entries, year - 1).values()];
  const names = new Map<number, string>();
  for (const entry of entries) {
    if (entry.year === year || (entry.year === year - 1 && !names.has(entry.municipalityId))) {
      names.set(entry.municipalityId, entry.municipalityName);
    }
  }
  const municipalities = [...names.entries()]
    .map(([municipalityId, name]) =>
      buildScope(
        { municipalityId, name },
        current.filter((school) => school.municipalityId === municipalityId),
        previous.filter((school) => school.municipalityId === municipalityId),
        factors,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
  const region = buildScope({ municipalityId: null, name: input.regionName }, current, previous, factors);
  return { year, previousYear: year - 1, region, municipalities };
}

/** The change as a report prints it: «+2», «−1», «без изменений», «впервые», «нет в этом году», «—». */
export function formatRegistryChange(row: CauseRegistryRow): string {
  switch (row.trend) {
    case "no_previous":
      return "—";
    case "new":
      return "впервые";
    case "gone":
      return "нет в этом году";
    case "same":
      return "без изменений";
    default:
      return row.change !== null && row.change > 0 ? `+${row.change}` : `−${Math.abs(row.change ?? 0)}`;
  }
}
