import { FEMALE_NAMES, femaleSurname, MALE_NAMES, PATRONYMICS, SURNAMES } from "./people.data";
import type { Rng } from "./random";

/** A generated person: ФИО and a latin handle for e-mail addresses. */
export type DemoPerson = { fullName: string; handle: string };

const CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
/** Latin for each letter of CYRILLIC, in order; "-" stands for a letter that is dropped (ъ, ь). */
const LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(" ");
const TRANSLIT = new Map(
  [...CYRILLIC].map((letter, index) => [letter, (LATIN[index] ?? "").replace("-", "")]),
);

/** Latin transliteration of Russian text (passport style), lower case; other characters are kept. */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((letter) => TRANSLIT.get(letter) ?? letter).join("");
}

/** A random person; in Russian schools most staff are women, so `femaleShare` defaults to 0.8. */
export function createPerson(rng: Rng, femaleShare = 0.8): DemoPerson {
  const isFemale = rng.chance(femaleShare);
  const maleSurname = rng.pick(SURNAMES);
  const surname = isFemale ? femaleSurname(maleSurname) : maleSurname;
  const firstName = rng.pick(isFemale ? FEMALE_NAMES : MALE_NAMES);
  const [malePatronymic, femalePatronymic] = rng.pick(PATRONYMICS);
  const patronymic = isFemale ? femalePatronymic : malePatronymic;
  const handle = `${transliterate(surname)}.${transliterate(firstName.slice(0, 1))}${transliterate(patronymic.slice(0, 1))}`;
  return { fullName: `${surname} ${firstName} ${patronymic}`, handle };
}
