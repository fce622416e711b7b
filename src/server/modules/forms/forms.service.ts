import {
  FORM_STATUS_LABELS,
  FORM_STATUSES,
  type FormStatus,
  isEditable,
  isLocked,
} from "../../../core/forms/form-workflow";
import type { FormSave, SchoolForm } from "../../../shared/data-collection";
import type { Db } from "../../platform/db";
import { AppError, type FieldIssue, notFound } from "../../platform/errors";
import { can } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findSchoolInScope } from "../hierarchy/school.repo";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";
import { findSchoolValues, upsertSchoolValues } from "../values/values.repo";
import { checkFormValue } from "./form-validation";
import {
  closeUnlocks,
  ensureForm,
  type FormRow,
  findForm,
  findFormEvents,
  findOpenUnlocks,
} from "./forms.repo";

/** The school a form belongs to, in the actor's scope; 404 otherwise. */
export async function requireFormSchool(db: Db, actor: Actor, schoolId: number) {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  return school;
}

/** The indicators a school's form asks for: the region's school-level indicators in use. */
async function formIndicators(db: Db, regionId: number): Promise<IndicatorRow[]> {
  return (await findIndicators(db, regionId)).filter((i) => i.level === "school" && !i.isRetired);
}

function asStatus(text: string): FormStatus {
  return FORM_STATUSES.find((s) => s === text) ?? "draft";
}

function permissionsOf(actor: Actor, form: FormRow | undefined, unlockCount: number) {
  const status = form?.status ?? "draft";
  return {
    canEdit: can(actor, "data.enter") && (isEditable(status) || (isLocked(status) && unlockCount > 0)),
    canSubmit: can(actor, "data.enter") && isEditable(status),
    canApprove: can(actor, "data.approve") && status === "submitted",
    canAccept: can(actor, "data.accept") && status === "approved",
    canReturn:
      (status === "submitted" && can(actor, "data.approve")) ||
      (status === "approved" && can(actor, "data.accept")),
    canUnlock: can(actor, "data.accept") && isLocked(status),
  };
}

/**
 * A school's form for a year: every school-level indicator with its value, the state, the history
 * and, for a returned form, the message the school must act on. Everyone who sees the school sees it.
 */
export async function getSchoolForm({
  db,
  actor,
  schoolId,
  year,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  year: number;
}): Promise<SchoolForm> {
  const school = await requireFormSchool(db, actor, schoolId);
  const [indicators, values, form] = await Promise.all([
    formIndicators(db, school.regionId),
    findSchoolValues(db, schoolId, [year]),
    findForm(db, schoolId, year),
  ]);
  const events = form ? await findFormEvents(db, form.id) : [];
  const unlocks = form ? await findOpenUnlocks(db, form.id) : new Map<number, string>();
  const byIndicator = new Map(values.map((v) => [v.indicatorId, v]));
  const status = form?.status ?? "draft";
  const lastReturn = [...events].reverse().find((e) => e.toStatus === "returned");
  return {
    school: {
      id: school.id,
      code: school.code,
      name: school.shortName,
      municipalityName: school.municipalityName,
    },
    year,
    status,
    returnMessage: status === "returned" ? (lastReturn?.message ?? null) : null,
    fields: indicators.map((i) => {
      const v = byIndicator.get(i.id);
      return {
        indicatorId: i.id,
        code: i.code,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        min: i.min,
        max: i.max,
        group: i.group,
        versionId: i.versionId,
        valueId: v?.id ?? null,
        value: v?.value ?? null,
        isUnlocked: unlocks.has(i.id),
      };
    }),
    events: events.map((e) => ({
      ...e,
      fromStatus: asStatus(e.fromStatus),
      toStatus: asStatus(e.toStatus),
      at: e.at.toISOString(),
    })),
    permissions: permissionsOf(actor, form, unlocks.size),
  };
}

function validate(indicators: Map<number, IndicatorRow>, input: FormSave): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [index, item] of input.values.entries()) {
    const indicator = indicators.get(item.indicatorId);
    const path = `values.${index}.value`;
    if (!indicator) {
      issues.push({ path, message: "Показателя нет в форме школы (неизвестен, выведен или муниципальный)" });
      continue;
    }
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
 * history. A form that is submitted, approved or accepted is locked (409), except values the region
 * has unlocked; saving an unlocked value locks it again. Unchanged values are left as they are.
 */
export async function saveSchoolForm({
  db,
  actor,
  schoolId,
  year,
  input,
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  year: number;
  input: FormSave;
}): Promise<SchoolForm> {
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
    const changed = input.values.flatMap((item) => {
      const indicator = indicators.get(item.indicatorId);
      if (!indicator || item.value === null || current.get(item.indicatorId) === item.value) return [];
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
    await upsertSchoolValues(
      tx,
      changed.map((c) => ({
        indicatorId: c.indicator.id,
        versionId: c.indicator.versionId,
        schoolId,
        year,
        value: c.value,
      })),
      { source: "form", sourceRef: `form:${form.id}`, reason: reasons || null, userId: actor.userId || null },
    );
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
