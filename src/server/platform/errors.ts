/** Error codes the application raises; mapped to HTTP statuses in one place. */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  csrf: 403,
  rate_limited: 429,
  payload_too_large: 413,
} as const;

/** A code of AppError. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A problem in one cell or field, shown to the user with its place. */
export type FieldIssue = { row?: number; column?: string; path?: string; message: string };

/** The one error type of the application: a code, a Russian message for the user and optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = issues;
  }

  /** The HTTP status for this error. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for a 404 that says nothing about whether the thing exists elsewhere. */
export function notFound(what = "Объект"): AppError {
  return new AppError("not_found", `${what} не найден`);
}

/** Shorthand for a 403. */
export function forbidden(message = "Недостаточно прав"): AppError {
  return new AppError("forbidden", message);
}
