import { type LogEntryInput, logEntryInputSchema, readLabel } from "../../../core/support";
import type { FieldIssue } from "../../platform/errors";
import { parseNumber } from "../import/parse/parse-number";
import type { TableRow } from "../import/parse/table.types";
import { unescapeCellText } from "../import/parse/value-records";
import type { SupportLogField, SupportLogMapping } from "./support-log-mapping";

/** What a row needs from the region: its schools by code (in the actor's scope) and МОЦ staff by name. */
export type RowContext = {
  schools: ReadonlyMap<string, { id: number; municipalityId: number }>;
  staff: readonly { id: number; fullName: string; municipalityId: number }[];
};

/** A row read and checked: the entry and the school it is for. */
export type SupportLogRecord = { rowNumber: number; municipalityId: number; entry: LogEntryInput };

/** «05.03.2025», «5.3.2025» or «2025-03-05» (also with a time, as a spreadsheet may give it) → ISO. */
export function readDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (ru) return `${ru[3]}-${(ru[2] ?? "").padStart(2, "0")}-${(ru[1] ?? "").padStart(2, "0")}`;
  return null;
}

const FIELD_OF_PATH: Record<string, SupportLogField> = {
  schoolId: "schoolCode",
  kind: "kind",
  audience: "audience",
  format: "format",
  heldOn: "heldOn",
  topic: "topic",
  staffId: "givenBy",
  givenBy: "givenBy",
  peopleCount: "peopleCount",
  findings: "findings",
};

/**
 * Reads one row of a МОЦ log file: the school by its code (in the actor's scope), the kind, audience
 * and format by their Russian names, the date, who gave it (a МОЦ staff member of the school's
 * municipality by full name, or the name as written), the people, the findings; checked by the same
 * rules as the form. Returns the record or the problems, each with its row and column.
 */
export function readSupportLogRow(
  row: TableRow,
  columns: { index: Partial<Record<SupportLogField, number>>; mapping: SupportLogMapping },
  context: RowContext,
): SupportLogRecord | FieldIssue[] {
  const cell = (field: SupportLogField) => {
    const at = columns.index[field];
    return at === undefined ? "" : unescapeCellText(row.cells[at] ?? "").trim();
  };
  const column = (field: SupportLogField) => columns.mapping.columns[field] ?? field;
  const issues: FieldIssue[] = [];
  const fail = (field: SupportLogField, message: string) =>
    issues.push({ row: row.rowNumber, column: column(field), message });
  const code = cell("schoolCode");
  const school = context.schools.get(code.toLowerCase());
  if (code === "") fail("schoolCode", "не указан код школы");
  else if (!school) fail("schoolCode", `школа с кодом «${code}» не найдена среди ваших школ`);
  const kind = readLabel("kind", cell("kind"));
  if (kind === null)
    fail("kind", `вид «${cell("kind")}» не распознан: консультация, собеседование или выезд`);
  const audienceText = cell("audience");
  const audience = audienceText === "" ? null : readLabel("audience", audienceText);
  if (audienceText !== "" && audience === null) {
    fail("audience", `«${audienceText}» не распознано: руководители, педагоги, родители или обучающиеся`);
  }
  const formatText = cell("format");
  const format =
    formatText === "" ? (kind === "visit" ? "visit" : "in_person") : readLabel("format", formatText);
  if (format === null) fail("format", `форма «${formatText}» не распознана: очно, дистанционно или выезд`);
  const heldOn = readDate(cell("heldOn"));
  if (heldOn === null) fail("heldOn", `дата «${cell("heldOn")}» — ожидается ДД.ММ.ГГГГ`);
  const people = parseNumber(cell("peopleCount"), { decimalComma: true, unit: "count" });
  const givenBy = cell("givenBy");
  const staff = context.staff.find(
    (s) => s.municipalityId === school?.municipalityId && s.fullName.toLowerCase() === givenBy.toLowerCase(),
  );
  if (issues.length > 0 || !school || kind === null || format === null || heldOn === null) return issues;
  const parsed = logEntryInputSchema.safeParse({
    schoolId: school.id,
    kind,
    audience,
    format,
    heldOn,
    topic: cell("topic"),
    staffId: staff?.id ?? null,
    givenBy: staff ? "" : givenBy,
    peopleCount: people.ok ? people.value : Number.NaN,
    findings: cell("findings"),
  });
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      row: row.rowNumber,
      column: column(FIELD_OF_PATH[String(issue.path[0])] ?? "topic"),
      message: issue.message,
    }));
  }
  return { rowNumber: row.rowNumber, municipalityId: school.municipalityId, entry: parsed.data };
}
