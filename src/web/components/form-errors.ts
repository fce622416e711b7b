import type { z } from "zod";
import type { ApiError } from "../../shared/api";
import { ApiRequestError } from "../app/api-client";

/** Form errors keyed by field path, as @mantine/form takes them. */
export type FieldErrors = Record<string, string>;

/** The result of checking a form's values with a shared zod schema. */
export type Checked<T> = { isValid: true; data: T } | { isValid: false; errors: FieldErrors };

/** Checks values with a zod schema; on failure returns the first message per field. */
export function checkWithSchema<T>(schema: z.ZodType<T>, values: unknown): Checked<T> {
  const result = schema.safeParse(values);
  if (result.success) return { isValid: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { isValid: false, errors };
}

/** The server's field issues (`body.code` → `code`) as form errors. */
export function serverFieldErrors(issues: ApiError["issues"]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    if (!issue.path) continue;
    const key = issue.path.replace(/^body\./, "");
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** Field errors from a failed request, empty when the error is not an API answer with issues. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return error instanceof ApiRequestError ? serverFieldErrors(error.issues) : {};
}
