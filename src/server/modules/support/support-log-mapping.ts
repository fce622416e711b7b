import { z } from "zod";
import type { FieldIssue } from "../../platform/errors";
import { normalizeHeaderName } from "../import/parse/table-header";

const headerName = z.string().trim().min(1, "Название столбца не может быть пустым");

/**
 * The mapping of a МОЦ log file (import kind `support_log`): which column holds each field. Required:
 * the school's code, the kind, the date, the topic and how many people; the rest optional.
 *
 * @example
 * ```json
 * { "columns": { "schoolCode": "Код ОО", "kind": "Вид", "audience": "Для кого", "format": "Форма",
 *   "heldOn": "Дата", "topic": "Тема", "givenBy": "Кто провёл", "peopleCount": "Участников",
 *   "findings": "Выводы" } }
 * ```
 */
export const supportLogMappingSchema = z.strictObject({
  columns: z.strictObject({
    schoolCode: headerName,
    kind: headerName,
    heldOn: headerName,
    topic: headerName,
    peopleCount: headerName,
    audience: headerName.optional(),
    format: headerName.optional(),
    givenBy: headerName.optional(),
    findings: headerName.optional(),
  }),
});

/** A mapping of a МОЦ log file. */
export type SupportLogMapping = z.infer<typeof supportLogMappingSchema>;

/** A field of a МОЦ log row. */
export type SupportLogField = keyof SupportLogMapping["columns"];

const SYNONYMS: Record<SupportLogField, readonly string[]> = {
  schoolCode: ["код оо", "код", "код школы", "код организации", "school code"],
  kind: ["вид", "вид работы", "вид сопровождения", "мероприятие", "kind"],
  audience: ["для кого", "адресат", "категория", "категория участников", "audience"],
  format: ["форма", "форма проведения", "формат", "format"],
  heldOn: ["дата", "дата проведения", "date"],
  topic: ["тема", "тема консультации", "содержание", "topic"],
  givenBy: ["кто провёл", "кто провел", "провёл", "провел", "специалист", "консультант", "given by"],
  peopleCount: ["участников", "количество участников", "число участников", "охват", "человек", "people"],
  findings: ["выводы", "результат", "итоги", "findings"],
};

/** Proposes a mapping from a header by the usual Russian column names. */
export function guessSupportLogMapping(header: readonly string[]): Partial<SupportLogMapping["columns"]> {
  const columns: Partial<Record<SupportLogField, string>> = {};
  const used = new Set<string>();
  for (const field of Object.keys(SYNONYMS) as SupportLogField[]) {
    const name = header.find((h) => !used.has(h) && SYNONYMS[field].includes(normalizeHeaderName(h)));
    if (name !== undefined) {
      columns[field] = name;
      used.add(name);
    }
  }
  return columns;
}

/** Validates a mapping with Russian messages. */
export function parseSupportLogMapping(
  input: unknown,
): { ok: true; mapping: SupportLogMapping } | { ok: false; issues: FieldIssue[] } {
  const parsed = supportLogMappingSchema.safeParse(input);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message:
        issue.code === "invalid_type" && issue.path[0] === "columns"
          ? `не указан столбец «${String(issue.path[1])}»`
          : issue.message,
    })),
  };
}

/** Column indexes of the mapping in a header, or the columns it names that the file lacks. */
export function resolveSupportLogColumns(
  mapping: SupportLogMapping,
  header: readonly string[],
): { ok: true; index: Partial<Record<SupportLogField, number>> } | { ok: false; issues: FieldIssue[] } {
  const positions = new Map(header.map((name, i) => [normalizeHeaderName(name), i] as const));
  const index: Partial<Record<SupportLogField, number>> = {};
  const issues: FieldIssue[] = [];
  for (const [field, name] of Object.entries(mapping.columns) as [SupportLogField, string | undefined][]) {
    if (name === undefined) continue;
    const at = positions.get(normalizeHeaderName(name));
    if (at === undefined) issues.push({ column: name, message: `в файле нет столбца «${name}»` });
    else index[field] = at;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, index };
}
