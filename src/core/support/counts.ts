import { z } from "zod";

/** Whom a specialist's work reached: children, teachers or parents (the seeds count them apart). */
export const COUNT_GROUPS = ["children", "teachers", "parents"] as const;

/** A group of people counted. */
export type CountGroup = (typeof COUNT_GROUPS)[number];

/** Age bands of children (years); teachers and parents are counted without one («adult»). */
export const CHILD_AGE_BANDS = ["under_7", "7_10", "11_14", "15_18"] as const;

/** An age band of children, or «adult» for teachers and parents. */
export type AgeBand = (typeof CHILD_AGE_BANDS)[number] | "adult";

/** The most people one row of one record may count: a big school's whole parallel, not more. */
export const MAX_COUNT = 500;

/** The longest note a record may carry: a short remark, not a place for anyone's name. */
export const MAX_NOTE_LENGTH = 200;

/** One count of a specialist's record: how many people of a group (and age band) were reached. */
export const countRowSchema = z.object({
  group: z.enum(COUNT_GROUPS),
  ageBand: z.enum([...CHILD_AGE_BANDS, "adult"]),
  count: z.number().int().min(0).max(MAX_COUNT),
});

/** One count row. */
export type CountRow = z.infer<typeof countRowSchema>;

/** A problem of a record, with the field it is in. */
export type CountIssue = { path: string; message: string };

/**
 * Text that looks like a person's name: «Иванов Иван», «Иванов И. И.», «И.И. Иванов». A note is for a
 * remark («повторная консультация через месяц»); names of children are not entered (152-ФЗ).
 */
const NAME_LIKE = [
  /[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+/u,
  /[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]?\.?/u,
  /[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+/u,
];

/** Dates that could be a birthday: «12.03.2015», «2015-03-12». */
const DATE_LIKE = /\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;

/** True when a note looks as if it holds a name or a date of birth. */
export function looksPersonal(note: string): boolean {
  return NAME_LIKE.some((re) => re.test(note)) || DATE_LIKE.test(note);
}

/**
 * Checks the counts of one record of a specialist: children have an age band, teachers and parents
 * «adult»; no group and band twice; counts whole numbers 0–MAX_COUNT; at least one person; the note
 * short and without names or dates of birth. Returns the problems in Russian (empty when it is fine).
 */
export function validateCounts(rows: readonly CountRow[], note = ""): CountIssue[] {
  const issues: CountIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const path = `counts.${i}`;
    if (!Number.isInteger(row.count) || row.count < 0 || row.count > MAX_COUNT) {
      issues.push({ path, message: `Число людей — целое от 0 до ${MAX_COUNT}` });
    }
    if (row.group === "children" && row.ageBand === "adult") {
      issues.push({ path, message: "Для детей укажите возрастную группу" });
    }
    if (row.group !== "children" && row.ageBand !== "adult") {
      issues.push({ path, message: "Возрастная группа указывается только для детей" });
    }
    const key = `${row.group}:${row.ageBand}`;
    if (seen.has(key)) issues.push({ path, message: "Эта группа и возраст уже указаны в записи" });
    seen.add(key);
  });
  if (totalCount(rows) === 0) issues.push({ path: "counts", message: "Укажите, сколько человек охвачено" });
  if (note.length > MAX_NOTE_LENGTH) {
    issues.push({ path: "note", message: `Примечание — не длиннее ${MAX_NOTE_LENGTH} знаков` });
  }
  if (looksPersonal(note)) {
    issues.push({
      path: "note",
      message: "В примечании не указывают имена и даты рождения: записываются только числа",
    });
  }
  return issues;
}

/** How many people a record counts in all. */
export function totalCount(rows: readonly CountRow[]): number {
  return rows.reduce((sum, row) => sum + (Number.isFinite(row.count) ? row.count : 0), 0);
}

/** Sums of counts by group over many records. */
export function sumByGroup(rows: readonly CountRow[]): Record<CountGroup, number> {
  const out: Record<CountGroup, number> = { children: 0, teachers: 0, parents: 0 };
  for (const row of rows) out[row.group] += row.count;
  return out;
}
