import { eventSchools, events, partnerAgreements } from "../../src/server/db/schema";
import type { Database, Db } from "../../src/server/platform/db";
import { storeApprovedRun } from "./causes-support";
import { buildWorld, signInAll } from "./world";

/** The programme year the monitoring tests report on: the schools of the approved run of 2025. */
export const MONITORING_YEAR = 2026;

async function addEvent(db: Db, regionId: number, level: string, heldOn: string, schoolIds: number[]) {
  const [row] = await db
    .insert(events)
    .values({
      regionId,
      kind: "seminar",
      level: level as "federal",
      heldOn,
      topic: `Семинар ${level} ${heldOn}`,
    })
    .returning({ id: events.id });
  if (!row) throw new Error("no event");
  await db.insert(eventSchools).values(schoolIds.map((schoolId) => ({ eventId: row.id, schoolId })));
  return row.id;
}

/**
 * The two-region world with approved identification runs: region A's of 2024 (S1 and S1B in the
 * programme of 2025) and of 2025 (S1 and S2 in the programme of 2026; S1B not), region B's of 2025
 * (S3). What Opora holds for the computed indicators: S1 took part in a federal event (February 2026),
 * a municipal one (October 2025, with S2) and its own school event, and has agreements with a partner
 * school (S1B) and a library; S2 has only the municipal event.
 */
export async function buildMonitoringWorld(database: Database) {
  const world = await buildWorld(database);
  const { db, regionA, regionB, s1, s1b, s2, s3 } = world;
  await storeApprovedRun(db, {
    regionId: regionA.id,
    year: 2024,
    schools: [
      { ...s1, category: "shnro" },
      { ...s1b, category: "shfnsu" },
      { ...s2, category: "none" },
    ],
  });
  await storeApprovedRun(db, {
    regionId: regionA.id,
    year: 2025,
    schools: [
      { ...s1, category: "shnro" },
      { ...s1b, category: "none" },
      { ...s2, category: "both" },
    ],
  });
  await storeApprovedRun(db, { regionId: regionB.id, year: 2025, schools: [{ ...s3, category: "shnro" }] });
  await addEvent(db, regionA.id, "federal", "2026-02-10", [s1.id]);
  await addEvent(db, regionA.id, "municipal", "2025-10-01", [s1.id, s2.id]);
  await addEvent(db, regionA.id, "school", "2026-03-15", [s1.id]);
  await db.insert(partnerAgreements).values([
    {
      regionId: regionA.id,
      schoolId: s1.id,
      partnerKind: "school",
      partnerSchoolId: s1b.id,
      startsOn: "2025-09-01",
    },
    {
      regionId: regionA.id,
      schoolId: s1.id,
      partnerKind: "library",
      partnerName: "Библиотека",
      startsOn: "2025-09-01",
    },
  ]);
  const clients = await signInAll(world.app, world);
  return {
    ...world,
    clients,
    addEvent: (level: string, heldOn: string, ids: number[]) => addEvent(db, regionA.id, level, heldOn, ids),
  };
}

/** The monitoring world. */
export type MonitoringWorld = Awaited<ReturnType<typeof buildMonitoringWorld>>;
