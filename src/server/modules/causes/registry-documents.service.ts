import type { CauseRegistryView, RegistryQuery, RegistryScopeView } from "../../../shared/school-causes-api";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { buildCausesRegistryDocx } from "./documents/causes-registry.docx";
import type { CausesRegistryInput, RegistryGroup } from "./documents/causes-registry.model";
import { buildCausesRegistryXlsx } from "./documents/causes-registry.xlsx";
import { getCauseRegistry } from "./registry.service";

/**
 * A scope of the registry as a group of the documents: its causes present this year or the year
 * before, each with its schools named (with their municipality in a table of several) and last
 * year's count.
 */
function toGroup(
  scope: RegistryScopeView,
  municipality: string | null,
  names: ReadonlyMap<number, string> | null,
): RegistryGroup {
  return {
    municipality,
    programmeSchools: scope.programmeSchools,
    causes: scope.rows
      .filter((row) => row.schools > 0 || (row.previousSchools ?? 0) > 0)
      .map((row) => ({
        cause: row.title,
        schools: row.schoolList.map((school) => ({
          name: school.schoolName,
          municipality: names?.get(school.schoolId) ?? null,
        })),
        previousYearSchools: row.previousSchools,
      })),
  };
}

/**
 * The registry as the document builders read it: for one municipality a single table; for a region
 * the table of the whole territory (schools named with their municipality) and then one per
 * municipality.
 */
export function registryDocumentInput(registry: CauseRegistryView): CausesRegistryInput {
  const base = { territory: registry.territory, year: registry.year };
  if (registry.municipalityId !== null) return { ...base, groups: [toGroup(registry.region, null, null)] };
  const municipalityOf = new Map<number, string>();
  for (const scope of registry.municipalities) {
    for (const row of scope.rows)
      for (const school of row.schoolList) municipalityOf.set(school.schoolId, scope.name);
  }
  return {
    ...base,
    groups: [
      toGroup(registry.region, null, municipalityOf),
      ...registry.municipalities.map((scope) => toGroup(scope, scope.name, null)),
    ],
  };
}

/** The registry of causes as XLSX (the same scope rules as the registry itself). */
export async function exportRegistryXlsx(opts: {
  db: Db;
  actor: Actor;
  query: RegistryQuery;
}): Promise<Buffer> {
  return buildCausesRegistryXlsx(registryDocumentInput(await getCauseRegistry(opts)));
}

/** The registry of causes as DOCX (the same scope rules as the registry itself). */
export async function exportRegistryDocx(opts: {
  db: Db;
  actor: Actor;
  query: RegistryQuery;
}): Promise<Buffer> {
  return buildCausesRegistryDocx(registryDocumentInput(await getCauseRegistry(opts)));
}
