import type { z } from "zod";
import { type ApiError, errorSchema } from "../../shared/api";
import { i18n } from "../i18n/i18n";

/** A failed API request: the HTTP status and the server's error body (message in Russian). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiError["issues"];

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = body.error;
    this.issues = body.issues;
  }
}

/** True when the error is an API answer with one of the given HTTP statuses. */
export function isApiStatus(error: unknown, ...statuses: number[]): error is ApiRequestError {
  return error instanceof ApiRequestError && statuses.includes(error.status);
}

let csrfToken = "";

/** Remembers the session's CSRF token; every POST/PATCH/DELETE sends it in `x-csrf-token`. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** A query string from the defined values only: `{ q: "a", limit: 10, x: undefined }` → `?q=a&limit=10`. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function readError(response: Response): Promise<ApiRequestError> {
  const fallback: ApiError = {
    error: "http_error",
    message: i18n.t("errors.http", { status: response.status }),
    issues: [],
  };
  try {
    const parsed = errorSchema.safeParse(await response.json());
    return new ApiRequestError(response.status, parsed.success ? parsed.data : fallback);
  } catch {
    return new ApiRequestError(response.status, fallback);
  }
}

/** 204 and empty bodies (e.g. after DELETE) parse as undefined; a body that is not JSON as null. */
function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function request<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiRequestError(0, { error: "network", message: i18n.t("errors.network"), issues: [] });
  }
  if (!response.ok) throw await readError(response);
  const parsed = schema.safeParse(parseBody(await response.text()));
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error);
    throw new ApiRequestError(response.status, {
      error: "bad_response",
      message: i18n.t("errors.badResponse"),
      issues: [],
    });
  }
  return parsed.data;
}

/** GET a JSON resource and check it against its schema. */
export function apiGet<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  return request(path, { method: "GET", headers: { accept: "application/json" } }, schema);
}

/** POST, PUT, PATCH or DELETE with a JSON body and the CSRF header; the answer is checked against `schema`. */
export function apiSend<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "x-csrf-token": csrfToken };
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  return request(path, init, schema);
}

/** POST or PUT a file as multipart/form-data (field `file`) with the CSRF header; the answer is checked against `schema`. */
export function apiUpload<T>(
  method: "POST" | "PUT",
  path: string,
  file: File,
  schema: z.ZodType<T>,
): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  const headers: Record<string, string> = { accept: "application/json", "x-csrf-token": csrfToken };
  return request(path, { method, headers, body: form }, schema);
}
