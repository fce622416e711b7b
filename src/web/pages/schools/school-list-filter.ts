import type { School } from "../../../shared/api";
import { nextSort, type SortState } from "../../components/sortable-th";

/** Columns the school table sorts by. */
export const SCHOOL_SORT_KEYS = [
  "code",
  "shortName",
  "municipalityName",
  "kind",
  "locality",
  "students",
  "teachers",
] as const;
export type SchoolSortKey = (typeof SCHOOL_SORT_KEYS)[number];

/** Locality filter: every school, urban, rural, or small (малокомплектные). */
export const LOCALITY_FILTERS = ["urban", "rural", "small"] as const;
export type LocalityFilter = (typeof LOCALITY_FILTERS)[number];

/** What the user asked of the school list; kept in the address so that «Назад» returns to the same page. */
export type SchoolListFilter = {
  q: string;
  municipalityId: number | null;
  kind: string | null;
  locality: LocalityFilter | null;
  sort: SortState<SchoolSortKey>;
  page: number;
};

/** The default order: by code, as schools are numbered municipality by municipality. */
export const DEFAULT_SCHOOL_SORT: SortState<SchoolSortKey> = { key: "code", isDescending: false };

function isSortKey(value: string): value is SchoolSortKey {
  return SCHOOL_SORT_KEYS.some((k) => k === value);
}

function isLocality(value: string | null): value is LocalityFilter {
  return LOCALITY_FILTERS.some((l) => l === value);
}

function positiveInt(value: string | null): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** Reads the filter from the address (`?q=…&kind=…&locality=rural&sort=-students&page=2`). */
export function readSchoolFilter(params: URLSearchParams): SchoolListFilter {
  const sortParam = params.get("sort") ?? "";
  const isDescending = sortParam.startsWith("-");
  const sortKey = isDescending ? sortParam.slice(1) : sortParam;
  const locality = params.get("locality");
  return {
    q: params.get("q") ?? "",
    municipalityId: positiveInt(params.get("municipalityId")),
    kind: params.get("kind") || null,
    locality: isLocality(locality) ? locality : null,
    sort: isSortKey(sortKey) ? { key: sortKey, isDescending } : DEFAULT_SCHOOL_SORT,
    page: positiveInt(params.get("page")) ?? 1,
  };
}

/** Writes the filter into the address, leaving defaults out and other parameters (e.g. `create`) alone. */
export function writeSchoolFilter(params: URLSearchParams, filter: SchoolListFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set("q", filter.q);
  set("municipalityId", filter.municipalityId === null ? null : String(filter.municipalityId));
  set("kind", filter.kind);
  set("locality", filter.locality);
  const isDefaultSort =
    filter.sort.key === DEFAULT_SCHOOL_SORT.key &&
    filter.sort.isDescending === DEFAULT_SCHOOL_SORT.isDescending;
  set("sort", isDefaultSort ? null : `${filter.sort.isDescending ? "-" : ""}${filter.sort.key}`);
  set("page", filter.page > 1 ? String(filter.page) : null);
  return next;
}

/** The filter after a click on a column header; the list goes back to its first page. */
export function sortBy(filter: SchoolListFilter, key: SchoolSortKey): SchoolListFilter {
  return { ...filter, sort: nextSort(filter.sort, key), page: 1 };
}

/** True when any condition narrows the list (the «Сбросить» button shows then). */
export function isFiltered(filter: SchoolListFilter): boolean {
  return Boolean(filter.q.trim() || filter.municipalityId || filter.kind || filter.locality);
}

/** Lower case with ё read as е, so that «Селезневская» finds «Селезнёвская». */
export function normalizeSearch(text: string): string {
  return text.toLocaleLowerCase("ru").replaceAll("ё", "е").replace(/\s+/g, " ").trim();
}

function matchesLocality(school: School, locality: LocalityFilter | null): boolean {
  if (locality === "urban") return !school.isRural;
  if (locality === "rural") return school.isRural;
  if (locality === "small") return school.isSmall;
  return true;
}

/** Urban before rural, rural before rural small. */
function localityRank(school: School): number {
  return (school.isRural ? 1 : 0) + (school.isSmall ? 1 : 0);
}

function compare(a: School, b: School, key: SchoolSortKey): number {
  switch (key) {
    case "students":
    case "teachers":
      return a[key] - b[key];
    case "locality":
      return localityRank(a) - localityRank(b);
    default:
      return a[key].localeCompare(b[key], "ru", { numeric: true });
  }
}

/** The schools that match the filter, in its order (ties keep the code order). */
export function applySchoolFilter(schools: readonly School[], filter: SchoolListFilter): School[] {
  const needle = normalizeSearch(filter.q);
  const direction = filter.sort.isDescending ? -1 : 1;
  return schools
    .filter(
      (s) =>
        (filter.municipalityId === null || s.municipalityId === filter.municipalityId) &&
        (filter.kind === null || s.kind === filter.kind) &&
        matchesLocality(s, filter.locality) &&
        (!needle || normalizeSearch(`${s.code} ${s.shortName} ${s.fullName}`).includes(needle)),
    )
    .sort((a, b) => compare(a, b, filter.sort.key) * direction || a.code.localeCompare(b.code, "ru"));
}

/** The kinds present among the schools, for the «Вид» filter, in alphabetical order. */
export function kindsOf(schools: readonly School[]): string[] {
  return [...new Set(schools.map((s) => s.kind))].sort((a, b) => a.localeCompare(b, "ru"));
}
