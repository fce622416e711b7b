import { normalizeHeaderName } from "./parse/table-header";

/** A municipality the import may write values of, with the code and name it can be recognised by. */
export type MatchableMunicipality = { id: number; code: string; name: string };

/** The municipality of a row, or why it is not known. */
export type MunicipalityMatch = { ok: true; municipalityId: number } | { ok: false; message: string };

/** Finds a municipality by code or name; built once per import from the municipalities in scope. */
export type MunicipalityMatcher = { match: (text: string) => MunicipalityMatch };

/**
 * Builds the matcher. The cell is first taken as a code (exact, case-insensitive), then as a name
 * (ignoring case, ё/е, spacing and punctuation runs); a name two municipalities share is
 * «ambiguous», and the message says to give the code.
 */
export function createMunicipalityMatcher(list: readonly MatchableMunicipality[]): MunicipalityMatcher {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  for (const municipality of list) {
    byCode.set(municipality.code.trim().toLowerCase(), municipality.id);
    const key = normalizeHeaderName(municipality.name);
    byName.set(key, [...(byName.get(key) ?? []), municipality.id]);
  }
  return {
    match(text) {
      const id = byCode.get(text.trim().toLowerCase());
      if (id !== undefined) return { ok: true, municipalityId: id };
      const ids = byName.get(normalizeHeaderName(text)) ?? [];
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) return { ok: true, municipalityId: only };
      if (ids.length === 0) {
        return { ok: false, message: `муниципалитет «${text}» не найден в регионе (или недоступен вам)` };
      }
      return {
        ok: false,
        message: `неоднозначно: муниципалитетов с названием «${text}» ${ids.length} — укажите код муниципалитета`,
      };
    },
  };
}
