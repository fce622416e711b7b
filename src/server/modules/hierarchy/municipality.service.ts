import { and, eq } from "drizzle-orm";
import type { MunicipalityDetail, RegionOverview } from "../../../shared/api";
import { municipalities, regions } from "../../db/schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { municipalityScope, regionScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findMocWithStaff, findMunicipalitySummaries, findRegions } from "./hierarchy.repo";

/** Regions the actor may see (one for everyone but a federal operator). */
export async function listRegions({ db, actor }: { db: Db; actor: Actor }) {
  return (await findRegions(db, regionScope(actor))).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    isDemo: r.isDemo,
  }));
}

/** Municipalities in the actor's scope with school figures. */
export async function listMunicipalities({ db, actor }: { db: Db; actor: Actor }) {
  requirePermission(actor, "municipality.read");
  return findMunicipalitySummaries(db, municipalityScope(actor));
}

/** A municipality's page; 404 when missing or out of scope. */
export async function getMunicipalityById({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<MunicipalityDetail> {
  requirePermission(actor, "municipality.read");
  const [summary] = await findMunicipalitySummaries(
    db,
    and(eq(municipalities.id, id), municipalityScope(actor)),
  );
  if (!summary) throw notFound("Муниципалитет");
  return {
    ...summary,
    moc: await findMocWithStaff(db, id),
    permissions: { canEditStaff: can(actor, "staff.write"), canCreateSchool: can(actor, "school.create") },
  };
}

/** The region overview: totals and municipalities. A federal operator names the region. */
export async function getRegionOverview({
  db,
  actor,
  regionId,
}: {
  db: Db;
  actor: Actor;
  regionId?: number;
}): Promise<RegionOverview> {
  requirePermission(actor, "region.read");
  const id = regionId ?? actor.regionId;
  if (id === null)
    throw new AppError("invalid_input", "Выберите регион", [
      { path: "regionId", message: "Выберите регион" },
    ]);
  const [region] = await findRegions(db, and(eq(regions.id, id), regionScope(actor)));
  if (!region) throw notFound("Регион");
  const list = await findMunicipalitySummaries(
    db,
    and(eq(municipalities.regionId, id), municipalityScope(actor)),
  );
  const sumOf = (f: (m: (typeof list)[number]) => number) => list.reduce((s, m) => s + f(m), 0);
  const schools = sumOf((m) => m.schoolCount);
  const rural = sumOf((m) => m.ruralCount);
  const students = sumOf((m) => m.students);
  const ruralStudents = sumOf((m) => m.ruralStudents);
  const small = sumOf((m) => m.smallCount);
  return {
    region: { id: region.id, code: region.code, name: region.name, isDemo: region.isDemo },
    totals: {
      municipalities: list.length,
      schools,
      ruralSchools: rural,
      smallRuralSchools: small,
      students,
      ruralStudents,
      ruralShare: schools ? rural / schools : 0,
      smallShareOfRural: rural ? small / rural : 0,
      ruralStudentShare: students ? ruralStudents / students : 0,
    },
    municipalities: list,
  };
}
