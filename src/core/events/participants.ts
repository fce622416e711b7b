/** The numbers of people at an event, as its record keeps them. */
export type EventNumbers = {
  teachers: number;
  heads: number;
  students: number;
  municipalities: number;
};

/** The Russian form of a counted noun: one, few (2–4), many (5–20, 0). */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/**
 * The numbers of an event in words, as the seeds write them: «73 педагога из 7 районов»,
 * «12 руководителей, 40 педагогов», «250 обучающихся». Zero counts are left out; municipalities go
 * last as «из N районов» (genitive: из 1 района, из 21 района, из 7 районов). Empty when all are zero.
 */
export function participantsText(numbers: EventNumbers): string {
  const people: string[] = [];
  if (numbers.heads > 0)
    people.push(`${numbers.heads} ${plural(numbers.heads, "руководитель", "руководителя", "руководителей")}`);
  if (numbers.teachers > 0)
    people.push(`${numbers.teachers} ${plural(numbers.teachers, "педагог", "педагога", "педагогов")}`);
  if (numbers.students > 0)
    people.push(
      `${numbers.students} ${plural(numbers.students, "обучающийся", "обучающихся", "обучающихся")}`,
    );
  const m = numbers.municipalities;
  const from = m > 0 ? `из ${m} ${m % 10 === 1 && m % 100 !== 11 ? "района" : "районов"}` : "";
  if (people.length === 0) return from ? `участники ${from}` : "";
  return from ? `${people.join(", ")} ${from}` : people.join(", ");
}
