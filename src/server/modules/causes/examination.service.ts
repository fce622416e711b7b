import type { ExaminationInput, SchoolExamination } from "../../../shared/school-causes-api";
import { can } from "../access/access.policy";
import { recordAudit } from "../audit/audit.service";
import { changedBy, requireCausesSchool, schoolRef } from "./causes-access";
import { type ExaminationRow, findExamination, upsertExamination } from "./response.repo";
import type { SchoolYearTarget } from "./school-workbook.service";

function toInput(row: ExaminationRow): ExaminationInput {
  return {
    examinedOn: row.examinedOn,
    participants: row.participants,
    documentCheck: row.documentCheck,
    interviews: row.interviews,
    assessmentAnalysis: row.assessmentAnalysis,
    findings: row.findings,
  };
}

/**
 * The МОЦ's complex examination of a school in a year (комплексное обследование: date, participants,
 * document check, interviews, analysis of assessment procedures, findings), or null when not yet
 * recorded. Everyone who reads the school reads it; `canEdit` for the МОЦ (`causes.examine`).
 */
export async function getSchoolExamination({
  db,
  actor,
  schoolId,
  year,
}: SchoolYearTarget): Promise<SchoolExamination> {
  const school = await requireCausesSchool(db, actor, schoolId, "school.read");
  const row = await findExamination(db, schoolId, year);
  return {
    school: schoolRef(school),
    year,
    examination: row
      ? { ...toInput(row), recordedByName: row.recordedByName, updatedAt: row.updatedAt.toISOString() }
      : null,
    permissions: { canEdit: can(actor, "causes.examine") },
  };
}

/**
 * Records (or rewrites) the examination of a school in a year (`causes.examine`: the school's МОЦ); the
 * date is checked by the route's schema (a calendar date ГГГГ-ММ-ДД).
 */
export async function saveSchoolExamination({
  db,
  actor,
  schoolId,
  year,
  input,
}: SchoolYearTarget & { input: ExaminationInput }): Promise<SchoolExamination> {
  const school = await requireCausesSchool(db, actor, schoolId, "causes.examine");
  const before = await findExamination(db, schoolId, year);
  await db.transaction(async (tx) => {
    const id = await upsertExamination(tx, { schoolId, year }, input, changedBy(actor));
    await recordAudit(tx, {
      actor,
      action: before ? "update" : "create",
      entity: "school_examination",
      entityId: id,
      before: before ? toInput(before) : null,
      after: { schoolId, year, ...input },
      regionId: school.regionId,
    });
  });
  return getSchoolExamination({ db, actor, schoolId, year });
}
