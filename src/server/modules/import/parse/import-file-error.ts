import { AppError, type ErrorCode, type FieldIssue } from "../../../platform/errors";

/**
 * Why an uploaded file cannot be read as a table at all (as opposed to a problem in one cell,
 * which is a FieldIssue). The reason lets the UI and the tests tell the cases apart.
 */
export type ImportFileErrorReason =
  | "file_too_large"
  | "empty_file"
  | "no_header"
  | "duplicate_headers"
  | "unnamed_column"
  | "row_too_long"
  | "too_many_rows"
  | "unsupported_format"
  | "unexpected_encoding"
  | "csv_malformed"
  | "xlsx_malformed"
  | "xlsx_no_workbook"
  | "xlsx_encrypted"
  | "zip_bomb"
  | "sheet_not_found"
  | "formula_without_result";

const TOO_LARGE: ReadonlySet<ImportFileErrorReason> = new Set([
  "file_too_large",
  "too_many_rows",
  "zip_bomb",
]);

/**
 * The one error of the file layer: an AppError (so the HTTP mapping applies: 413 for size limits,
 * 400 otherwise) with a `reason` and a Russian message that is shown to the user as is.
 */
export class ImportFileError extends AppError {
  readonly reason: ImportFileErrorReason;

  constructor(reason: ImportFileErrorReason, message: string, issues: FieldIssue[] = []) {
    const code: ErrorCode = TOO_LARGE.has(reason) ? "payload_too_large" : "invalid_input";
    super(code, message, issues);
    this.name = "ImportFileError";
    this.reason = reason;
  }
}

/** The Excel letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A column as the user can find it: «Год» (C), or just C when the header cell is empty. */
export function describeColumn(index: number, name: string | undefined): string {
  const letter = columnLetter(index);
  return name ? `«${name}» (${letter})` : letter;
}

/** A size in bytes for a message: «12,5 МБ». */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatRuNumber(Math.ceil(bytes / 1024))} КБ`;
  return `${formatRuNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} МБ`;
}

/** A number the way a Russian reader writes it: decimal comma, no thousands grouping (1,4; 2000000). */
export function formatRuNumber(value: number): string {
  return String(value).replace(".", ",");
}

/** Places one issue in a line for a report: «Строка 5, столбец «Доля»: значение … ». */
export function formatIssue(issue: FieldIssue): string {
  const place = [
    issue.row === undefined ? "" : `Строка ${issue.row}`,
    issue.column === undefined ? "" : `столбец «${issue.column}»`,
  ]
    .filter(Boolean)
    .join(", ");
  return place ? `${place}: ${issue.message}` : issue.message;
}
