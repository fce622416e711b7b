import { z } from "zod";
import { schoolListSchema } from "../../src/shared/api";

/** Signs in through the API (for test setup, not for what is being tested) and returns the session cookie. */
export async function apiCookie(baseUrl: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${login} failed: ${res.status}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

/** Finds a school by its code with a signed-in cookie. */
export async function findSchoolByCode(baseUrl: string, cookie: string, code: string) {
  const res = await fetch(`${baseUrl}/api/schools?q=${encodeURIComponent(code)}&limit=50`, {
    headers: { cookie },
  });
  const list = schoolListSchema.parse(await res.json());
  const school = list.items.find((s) => s.code === code);
  if (!school) throw new Error(`no school ${code}`);
  return school;
}

/** The newest audit entry's timestamp (ISO), read through the API. */
export async function newestAuditAt(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/audit?limit=1`, { headers: { cookie } });
  const [entry] = z.array(z.object({ at: z.string() })).parse(await res.json());
  if (!entry) throw new Error("the audit trail is empty");
  return entry.at;
}

/** GET through the API with a signed-in cookie, the answer checked against `schema` (test setup and checks). */
export async function apiGet<T>(
  baseUrl: string,
  cookie: string,
  path: string,
  schema: z.ZodType<T>,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return schema.parse(await res.json());
}

/** POST through the API with the session's CSRF token (test setup only). */
export async function apiPost(
  baseUrl: string,
  cookie: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const { csrfToken } = await apiGet(baseUrl, cookie, "/api/auth/me", z.object({ csrfToken: z.string() }));
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: {
      cookie,
      "x-csrf-token": csrfToken,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
