import type { InjectOptions } from "fastify";
import { expect } from "vitest";
import type { Database } from "../../src/server/platform/db";
import type { Client } from "../support/http";
import { seedIdentification } from "./identification-support";
import { buildWorld, signInAll } from "./world";

/** The school year the teachers tests work in. */
export const TEACHERS_YEAR = 2025;

/** Sends a request and checks its status; returns the parsed body. */
export async function expectStatus(client: Client, status: number, request: InjectOptions) {
  const res = await client.request(request);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** The two-region world with catalogues seeded and every user signed in. */
export async function buildTeachersWorld(database: Database) {
  const world = await buildWorld(database);
  await seedIdentification(world.db, world.regionA.id);
  await seedIdentification(world.db, world.regionB.id);
  return { ...world, clients: await signInAll(world.app, world) };
}

/** The teachers world. */
export type TeachersWorld = Awaited<ReturnType<typeof buildTeachersWorld>>;

/** A multipart body with one file, as the import page sends it. */
export function fileUpload(fileName: string, content: string | Buffer) {
  const boundary = "----opora-teachers-boundary";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    typeof content === "string" ? Buffer.from(content, "utf8") : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A teacher as the registry form posts it. */
export function teacherBody(fullName: string, rest: Record<string, unknown> = {}) {
  return {
    fullName,
    position: "teacher",
    subjects: ["математика"],
    category: "first",
    experienceYears: 12,
    ...rest,
  };
}

/** Adds a teacher to a school through the API; returns the card. */
export async function postTeacher(
  client: Client,
  schoolId: number,
  fullName: string,
  rest: Record<string, unknown> = {},
) {
  return expectStatus(client, 200, {
    method: "POST",
    url: `/api/schools/${schoolId}/teachers`,
    payload: teacherBody(fullName, rest),
  });
}

/** Records test scores of a teacher through the API. */
export async function postScores(
  client: Client,
  teacherId: number,
  assessedOn: string,
  scores: Record<string, number>,
) {
  return expectStatus(client, 200, {
    method: "POST",
    url: `/api/teachers/${teacherId}/assessments`,
    payload: { source: "test", assessedOn, scores },
  });
}
