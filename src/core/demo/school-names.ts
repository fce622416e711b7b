import type { SchoolKind } from "../../shared/hierarchy";
import type { Rng } from "./random";
import type { SchoolSlot } from "./school-slots";

/** The official full name and the short name of a school. */
export type SchoolNames = { fullName: string; shortName: string };

/** Nouns of a city school's name by kind: «Средняя школа № 5», short «СШ № 5». */
const CITY_NOUNS: Partial<Record<SchoolKind, { full: string; short: string }>> = {
  СОШ: { full: "Средняя школа", short: "СШ" },
  ООШ: { full: "Основная школа", short: "ОШ" },
  НОШ: { full: "Начальная школа", short: "НШ" },
  гимназия: { full: "Гимназия", short: "Гимназия" },
  лицей: { full: "Лицей", short: "Лицей" },
};

/** Nouns after the place adjective by kind: «Хиславичская средняя школа», short «Хиславичская СШ». */
const PLACE_NOUNS: Partial<Record<SchoolKind, { full: string; short: string }>> = {
  СОШ: { full: "средняя школа", short: "СШ" },
  ООШ: { full: "основная школа", short: "ОШ" },
  НОШ: { full: "начальная школа", short: "НШ" },
  гимназия: { full: "гимназия", short: "гимназия" },
};

/** Municipal schools are budgetary (МБОУ); some rural ones are state-funded (МКОУ), as in the seeds. */
function legalForm(rng: Rng, slot: SchoolSlot): string {
  return slot.isRural && rng.chance(0.15) ? "МКОУ" : "МБОУ";
}

function cityNames(form: string, slot: SchoolSlot, genitive: string): SchoolNames {
  const noun = CITY_NOUNS[slot.kind] ?? { full: "Школа", short: "Школа" };
  const number = slot.number === null ? "" : ` № ${slot.number}`;
  return {
    fullName: `${form} «${noun.full}${number}» ${genitive}`,
    shortName: `${noun.short}${number} ${genitive}`,
  };
}

function placeNames(rng: Rng, form: string, slot: SchoolSlot): SchoolNames {
  const number = slot.number === null ? "" : ` № ${slot.number}`;
  const adjective = slot.place.adjective;
  if (slot.kind === "лицей") {
    const lyceum = `${adjective.replace(/ая$/, "ий")} лицей${number}`;
    return { fullName: `${form} «${lyceum}»`, shortName: lyceum };
  }
  const noun = PLACE_NOUNS[slot.kind] ?? { full: "школа", short: "школа" };
  const shortName = `${adjective} ${noun.short}${number}`;
  // Both spellings occur in real registers: «МБОУ "Каменская основная школа"» and «МБОУ Хиславичская СШ».
  const fullName = rng.chance(0.5) ? `${form} «${adjective} ${noun.full}${number}»` : `${form} ${shortName}`;
  return { fullName, shortName };
}

/** Names a school the way Smolensk region's registers do. */
export function nameSchool(rng: Rng, slot: SchoolSlot): SchoolNames {
  const form = legalForm(rng, slot);
  const genitive = slot.place.cityGenitive;
  return genitive === null ? placeNames(rng, form, slot) : cityNames(form, slot, genitive);
}
