import { formatNumberRu } from "../../../../core/identification/ru-format";

/** A school named under a cause of the registry. */
export type RegistrySchool = {
  name: string;
  /** The school's municipality, printed after its name in a region-wide table; null to leave it out. */
  municipality: string | null;
};

/** A cause (причина низких результатов) with the schools it is confirmed for. */
export type RegistryCause = {
  cause: string;
  /** The schools whose causes the МОЦ confirmed to include this one, in the order to print. */
  schools: RegistrySchool[];
  /** How many schools had it confirmed the year before; null when that year has no registry. */
  previousYearSchools: number | null;
};

/** One table of the registry: a municipality's, or the one table of the whole territory. */
export type RegistryGroup = {
  /** The municipality; null for the one table of the territory. */
  municipality: string | null;
  /** Schools of the programme (ШНРО and ШФНСУ) in this group: the base of «Доля программы, %». */
  programmeSchools: number;
  /** Causes in the order to print (the service sorts them, e.g. by the number of schools). */
  causes: RegistryCause[];
};

/**
 * The registry of causes of low educational results (реестр причин) of a region or a municipality
 * for a year: a table per group. Counts and shares are computed by the builders from the lists.
 */
export type CausesRegistryInput = {
  /** «Смоленская область», «Дорогобужский район». */
  territory: string;
  year: number;
  groups: RegistryGroup[];
};

/** A row of a registry table, computed from a cause. */
export type RegistryRow = {
  cause: string;
  schoolCount: number;
  /** Schools with the cause per 100 schools of the programme; null when the group has none. */
  sharePercent: number | null;
  /** This year's count less last year's; null when last year is not known. */
  change: number | null;
  schools: RegistrySchool[];
};

/** The rows of a group's table: the count, the share of the programme and the change to last year per cause. */
export function registryRows(group: RegistryGroup): RegistryRow[] {
  return group.causes.map((cause) => ({
    cause: cause.cause,
    schoolCount: cause.schools.length,
    sharePercent: group.programmeSchools > 0 ? (cause.schools.length / group.programmeSchools) * 100 : null,
    change: cause.previousYearSchools === null ? null : cause.schools.length - cause.previousYearSchools,
    schools: cause.schools,
  }));
}

/** «33,3» (one decimal), or «—» when there is no programme to share. */
export function formatSharePercent(share: number | null): string {
  return share === null ? "—" : formatNumberRu(share, 1);
}

/** «+2», «−1» (a minus sign), «0», or «нет данных» when last year is not known. */
export function formatChange(change: number | null): string {
  if (change === null) return "нет данных";
  if (change > 0) return `+${change}`;
  if (change < 0) return `\u2212${-change}`;
  return "0";
}

/** A school as the registry names it: «МБОУ СОШ № 1 (Дорогобужский район)». */
export function registrySchoolName(school: RegistrySchool): string {
  return school.municipality ? `${school.name} (${school.municipality})` : school.name;
}

/** What a group with no confirmed causes says instead of its table. */
export const NO_CAUSES = "Причины низких результатов не подтверждены ни для одной школы.";
