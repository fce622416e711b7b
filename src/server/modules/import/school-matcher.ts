import { normalizeHeaderName } from "./parse/table-header";
import type { SchoolKey } from "./parse/value-records";

/** A school the import may write to, with the names and municipality it can be recognised by. */
export type MatchableSchool = {
  id: number;
  code: string;
  fullName: string;
  shortName: string;
  municipalityName: string;
  municipalityCode: string;
};

/** The school of a row, or why it is not known. */
export type SchoolMatch = { ok: true; schoolId: number } | { ok: false; message: string };

/** Finds schools by code, or by name and municipality; built once per import from the schools in scope. */
export type SchoolMatcher = { match: (key: SchoolKey) => SchoolMatch };

function codeKey(code: string): string {
  return code.trim().toLowerCase();
}

function add(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

/**
 * Builds the matcher. A code matches exactly (case-insensitive). A name matches the full or short
 * name and the municipality its name or code, ignoring case, ё/е, spacing and punctuation runs;
 * more than one school for a name is «ambiguous», and the message says how to settle it.
 */
export function createSchoolMatcher(schools: readonly MatchableSchool[]): SchoolMatcher {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  for (const school of schools) {
    byCode.set(codeKey(school.code), school.id);
    const municipalities = new Set([
      normalizeHeaderName(school.municipalityName),
      normalizeHeaderName(school.municipalityCode),
    ]);
    const names = new Set([normalizeHeaderName(school.fullName), normalizeHeaderName(school.shortName)]);
    for (const municipality of municipalities)
      for (const name of names) add(byName, `${name}\u0000${municipality}`, school.id);
  }
  return {
    match(key) {
      if (key.code !== undefined) {
        const id = byCode.get(codeKey(key.code));
        if (id !== undefined) return { ok: true, schoolId: id };
        return {
          ok: false,
          message: `школа с кодом «${key.code}» не найдена в регионе (или недоступна вам)`,
        };
      }
      const name = normalizeHeaderName(key.name ?? "");
      const municipality = normalizeHeaderName(key.municipality ?? "");
      const ids = byName.get(`${name}\u0000${municipality}`) ?? [];
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) return { ok: true, schoolId: only };
      const what = `«${key.name ?? ""}» (муниципалитет «${key.municipality ?? ""}»)`;
      if (ids.length === 0)
        return { ok: false, message: `школа ${what} не найдена в регионе (или недоступна вам)` };
      return {
        ok: false,
        message: `неоднозначно: под именем ${what} ${ids.length} школы — укажите код школы`,
      };
    },
  };
}
