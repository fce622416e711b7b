import type { Db } from "../../platform/db";
import { AppError, forbidden } from "../../platform/errors";
import { can, requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { currentSchoolYear } from "../forms/form-dashboard.service";
import { findMunicipality } from "../hierarchy/hierarchy.repo";
import { findSchoolInScope } from "../hierarchy/school.repo";
import type { IndicatorUnit } from "../import/parse/parse-number";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";
import { actorRegionId } from "../indicators/indicator.service";
import { findExportSchools, findExportValues } from "./export.repo";
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

/**
 * The year's school values in the actor's scope as XLSX (wide layout: a row per school, a column per
 * indicator, codes in the headers so the file imports back). A federal operator names the region.
 * Columns: the school indicators in use, plus retired ones that have values that year.
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
  const schoolRows = await findExportSchools(db, { regionId: region, scope: schoolScope(actor) });
  const values = await findExportValues(db, { year, schoolIds: schoolRows.map((s) => s.id) });
  const withValues = new Set(values.map((v) => v.indicatorId));
  const indicators = (await findIndicators(db, region)).filter(
    (i) => i.level === "school" && (!i.isRetired || withValues.has(i.id)),
  );
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const bySchool = new Map<number, Record<string, number>>();
  for (const v of values) {
    const code = codeOf.get(v.indicatorId);
    if (v.schoolId === null || code === undefined) continue;
    bySchool.set(v.schoolId, { ...bySchool.get(v.schoolId), [code]: v.value });
  }
  const buffer = await buildValuesWorkbook({
    year,
    indicators: indicators.map(sheetIndicator),
    rows: schoolRows.map((s) => ({
      schoolCode: s.code,
      schoolName: s.name,
      municipality: s.municipality,
      values: bySchool.get(s.id) ?? {},
    })),
  });
  await recordAudit(db, {
    actor,
    action: "export_values",
    entity: "region",
    entityId: region,
    after: { year, schools: schoolRows.length, values: values.length },
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
