import { eq } from "drizzle-orm";
import { type AnswerValue, listQuestions, type Workbook } from "../../src/core/causes";
import { auditLog, identificationRuns } from "../../src/server/db/schema";
import { seedCauses } from "../../src/server/modules/causes/causes-seed.service";
import { insertRun } from "../../src/server/modules/identification/run.repo";
import type { Database, Db } from "../../src/server/platform/db";
import type { Client } from "../support/http";
import { seedIdentification } from "./identification-support";
import { buildWorld, signInAll } from "./world";

/** The school year the causes tests work in. */
export const CAUSES_YEAR = 2025;

/**
 * The two-region world with each region's indicator catalogue, rule sets and causes catalogue
 * (factors, workbook version 1, measure library) seeded, as the demo loader does, and every user signed in.
 */
export async function buildCausesWorld(database: Database) {
  const world = await buildWorld(database);
  for (const region of [world.regionA, world.regionB]) {
    await seedIdentification(world.db, region.id);
    await seedCauses(world.db, region.id);
  }
  const clients = await signInAll(world.app, world);
  return { ...world, clients };
}

/** The causes world. */
export type CausesWorld = Awaited<ReturnType<typeof buildCausesWorld>>;

/**
 * Stores an approved identification run of a region and year whose results give each listed school
 * its category (the run through the identification repository, its approval as the run's row keeps
 * it): the registry reads only the latest approved run's categories.
 */
export async function storeApprovedRun(
  db: Db,
  opts: {
    regionId: number;
    year: number;
    schools: {
      id: number;
      municipalityId: number;
      code: string;
      category: "shnro" | "shfnsu" | "both" | "none";
    }[];
  },
): Promise<number> {
  const runId = await insertRun(
    db,
    { regionId: opts.regionId, year: opts.year, ruleSets: [], createdBy: null, createdByName: "Тест" },
    opts.schools.map((school) => ({
      schoolId: school.id,
      municipalityId: school.municipalityId,
      schoolCode: school.code,
      schoolName: school.code,
      isRural: false,
      category: school.category,
      riskFlags: [],
      reasons: [],
      details: [],
    })),
  );
  await db
    .update(identificationRuns)
    .set({ status: "approved", approvedByName: "Тест", approvedAt: new Date() })
    .where(eq(identificationRuns.id, runId));
  return runId;
}

/** The audit entries of an entity, oldest first. */
export async function auditOf(db: Db, entity: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.entity, entity));
  return rows.sort((a, b) => a.id - b.id);
}

/** Sends a request and returns the parsed body, failing the test with the body on an unexpected status. */
export async function expectStatus(client: Client, status: number, opts: Parameters<Client["request"]>[0]) {
  const res = await client.request(opts);
  if (res.statusCode !== status) {
    throw new Error(`${opts.method} ${opts.url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  }
  return res.json();
}

/** A valid answer to every question of a workbook (risky ones mostly), for tests that submit. */
export function answerAll(workbook: Workbook): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const { question } of listQuestions(workbook)) {
    switch (question.type) {
      case "yes_no":
        answers[question.code] = false;
        break;
      case "scale":
        answers[question.code] = question.worseWhen === "higher" ? question.max : question.min;
        break;
      case "single_choice":
        answers[question.code] = question.options[question.options.length - 1]?.code ?? null;
        break;
      case "multiple_choice":
        answers[question.code] = question.options.slice(0, 1).map((option) => option.code);
        break;
      case "number":
        answers[question.code] = question.min ?? 0;
        break;
      case "text":
        answers[question.code] = "Ответ";
        break;
    }
  }
  return answers;
}
