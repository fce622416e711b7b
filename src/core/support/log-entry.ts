import { z } from "zod";
import { isoDateSchema } from "../plans/iso-date";

/**
 * Kinds of the МОЦ log (журнал адресного сопровождения): a consultation, an interview with the
 * school's director (собеседование), a visit to the school (выезд) with its findings.
 */
export const LOG_KINDS = ["consultation", "interview", "visit"] as const;

/** A kind of log entry. */
export type LogKind = (typeof LOG_KINDS)[number];

/**
 * Whom a consultation is for: school heads (the expert consulting centre, экспертный консультационный
 * центр), teachers, parents, students.
 */
export const LOG_AUDIENCES = ["heads", "teachers", "parents", "students"] as const;

/** An audience of a consultation. */
export type LogAudience = (typeof LOG_AUDIENCES)[number];

/** How the support was given: in person, remotely, or on a visit to the school. */
export const LOG_FORMATS = ["in_person", "remote", "visit"] as const;

/** A format of a log entry. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The Russian names of kinds, audiences and formats (the import reads them too). */
export const LOG_LABELS = {
  kind: { consultation: "Консультация", interview: "Собеседование с директором", visit: "Выезд в школу" },
  audience: {
    heads: "Руководители (экспертный консультационный центр)",
    teachers: "Педагоги",
    parents: "Родители",
    students: "Обучающиеся",
  },
  format: { in_person: "Очно", remote: "Дистанционно", visit: "Выезд" },
} as const;

/** The most people one entry may count. */
export const MAX_LOG_PEOPLE = 5000;

/**
 * One entry of the МОЦ log as entered: which school, what, when, on what, who gave it (a МОЦ staff
 * member or a name typed in), how many people. An interview is with the school's head; a visit keeps
 * its findings.
 */
export const logEntryInputSchema = z
  .object({
    schoolId: z.number().int().positive(),
    kind: z.enum(LOG_KINDS),
    audience: z.enum(LOG_AUDIENCES).nullable().default(null),
    format: z.enum(LOG_FORMATS),
    heldOn: isoDateSchema,
    topic: z.string().trim().min(1, "Укажите тему").max(500, "Тема — не длиннее 500 знаков"),
    staffId: z.number().int().positive().nullable().default(null),
    givenBy: z.string().trim().max(200, "Не длиннее 200 знаков").default(""),
    peopleCount: z
      .number({ error: "Число участников — целое число" })
      .int("Число участников — целое число")
      .min(1, "Хотя бы один участник")
      .max(MAX_LOG_PEOPLE, `Не больше ${MAX_LOG_PEOPLE} участников`),
    findings: z.string().trim().max(4000, "Выводы — не длиннее 4000 знаков").default(""),
  })
  .superRefine((entry, ctx) => {
    for (const issue of logEntryIssues(entry)) ctx.addIssue({ code: "custom", ...issue });
  });

/** An entry of the МОЦ log as entered. */
export type LogEntryInput = z.infer<typeof logEntryInputSchema>;

/**
 * The rules across fields: a consultation names its audience; an interview is with heads; who gave
 * it is a staff member or a name; a visit has its findings.
 */
export function logEntryIssues(entry: {
  kind: LogKind;
  audience: LogAudience | null;
  staffId: number | null;
  givenBy: string;
  findings: string;
}): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (entry.kind === "consultation" && entry.audience === null) {
    issues.push({ path: ["audience"], message: "Укажите, для кого консультация" });
  }
  if (entry.kind === "interview" && entry.audience !== null && entry.audience !== "heads") {
    issues.push({ path: ["audience"], message: "Собеседование проводится с руководителем школы" });
  }
  if (entry.staffId === null && entry.givenBy.trim() === "") {
    issues.push({ path: ["givenBy"], message: "Укажите, кто провёл: сотрудника МОЦ или имя" });
  }
  if (entry.kind === "visit" && entry.findings.trim() === "") {
    issues.push({ path: ["findings"], message: "Запишите выводы выезда" });
  }
  return issues;
}

/** The audience an entry counts under: an interview is always with heads. */
export function effectiveAudience(entry: {
  kind: LogKind;
  audience: LogAudience | null;
}): LogAudience | null {
  return entry.kind === "interview" ? "heads" : entry.audience;
}

/** Finds a kind, audience or format by its Russian name or code, as an imported cell has it. */
export function readLabel<K extends keyof typeof LOG_LABELS>(field: K, text: string): string | null {
  const t = text.trim().toLowerCase().replace(/ё/g, "е");
  if (t === "") return null;
  const labels: Record<string, string> = LOG_LABELS[field];
  for (const [code, label] of Object.entries(labels)) {
    const l = label.toLowerCase().replace(/ё/g, "е");
    if (t === code || t === l || l.startsWith(t) || t.startsWith(l.split(" ")[0] ?? l)) return code;
  }
  return null;
}
