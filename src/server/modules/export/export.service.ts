import type { Db } from "../../platform/db";
import { AppError, forbidden } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import { municipalityScope, schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { currentSchoolYear } from "../forms/form-dashboard.service";
import { findMunicipality } from "../hierarchy/hierarchy.repo";
import { findSchoolInScope } from "../hierarchy/school.repo";
import type { IndicatorUnit } from "../import/parse/parse-number";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";
import { actorRegionId } from "../indicators/indicator.service";
import {
  findExportMunicipalities,
  findExportMunicipalityValues,
  findExportSchools,
  findExportValues,
} from "./export.repo";
import { buildTemplateWorkbook } from "./xlsx/template-workbook";
import { buildValuesWorkbook } from "./xlsx/values-workbook";

/** An XLSX file to send: its bytes and a file name. */
export type ExportFile = { buffer: Buffer; fileName: string };

const SHEET_UNIT: Record<IndicatorRow["unit"], IndicatorUnit> = {
  share: "share",
  percent: "percent",
  count: "count",
  score: "number",
  bool: "boolean",
};

function sheetIndicator(i: IndicatorRow) {
  return { code: i.code, name: i.name, unit: SHEET_UNIT[i.unit], min: i.min, max: i.max };
}

/** Values by owner id and indicator code, for the indicators of the map only. */
function valuesByOwner(
  rows: readonly { ownerId: number | null; indicatorId: number; value: number }[],
  codeOf: ReadonlyMap<number, string>,
): Map<number, Record<string, number>> {
  const out = new Map<number, Record<string, number>>();
  for (const v of rows) {
    const code = codeOf.get(v.indicatorId);
    if (v.ownerId === null || code === undefined) continue;
    out.set(v.ownerId, { ...out.get(v.ownerId), [code]: v.value });
  }
  return out;
}

/** Indicators of a level in use, plus retired ones that have values in the export. */
function exportIndicators(all: IndicatorRow[], level: IndicatorRow["level"], withValues: Set<number>) {
  return all.filter((i) => i.level === level && (!i.isRetired || withValues.has(i.id)));
}

/**
 * The year's values in the actor's scope as XLSX. First sheet: school values (wide layout: a row
 * per school, a column per indicator, codes in the headers so the file imports back). Second sheet
 * «Муниципальные показатели»: the municipality-level values of the municipalities in scope. Columns:
 * the indicators in use, plus retired ones that have values that year. A federal operator names
 * the region.
 */
export async function exportValues({
  db,
  actor,
  year,
  regionId,
}: {
  db: Db;
  actor: Actor;
  year: number;
  regionId?: number;
}): Promise<ExportFile> {
  requirePermission(actor, "data.export");
  const region = actorRegionId(actor, regionId);
  const [schoolRows, municipalityRows, catalogue] = await Promise.all([
    findExportSchools(db, { regionId: region, scope: schoolScope(actor) }),
    findExportMunicipalities(db, { regionId: region, scope: municipalityScope(actor) }),
    findIndicators(db, region),
  ]);
  const [values, municipalityValues] = await Promise.all([
    findExportValues(db, { year, schoolIds: schoolRows.map((s) => s.id) }),
    findExportMunicipalityValues(db, { year, municipalityIds: municipalityRows.map((m) => m.id) }),
  ]);
  const withValues = new Set([...values, ...municipalityValues].map((v) => v.indicatorId));
  const indicators = exportIndicators(catalogue, "school", withValues);
  const municipalityIndicators = exportIndicators(catalogue, "municipality", withValues);
  const bySchool = valuesByOwner(
    values.map((v) => ({ ...v, ownerId: v.schoolId })),
    new Map(indicators.map((i) => [i.id, i.code])),
  );
  const byMunicipality = valuesByOwner(
    municipalityValues.map((v) => ({ ...v, ownerId: v.municipalityId })),
    new Map(municipalityIndicators.map((i) => [i.id, i.code])),
  );
  const buffer = await buildValuesWorkbook({
    year,
    indicators: indicators.map(sheetIndicator),
    rows: schoolRows.map((s) => ({
      schoolCode: s.code,
      schoolName: s.name,
      municipality: s.municipality,
      values: bySchool.get(s.id) ?? {},
    })),
    municipalities: municipalityIndicators.length
      ? {
          indicators: municipalityIndicators.map(sheetIndicator),
          rows: municipalityRows.map((m) => ({
            code: m.code,
            name: m.name,
            values: byMunicipality.get(m.id) ?? {},
          })),
        }
      : undefined,
  });
  await recordAudit(db, {
    actor,
    action: "export_values",
    entity: "region",
    entityId: region,
    after: {
      year,
      schools: schoolRows.length,
      values: values.length,
      municipalities: municipalityRows.length,
      municipalityValues: municipalityValues.length,
    },
    regionId: region,
  });
  return { buffer, fileName: `values-${year}.xlsx` };
}

/**
 * A blank template for a school or for a municipality's schools (in the actor's scope) with Excel
 * cell validation per indicator, for those who enter, import or export data. It imports back unchanged.
 */
export async function exportTemplate({
  db,
  actor,
  schoolId,
  municipalityId,
  year = currentSchoolYear(),
}: {
  db: Db;
  actor: Actor;
  schoolId?: number;
  municipalityId?: number;
  year?: number;
}): Promise<ExportFile> {
  if ((schoolId === undefined) === (municipalityId === undefined)) {
    throw new AppError("invalid_input", "Укажите школу или муниципалитет (одно из двух)", [
      { path: "schoolId", message: "Укажите schoolId или municipalityId" },
    ]);
  }
  let regionId: number;
  if (schoolId !== undefined) {
    await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
    const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
    if (!school) throw new AppError("not_found", "Школа не найдена");
    regionId = school.regionId;
  } else {
    const id = municipalityId ?? 0;
    await requireMunicipalityAccess(db, { actor, permission: "school.read", municipalityIds: [id] });
    const municipality = await findMunicipality(db, id);
    if (!municipality) throw new AppError("not_found", "Муниципалитет не найден");
    regionId = municipality.regionId;
  }
  if (!can(actor, "data.enter") && !can(actor, "data.export") && !can(actor, "data.import"))
    throw forbidden();
  const schoolRows = await findExportSchools(db, {
    regionId,
    scope: schoolScope(actor),
    municipalityId,
    schoolId,
  });
  const indicators = (await findIndicators(db, regionId)).filter((i) => i.level === "school" && !i.isRetired);
  const buffer = await buildTemplateWorkbook({
    year,
    indicators: indicators.map(sheetIndicator),
    schools: schoolRows.map((s) => ({ code: s.code, name: s.name, municipality: s.municipality })),
  });
  const place =
    schoolId !== undefined ? `school-${schoolRows[0]?.code ?? schoolId}` : `municipality-${municipalityId}`;
  return { buffer, fileName: `template-${place}-${year}.xlsx` };
}
