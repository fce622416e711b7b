import type { FieldIssue } from "../../platform/errors";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { refuseSchoolWrite, type SchoolWriteRefusal } from "../access/school-write.policy";
import { normalizeHeaderName } from "./parse/table-header";
import type { RegionMunicipality, RegionSchool, SchoolWrite, StoredSchool } from "./school-import.repo";
import type { SchoolField, SchoolMapping } from "./school-mapping";
import { changedFieldLabels, refusalOfRow } from "./school-registry-refusals";
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

type MunicipalityRef = { id: number; newCode: string | null; isInScope: boolean } | { issue: string };

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
      if (municipality) return { id: municipality.id, newCode: null, isInScope: municipality.isInScope };
      if (!can(actor, "municipality.write")) {
        return { issue: `муниципалитет «${record.municipality}» не найден в регионе` };
      }
      const newCode = (code ?? record.municipality).slice(0, 64);
      created.set(newCode.toLowerCase(), { code: newCode, name: record.municipality });
      return { id: 0, newCode, isInScope: true };
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

/** The school write rule (refuseSchoolWrite, as PATCH /api/schools/:id applies it) for one registry row. */
function refusalOf(
  actor: Actor,
  regionId: number,
  existing: RegionSchool | undefined,
  ref: { id: number; newCode: string | null; isInScope: boolean },
  changes: boolean,
): SchoolWriteRefusal | null {
  const target = { regionId, isInScope: ref.isInScope };
  if (!existing) return refuseSchoolWrite(actor, { kind: "create", target });
  const moves = ref.newCode !== null || ref.id !== existing.municipalityId;
  if (existing.isInScope && !changes) return null;
  return refuseSchoolWrite(actor, {
    kind: "update",
    school: existing.isInScope ? { regionId } : null,
    changesIdentity: moves,
    target: moves ? target : undefined,
  });
}

/**
 * Decides, for every registry row, whether the school is created, updated or unchanged, and which
 * municipalities must be created. Every new or changed school passes the one school write rule
 * (refuseSchoolWrite): school.create for a new one, school.update for a change, school.create and a
 * municipality in scope for a move; a school out of the actor's scope is refused like a 404.
 * Problems (unknown or ambiguous municipality, a refused write) are issues naming the row and column.
 */
export function planRegistry(opts: {
  actor: Actor;
  regionId: number;
  mapping: SchoolMapping;
  records: SchoolRecord[];
  municipalities: RegionMunicipality[];
  schools: RegionSchool[];
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
    const write = {
      ...merge(record, existing, mapping),
      municipalityId: ref.id,
      code: existing?.code ?? record.code,
    };
    const changed = existing ? changedFieldLabels(write, existing) : [];
    const isChange = ref.newCode !== null || changed.length > 0;
    const refusal = refusalOf(actor, opts.regionId, existing, ref, isChange);
    if (refusal !== null) {
      const { column, message } = refusalOfRow(refusal, {
        code: record.code,
        municipality: record.municipality,
        changed,
        canCreate: can(actor, "school.create"),
      });
      const at = column === "code" ? mapping.columns.code : municipalityColumn;
      issues.add({ row: record.rowNumber, column: at, message });
      continue;
    }
    if (!existing) plan.created++;
    else if (!isChange) {
      plan.unchanged++;
      continue;
    } else plan.updated++;
    plan.writes.push({ ...write, newMunicipalityCode: ref.newCode });
  }
  plan.newMunicipalities = [...resolver.created.values()];
  return plan;
}
