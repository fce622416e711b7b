import type { CausesSave, SchoolCauses } from "../../../shared/school-causes-api";
import { AppError, type FieldIssue } from "../../platform/errors";
import { can } from "../access/access.policy";
import { recordAudit } from "../audit/audit.service";
import { changedBy, requireCausesSchool, schoolRef } from "./causes-access";
import {
  deleteConfirmedCauses,
  findConfirmedCauses,
  insertConfirmedCauses,
  updateConfirmedNote,
} from "./confirmed.repo";
import { findFactors } from "./factor.repo";
import { computeSchoolProfile } from "./risk-profile.service";
import type { SchoolYearTarget } from "./school-workbook.service";

/**
 * A school's confirmed causes of a year (who confirmed each, when, with what note) beside every factor
 * that may be confirmed with its risk-profile level. Everyone who reads the school reads them; the
 * school's МОЦ (`causes.examine`) confirms.
 */
export async function getSchoolCauses({
  db,
  actor,
  schoolId,
  year,
}: SchoolYearTarget): Promise<SchoolCauses> {
  const school = await requireCausesSchool(db, actor, schoolId, "school.read");
  const [confirmed, computed, factors] = await Promise.all([
    findConfirmedCauses(db, schoolId, year),
    computeSchoolProfile(db, school, year),
    findFactors(db, school.regionId),
  ]);
  const titles = new Map(factors.map((row) => [row.code, row.definition.title]));
  const levels = new Map(computed.profile.factors.map((factor) => [factor.factorCode, factor]));
  return {
    school: schoolRef(school),
    year,
    causes: confirmed.map((row) => ({
      factorCode: row.factorCode,
      title: titles.get(row.factorCode) ?? row.factorCode,
      isRetired: row.isRetired,
      note: row.note,
      confirmedByName: row.confirmedByName,
      confirmedAt: row.confirmedAt.toISOString(),
    })),
    candidates: computed.factors.map((row) => {
      const risk = levels.get(row.code);
      return {
        factorCode: row.code,
        title: row.definition.title,
        group: row.definition.group,
        level: risk?.level ?? "no_data",
        summary: risk?.summary ?? "",
      };
    }),
    permissions: { canEdit: can(actor, "causes.examine") },
  };
}

/**
 * Sets a school's confirmed causes of a year to the given set (`causes.examine`): new codes are
 * confirmed by the actor now, kept ones keep who and when (their note may change), missing ones are
 * removed. Each change is audited. A code must be one of the region's factors in use (a retired one
 * already confirmed may stay); the refusal names the row.
 */
export async function saveSchoolCauses({
  db,
  actor,
  schoolId,
  year,
  input,
}: SchoolYearTarget & { input: CausesSave }): Promise<SchoolCauses> {
  const school = await requireCausesSchool(db, actor, schoolId, "causes.examine");
  const [factors, before] = await Promise.all([
    findFactors(db, school.regionId),
    findConfirmedCauses(db, schoolId, year),
  ]);
  const byCode = new Map(factors.map((row) => [row.code, row]));
  const kept = new Map(before.map((row) => [row.factorCode, row]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.causes.forEach((cause, index) => {
    const path = `causes.${index}.factorCode`;
    const factor = byCode.get(cause.factorCode);
    if (seen.has(cause.factorCode))
      issues.push({ path, message: `Строка ${index + 1}: причина «${cause.factorCode}» указана дважды` });
    else if (!factor)
      issues.push({
        path,
        message: `Строка ${index + 1}: в каталоге региона нет фактора «${cause.factorCode}»`,
      });
    else if (factor.isRetired && !kept.has(cause.factorCode)) {
      issues.push({
        path,
        message: `Строка ${index + 1}: фактор «${factor.definition.title}» выведен из употребления`,
      });
    }
    seen.add(cause.factorCode);
  });
  if (issues.length > 0)
    throw new AppError("invalid_input", issues[0]?.message ?? "Неверный список причин", issues);
  const added = input.causes.filter((cause) => !kept.has(cause.factorCode));
  const removed = before.filter((row) => !seen.has(row.factorCode));
  const renoted = input.causes.flatMap((cause) => {
    const row = kept.get(cause.factorCode);
    return row && row.note !== cause.note ? [{ row, note: cause.note }] : [];
  });
  await db.transaction(async (tx) => {
    const by = changedBy(actor);
    const audit = (
      action: "confirm" | "remove" | "update",
      factorCode: string,
      change: { before?: unknown; after?: unknown },
    ) =>
      recordAudit(tx, {
        actor,
        action,
        entity: "confirmed_cause",
        entityId: `${schoolId}:${year}:${factorCode}`,
        ...change,
        regionId: school.regionId,
      });
    await deleteConfirmedCauses(
      tx,
      removed.map((row) => row.id),
    );
    for (const row of removed) {
      await audit("remove", row.factorCode, {
        before: {
          schoolId,
          year,
          factorCode: row.factorCode,
          note: row.note,
          confirmedByName: row.confirmedByName,
          confirmedAt: row.confirmedAt.toISOString(),
        },
      });
    }
    await insertConfirmedCauses(
      tx,
      { schoolId, year },
      added.flatMap((cause) => {
        const factor = byCode.get(cause.factorCode);
        return factor ? [{ factorId: factor.id, note: cause.note }] : [];
      }),
      by,
    );
    for (const cause of added)
      await audit("confirm", cause.factorCode, { after: { schoolId, year, ...cause } });
    for (const { row, note } of renoted) {
      await updateConfirmedNote(tx, row.id, note);
      await audit("update", row.factorCode, { before: { note: row.note }, after: { note } });
    }
  });
  return getSchoolCauses({ db, actor, schoolId, year });
}
