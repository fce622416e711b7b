import type { Case } from "../case";
import { multipartFile } from "../matrix-world";
import { eventOfM1 } from "./events.fixtures";

const regional = () => ({
  kind: "seminar",
  level: "regional",
  heldOn: "2025-03-14",
  topic: "Повышение качества образования",
  teachersCount: 73,
  municipalitiesCount: 7,
});
/** Who keeps an M1 event: M1's МОЦ and the region; M2's МОЦ does not see it; others lack the right. */
const keepersOfM1 = {
  mocM1: 200,
  adminA: 200,
  analystA: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  federal: 403,
  adminB: 404,
};

/** Events of every level with their schools and numbers, and their import (issue 12, point 3). */
export const EVENT_CASES: Case[] = [
  {
    route: "GET /api/events",
    request: async (w) => {
      await eventOfM1(w);
      return { method: "GET", url: "/api/events" };
    },
    self: "each user reads the events of their own scope",
    expect: { adminA: 200, mocM1: 200, mocM2: 200, directorS1: 200, mentorS1: 200, adminB: 200 },
    mustNotSee: { mocM2: () => ["Семинар матрицы"], adminB: () => ["Семинар матрицы"] },
  },
  {
    route: "POST /api/events",
    name: "a regional event",
    request: () => ({ method: "POST", url: "/api/events", payload: regional() }),
    self: "each region's operator adds events in its own region",
    expect: {
      adminA: 200,
      analystA: 200,
      adminB: 200,
      mocM1: 403,
      directorS1: 403,
      mentorS1: 403,
      federal: 403,
    },
  },
  {
    route: "POST /api/events",
    name: "a municipal event with S1",
    request: (w) => ({
      method: "POST",
      url: "/api/events",
      payload: { ...regional(), level: "municipal", schoolIds: [w.s1.id] },
    }),
    expect: keepersOfM1,
  },
  {
    route: "POST /api/events/import",
    request: (w) => ({
      method: "POST",
      url: "/api/events/import?dryRun=false",
      ...multipartFile(
        "events.csv",
        `Вид;Уровень;Дата;Тема;Коды школ;Педагогов\nОткрытый урок;школьный;12.02.2025;Урок физики;${w.s1.code};5\n`,
      ),
    }),
    self: "each keeper imports its own events; a school out of scope is an error of the row",
    expect: { mocM1: 200, adminA: 200, directorS1: 403, mentorS1: 403, federal: 403 },
  },
  {
    route: "GET /api/events/:id",
    request: async (w) => ({
      method: "GET",
      url: `/api/events/${await eventOfM1(w)}?regionId=${w.regionA.id}`,
    }),
    expect: {
      mocM1: 200,
      directorS1: 200,
      mentorS1: 200,
      specialistS1: 200,
      adminA: 200,
      analystA: 200,
      federal: 200,
      mocM2: 404,
      adminB: 404,
    },
  },
  {
    route: "PATCH /api/events/:id",
    request: async (w) => ({
      method: "PATCH",
      url: `/api/events/${await eventOfM1(w)}`,
      payload: { teachersCount: 20 },
    }),
    expect: keepersOfM1,
  },
  {
    route: "DELETE /api/events/:id",
    request: async (w) => ({ method: "DELETE", url: `/api/events/${await eventOfM1(w)}` }),
    expect: keepersOfM1,
  },
];
