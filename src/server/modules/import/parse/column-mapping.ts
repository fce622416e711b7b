import { z } from "zod";
import type { FieldIssue } from "../../../platform/errors";

const headerName = z.string().trim().min(1, "Название столбца не может быть пустым");

/** Which header columns hold the school, the year, and (long layout) the indicator and value. */
const mappedColumnsSchema = z.strictObject({
  schoolCode: headerName.optional(),
  schoolName: headerName.optional(),
  municipality: headerName.optional(),
  year: headerName.optional(),
  indicator: headerName.optional(),
  value: headerName.optional(),
});

/** The fields of a mapping, before the rules between them (checkMapping). */
const mappingShape = z.strictObject({
  layout: z.enum(["long", "wide"], { error: "Укажите раскладку: long (длинная) или wide (широкая)" }),
  columns: mappedColumnsSchema,
  indicators: z
    .record(headerName, z.string().trim().min(1, "Код показателя не может быть пустым"))
    .optional(),
  year: z.number().int().min(2000, "Год не раньше 2000").max(2100, "Год не позже 2100").optional(),
  sheet: z.string().trim().min(1).optional(),
  decimalComma: z.boolean().optional(),
});

/** The rules between a mapping's fields: an owner column, a year (unless remembered), the layout's columns. */
function checkMapping(
  mapping: z.infer<typeof mappingShape>,
  context: z.RefinementCtx,
  options: { needsYear: boolean },
): void {
  const { columns } = mapping;
  if (!columns.schoolCode && !columns.municipality) {
    context.addIssue({
      code: "custom",
      path: ["columns"],
      message:
        "Укажите столбец с кодом школы, или наименование школы и муниципалитет, или (для показателей муниципалитета) столбец муниципалитета",
    });
  }
  if (options.needsYear && !columns.year && mapping.year === undefined) {
    context.addIssue({
      code: "custom",
      path: ["year"],
      message: "Укажите столбец года или год для всего файла",
    });
  }
  if (mapping.layout === "long" && !(columns.indicator && columns.value)) {
    context.addIssue({
      code: "custom",
      path: ["columns"],
      message: "В длинной раскладке нужны столбцы «показатель» и «значение»",
    });
  }
  if (mapping.layout === "wide" && Object.keys(mapping.indicators ?? {}).length === 0) {
    context.addIssue({
      code: "custom",
      path: ["indicators"],
      message: "В широкой раскладке сопоставьте хотя бы один столбец с показателем",
    });
  }
}

/**
 * How the columns of an uploaded table map onto value records; also the format of the mapping
 * file of the CLI (`opora import values --mapping mapping.json`). Column names are matched
 * against the header ignoring case, ё/е and extra spaces.
 *
 * - layout "long": one value a row; needs `columns.indicator` (codes or names) and `columns.value`.
 * - layout "wide": one school a row, one column per indicator; `indicators` maps header → code.
 * - the school is found by `schoolCode`, or by `schoolName` together with `municipality`.
 * - a row whose school cells are empty and whose `municipality` cell is filled holds values of
 *   municipality-level indicators for that municipality (found by code or name); a mapping may
 *   name only `municipality` for a file of municipality values.
 * - the year comes from `columns.year`, or else from `year` for the whole file.
 * - `sheet` picks the worksheet of an XLSX (the first one by default); `decimalComma` overrides
 *   the detected decimal mark.
 *
 * @example A wide mapping file:
 * ```json
 * {
 *   "layout": "wide",
 *   "columns": { "schoolCode": "Код ОО", "schoolName": "Наименование", "municipality": "Муниципалитет" },
 *   "indicators": {
 *     "Доля обучающихся на «4» и «5»": "share_good_marks",
 *     "Педагог-психолог в штате": "has_psychologist"
 *   },
 *   "year": 2023,
 *   "sheet": "Данные",
 *   "decimalComma": true
 * }
 * ```
 * @example A long mapping file:
 * ```json
 * { "layout": "long", "columns": { "schoolCode": "код", "year": "год", "indicator": "показатель", "value": "значение" } }
 * ```
 */
export const columnMappingSchema = mappingShape.superRefine((mapping, context) =>
  checkMapping(mapping, context, { needsYear: true }),
);

/**
 * A mapping as remembered for a file layout: the same as columnMappingSchema, except that the year
 * may be missing (a year for the whole file belongs to one file; the import asks for it again).
 */
export const rememberedMappingSchema = mappingShape.superRefine((mapping, context) =>
  checkMapping(mapping, context, { needsYear: false }),
);

/** A column mapping (see columnMappingSchema for the format and an example). */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The role of a mapped column, as a key of ColumnMapping["columns"]. */
export type ColumnRole = keyof ColumnMapping["columns"];

/** A mapping checked against the schema, or the issues with the place of each (`path`). */
export type MappingParseResult = { ok: true; mapping: ColumnMapping } | { ok: false; issues: FieldIssue[] };

/** Validates a mapping from JSON (a CLI mapping file, a saved mapping, a form) with Russian messages. */
export function parseColumnMapping(input: unknown): MappingParseResult {
  const parsed = columnMappingSchema.safeParse(input);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}

/** Validates a remembered mapping (which may lack the year), with the issues as parseColumnMapping gives them. */
export function parseRememberedMapping(input: unknown): MappingParseResult {
  const parsed = rememberedMappingSchema.safeParse(input);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}
