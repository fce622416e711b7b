import { signIn } from "../../../support/http";
import type { Case } from "../case";

const newLogin = () => `new.${Math.random().toString(36).slice(2, 8)}`;

/** Health, demo sign-ins, sign-in and profile, users and the audit log. */
export const SYSTEM_CASES: Case[] = [
  {
    route: "GET /api/health",
    request: () => ({ method: "GET", url: "/api/health" }),
    anonymous: { status: 200, reason: "a load balancer checks the service without signing in" },
    self: "says nothing about any region",
    expect: { adminA: 200 },
  },
  {
    route: "GET /api/demo/sign-ins",
    request: () => ({ method: "GET", url: "/api/demo/sign-ins" }),
    anonymous: { status: 200, reason: "the sign-in page asks it; empty outside a demo installation" },
    self: "the same answer for everyone",
    expect: { adminA: 200 },
  },
  {
    route: "POST /api/auth/login",
    request: () => ({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "nobody", password: "wrong-password" },
    }),
    anonymous: { status: 401, reason: "a wrong password is refused like a missing session" },
    self: "signs in whoever gives a right password",
    expect: { adminA: 401 },
  },
  {
    route: "POST /api/auth/logout",
    name: "a fresh session of region A's admin signs out",
    request: async (w) => {
      const fresh = await signIn(w.app, w.users.adminA.login);
      return {
        method: "POST",
        url: "/api/auth/logout",
        headers: { cookie: fresh.cookie, "x-csrf-token": fresh.csrfToken },
      };
    },
    self: "a session ends only itself: the cookie sent is the one that ends",
    expect: { adminA: 200 },
  },
  {
    route: "GET /api/auth/me",
    request: () => ({ method: "GET", url: "/api/auth/me" }),
    self: "the caller's own profile",
    expect: { mocM1: 200, adminB: 200, federal: 200, specialistS1: 200 },
  },
  {
    route: "GET /api/users",
    request: () => ({ method: "GET", url: "/api/users" }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, directorS1: 403, federal: 403, specialistS1: 403 },
    self: "a region admin lists the users of its own region",
    mustNotSee: { adminB: (w) => [w.users.adminA.login, w.users.mocM1.login] },
  },
  {
    route: "POST /api/users",
    request: (w) => ({
      method: "POST",
      url: "/api/users",
      payload: {
        login: newLogin(),
        password: "long-enough-1",
        fullName: "Новый Пользователь",
        role: "moc_coordinator",
        municipalityId: w.m1.id,
      },
    }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, mocM2: 403, federal: 403, adminB: 404 },
  },
  {
    route: "PATCH /api/users/:id",
    request: (w) => ({
      method: "PATCH",
      url: `/api/users/${w.users.mocM2.id}`,
      payload: { fullName: "Координатор М2" },
    }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, mocM2: 403, federal: 403, adminB: 404 },
  },
  {
    route: "GET /api/audit",
    request: () => ({ method: "GET", url: "/api/audit" }),
    expect: { adminA: 200, analystA: 403, mocM1: 403, directorS1: 403, federal: 403 },
    self: "a region admin reads its own region's entries",
    mustNotSee: { adminB: (w) => [w.users.mocM2.login] },
  },
];
