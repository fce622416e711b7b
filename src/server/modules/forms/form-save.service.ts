import { FORM_STATUS_LABELS, type FormStatus, isEditable, isLocked } from "../../../core/forms/form-workflow";
import type { FormSave, SchoolForm } from "../../../shared/data-collection";
import { AppError, type FieldIssue } from "../../platform/errors";
import { requireSchoolAccess } from "../access/access.repo";
import { recordAudit } from "../audit/audit.service";
import type { IndicatorRow } from "../indicators/indicator.repo";
import { clearSchoolValues, findSchoolValues, upsertSchoolValues } from "../values/values.repo";
import { checkFormValue } from "./form-validation";
import { closeUnlocks, ensureForm, findForm, findOpenUnlocks } from "./forms.repo";
import { type FormTarget, formIndicators, getSchoolForm, requireFormSchool } from "./forms.service";

function validate(indicators: Map<number, IndicatorRow>, input: FormSave): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  for (const [index, item] of input.values.entries()) {
    const indicator = indicators.get(item.indicatorId);
    const path = `values.${index}.value`;
    if (!indicator) {
      issues.push({ path, message: "Показателя нет в форме школы (неизвестен, выведен или муниципальный)" });
      continue;
    }
    if (seen.has(indicator.id)) {
      issues.push({ path, column: indicator.code, message: `${indicator.name}: значение указано дважды` });
      continue;
    }
    seen.add(indicator.id);
    if (item.value === null) continue;
    const message = checkFormValue(indicator, item.value);
    if (message) issues.push({ path, column: indicator.code, message: `${indicator.name}: ${message}` });
  }
  return issues;
}

/** Why a change cannot be saved in this state, or undefined when it can. */
function lockMessage(status: FormStatus, name: string, isUnlocked: boolean): string | undefined {
  if (isEditable(status)) return undefined;
  if (isLocked(status)) {
    if (isUnlocked) return undefined;
    return `Данные формы в состоянии «${FORM_STATUS_LABELS[status]}» заблокированы: значение «${name}» изменить нельзя. Попросите регион разблокировать его.`;
  }
  return `Форма в состоянии «${FORM_STATUS_LABELS[status]}»: значения можно изменить после возврата на доработку.`;
}

/**
 * Saves values of a school's form for a year: each checked against its indicator's current definition
 * (400 listing every bad value), stored with source «form» under that definition's version, with
 * history. A null clears a saved value: the value is removed and the history says who cleared it and
 * when. A form that is submitted, approved or accepted is locked (409), except values the region has
 * unlocked; saving or clearing an unlocked value locks it again. Unchanged values are left as they are.
 */
export async function saveSchoolForm({
  db,
  actor,
  schoolId,
  year,
  input,
}: FormTarget & { input: FormSave }): Promise<SchoolForm> {
  const school = await requireFormSchool(db, actor, schoolId);
  await requireSchoolAccess(db, { actor, permission: "data.enter", schoolIds: [schoolId] });
  const indicators = new Map((await formIndicators(db, school.regionId)).map((i) => [i.id, i]));
  const issues = validate(indicators, input);
  if (issues.length) throw new AppError("invalid_input", "Проверьте значения формы", issues);
  await db.transaction(async (tx) => {
    const existing = await findForm(tx, schoolId, year, { forUpdate: true });
    const status = existing?.status ?? "draft";
    const unlocks = existing ? await findOpenUnlocks(tx, existing.id) : new Map<number, string>();
    const current = new Map(
      (await findSchoolValues(tx, schoolId, [year])).map((v) => [v.indicatorId, v.value]),
    );
    // a null for a value that is not saved is not a change
    const changed = input.values.flatMap((item) => {
      const indicator = indicators.get(item.indicatorId);
      const before = current.get(item.indicatorId) ?? null;
      if (!indicator || before === item.value) return [];
      return [{ indicator, value: item.value }];
    });
    for (const { indicator } of changed) {
      const message = lockMessage(status, indicator.name, unlocks.has(indicator.id));
      if (message) throw new AppError("conflict", message);
    }
    if (!changed.length) return;
    const form = existing ?? (await ensureForm(tx, schoolId, year));
    const unlockedIds = changed.filter((c) => unlocks.has(c.indicator.id)).map((c) => c.indicator.id);
    const reasons = [...new Set(unlockedIds.map((id) => unlocks.get(id)))].join("; ");
    const src = {
      source: "form" as const,
      sourceRef: `form:${form.id}`,
      reason: reasons || null,
      userId: actor.userId || null,
    };
    const writes = changed.flatMap((c) =>
      c.value === null
        ? []
        : [{ indicatorId: c.indicator.id, versionId: c.indicator.versionId, schoolId, year, value: c.value }],
    );
    const clears = changed.filter((c) => c.value === null);
    await upsertSchoolValues(tx, writes, src);
    await clearSchoolValues(tx, { schoolId, year, indicatorIds: clears.map((c) => c.indicator.id) }, src);
    await closeUnlocks(tx, form.id, unlockedIds);
    await recordAudit(tx, {
      actor,
      action: "form_save",
      entity: "form",
      entityId: form.id,
      before: Object.fromEntries(changed.map((c) => [c.indicator.code, current.get(c.indicator.id) ?? null])),
      after: Object.fromEntries(changed.map((c) => [c.indicator.code, c.value])),
      regionId: school.regionId,
    });
  });
  return getSchoolForm({ db, actor, schoolId, year });
}
