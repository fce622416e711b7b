import type { FieldIssue } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { normalizeHeaderName } from "./parse/table-header";
import type { RegionMunicipality, SchoolWrite, StoredSchool } from "./school-import.repo";
import type { SchoolField, SchoolMapping } from "./school-mapping";
import type { SchoolRecord } from "./school-rows";

/** What a registry import would do: new municipalities, schools to write, and the counts. */
export type RegistryPlan = {
  newMunicipalities: { code: string; name: string }[];
  /** Schools to write; a municipality id of 0 means the new municipality with `newMunicipalityCode`. */
  writes: (SchoolWrite & { newMunicipalityCode: string | null })[];
  created: number;
  updated: number;
  unchanged: number;
};

const OPTIONAL_FIELDS = [
  "shortName",
  "kind",
  "isRural",
  "isSmall",
  "students",
  "teachers",
  "address",
  "latitude",
  "longitude",
] as const satisfies readonly SchoolField[];

type MunicipalityRef = { id: number; newCode: string | null } | { issue: string };

function municipalityResolver(existing: RegionMunicipality[], actor: Actor) {
  const byCode = new Map(existing.map((m) => [m.code.toLowerCase(), m] as const));
  const byName = new Map<string, RegionMunicipality[]>();
  for (const m of existing) {
    const key = normalizeHeaderName(m.name);
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  const created = new Map<string, { code: string; name: string }>();
  return {
    created,
    resolve(record: SchoolRecord): MunicipalityRef {
      const code = record.municipalityCode ?? undefined;
      const found =
        (code === undefined ? undefined : byCode.get(code.toLowerCase())) ??
        byCode.get(record.municipality.toLowerCase());
      const named = found ? [found] : (byName.get(normalizeHeaderName(record.municipality)) ?? []);
      if (named.length > 1) {
        return {
          issue: `неоднозначно: муниципалитетов с именем «${record.municipality}» несколько — укажите код муниципалитета`,
        };
      }
      const [municipality] = named;
      if (municipality) {
        if (actor.role === "moc_coordinator" && municipality.id !== actor.municipalityId) {
          return { issue: `муниципалитет «${record.municipality}» вне вашей области` };
        }
        return { id: municipality.id, newCode: null };
      }
      if (!can(actor, "municipality.write")) {
        return { issue: `муниципалитет «${record.municipality}» не найден в регионе` };
      }
      const newCode = (code ?? record.municipality).slice(0, 64);
      created.set(newCode.toLowerCase(), { code: newCode, name: record.municipality });
      return { id: 0, newCode };
    },
  };
}

function merge(record: SchoolRecord, stored: StoredSchool | undefined, mapping: SchoolMapping): SchoolWrite {
  const merged: SchoolWrite = {
    municipalityId: 0,
    code: record.code,
    fullName: record.fullName,
    shortName: record.shortName,
    kind: record.kind,
    isRural: record.isRural,
    isSmall: record.isSmall,
    students: record.students,
    teachers: record.teachers,
    address: record.address,
    latitude: record.latitude,
    longitude: record.longitude,
  };
  if (!stored) return merged;
  const keep: Partial<SchoolWrite> = {};
  for (const field of OPTIONAL_FIELDS) {
    if (mapping.columns[field] === undefined) Object.assign(keep, { [field]: stored[field] });
  }
  return { ...merged, ...keep };
}

function isSame(a: SchoolWrite, b: StoredSchool): boolean {
  return (Object.keys(a) as (keyof SchoolWrite)[]).every((key) => a[key] === b[key]);
}

/**
 * Decides, for every registry row, whether the school is created, updated or unchanged, and which
 * municipalities must be created; problems (unknown or ambiguous municipality, no right to create
 * a school, a school out of the actor's scope) are issues naming the row and column.
 */
export function planRegistry(opts: {
  actor: Actor;
  mapping: SchoolMapping;
  records: SchoolRecord[];
  municipalities: RegionMunicipality[];
  schools: StoredSchool[];
  issues: { add: (issue: FieldIssue) => void };
}): RegistryPlan {
  const { actor, mapping, issues } = opts;
  const resolver = municipalityResolver(opts.municipalities, actor);
  const stored = new Map(opts.schools.map((s) => [s.code.toLowerCase(), s] as const));
  const plan: RegistryPlan = { newMunicipalities: [], writes: [], created: 0, updated: 0, unchanged: 0 };
  const municipalityColumn = mapping.columns.municipalityCode ?? mapping.columns.municipality;
  for (const record of opts.records) {
    const ref = resolver.resolve(record);
    if ("issue" in ref) {
      issues.add({ row: record.rowNumber, column: municipalityColumn, message: ref.issue });
      continue;
    }
    const existing = stored.get(record.code.toLowerCase());
    const place = { row: record.rowNumber, column: mapping.columns.code };
    if (!existing && !can(actor, "school.create")) {
      issues.add({ ...place, message: `школы с кодом «${record.code}» нет, а создавать школы вам нельзя` });
      continue;
    }
    if (existing && actor.role === "moc_coordinator" && existing.municipalityId !== actor.municipalityId) {
      issues.add({ ...place, message: `школа «${record.code}» вне вашей области` });
      continue;
    }
    const write = {
      ...merge(record, existing, mapping),
      municipalityId: ref.id,
      code: existing?.code ?? record.code,
    };
    if (!existing) plan.created++;
    else if (ref.newCode === null && isSame(write, existing)) {
      plan.unchanged++;
      continue;
    } else plan.updated++;
    plan.writes.push({ ...write, newMunicipalityCode: ref.newCode });
  }
  plan.newMunicipalities = [...resolver.created.values()];
  return plan;
}
