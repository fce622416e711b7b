import { z } from "zod";
import type { FieldIssue } from "../../platform/errors";
import { normalizeHeaderName } from "./parse/table-header";

const headerName = z.string().trim().min(1, "Название столбца не может быть пустым");

/** The columns of a school registry file; only code, full name and municipality are required. */
const schoolColumnsSchema = z.strictObject({
  code: headerName,
  fullName: headerName,
  municipality: headerName,
  shortName: headerName.optional(),
  municipalityCode: headerName.optional(),
  kind: headerName.optional(),
  isRural: headerName.optional(),
  isSmall: headerName.optional(),
  students: headerName.optional(),
  teachers: headerName.optional(),
  address: headerName.optional(),
  latitude: headerName.optional(),
  longitude: headerName.optional(),
});

/**
 * The mapping of a school registry file (`opora import schools FILE --mapping M.json`): which
 * header column holds each field. The municipality column is matched against the municipalities'
 * names and codes; `municipalityCode` (optional) is matched against codes first and becomes the
 * code of a municipality the import creates.
 *
 * @example
 * ```json
 * { "columns": { "code": "Код ОО", "fullName": "Наименование", "municipality": "Муниципалитет",
 *   "kind": "Вид", "isRural": "Сельская", "students": "Обучающихся" } }
 * ```
 */
export const schoolMappingSchema = z.strictObject({
  columns: schoolColumnsSchema,
  sheet: z.string().trim().min(1).optional(),
});

/** A mapping of a school registry file. */
export type SchoolMapping = z.infer<typeof schoolMappingSchema>;

/** A field of a school registry row. */
export type SchoolField = keyof SchoolMapping["columns"];

const SYNONYMS: Record<SchoolField, readonly string[]> = {
  code: ["код", "код оо", "код школы", "код организации", "school code", "school id", "code", "id"],
  fullName: [
    "полное наименование",
    "наименование",
    "наименование оо",
    "наименование школы",
    "название",
    "школа",
    "school",
    "school name",
    "name",
    "name ro",
  ],
  shortName: ["краткое наименование", "сокращенное наименование", "short name"],
  municipality: [
    "муниципалитет",
    "муниципальное образование",
    "мо",
    "район",
    "municipality",
    "district",
    "city",
  ],
  municipalityCode: ["код муниципалитета", "код мо", "municipality code"],
  kind: ["вид", "вид оо", "тип", "тип оо", "kind", "type"],
  isRural: ["сельская", "сельская школа", "село", "rural", "is rural"],
  isSmall: ["малокомплектная", "small", "is small"],
  students: ["обучающихся", "число обучающихся", "количество обучающихся", "контингент", "students"],
  teachers: ["педагогов", "число педагогов", "количество педагогов", "teachers"],
  address: ["адрес", "address"],
  latitude: ["широта", "lat", "latitude"],
  longitude: ["долгота", "lon", "lng", "longitude"],
};

/** Proposes a school mapping from a header by the usual Russian and English column names. */
export function guessSchoolMapping(header: readonly string[]): {
  mapping: Partial<SchoolMapping["columns"]>;
} {
  const columns: Partial<Record<SchoolField, string>> = {};
  const used = new Set<string>();
  for (const field of Object.keys(SYNONYMS) as SchoolField[]) {
    const name = header.find((h) => !used.has(h) && SYNONYMS[field].includes(normalizeHeaderName(h)));
    if (name !== undefined) {
      columns[field] = name;
      used.add(name);
    }
  }
  return { mapping: columns };
}

/** Validates a school mapping with Russian messages. */
export function parseSchoolMapping(
  input: unknown,
): { ok: true; mapping: SchoolMapping } | { ok: false; issues: FieldIssue[] } {
  const parsed = schoolMappingSchema.safeParse(input);
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

/** Column indexes of a school mapping in a header, or the columns it names that the file lacks. */
export function resolveSchoolColumns(
  mapping: SchoolMapping,
  header: readonly string[],
): { ok: true; index: Partial<Record<SchoolField, number>> } | { ok: false; issues: FieldIssue[] } {
  const positions = new Map(header.map((name, i) => [normalizeHeaderName(name), i] as const));
  const index: Partial<Record<SchoolField, number>> = {};
  const issues: FieldIssue[] = [];
  for (const [field, name] of Object.entries(mapping.columns) as [SchoolField, string | undefined][]) {
    if (name === undefined) continue;
    const at = positions.get(normalizeHeaderName(name));
    if (at === undefined) issues.push({ column: name, message: `в файле нет столбца «${name}»` });
    else index[field] = at;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, index };
}
