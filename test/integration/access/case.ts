import type { InjectOptions } from "fastify";
import type { Clients } from "../world";
import type { MatrixWorld } from "./matrix-world";

/** A signed-in user of the matrix world. */
export type UserKey = keyof Clients;

/** Every user of the matrix, in the order the refusals are tried. */
export const USER_KEYS: readonly UserKey[] = [
  "federal",
  "adminA",
  "analystA",
  "mocM1",
  "mocM2",
  "directorS1",
  "mentorS1",
  "specialistS1",
  "adminB",
];

/** Users of region A below the region level: one of them is «another municipality» for any M1 or M2 row. */
export const MUNICIPAL_KEYS: readonly UserKey[] = [
  "mocM1",
  "mocM2",
  "directorS1",
  "mentorS1",
  "specialistS1",
];

/**
 * One row of the access matrix: a request to one registered route and, for each kind of user, the
 * status it must answer. Anonymous always gets 401 unless the row says why the route is public.
 */
export type Case = {
  /** The registered route, as Fastify has it: "GET /api/schools/:id". */
  route: string;
  /** What the row checks, when a route has several rows. */
  name?: string;
  request: (w: MatrixWorld) => InjectOptions | Promise<InjectOptions>;
  /** Expected status per user; at least one 2xx (the owner) and, unless `self`, refusals outside. */
  expect: Partial<Record<UserKey, number>>;
  /** A public route: what anonymous gets instead of 401, and why. */
  anonymous?: { status: number; reason: string };
  /**
   * A route about the signed-in user or their own scope (sign-in, profile, lists in scope): users of
   * other places get their own data, so no refusal is required; `mustNotSee` checks the rest.
   */
  self?: string;
  /**
   * A thing of the region as a whole (its catalogue, its rule sets): every user of the region may read
   * it, so only another region must be refused.
   */
  regionWide?: string;
  /** Strings (names, codes) of other places that must not appear in a user's 2xx answer. */
  mustNotSee?: Partial<Record<UserKey, (w: MatrixWorld) => string[]>>;
};

/** The statuses a refused request may answer: forbidden, or not found with nothing said. */
export function isRefusal(status: number): boolean {
  return status === 403 || status === 404;
}
