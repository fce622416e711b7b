import { FORM_STATUSES, type FormStatus, isEditable, isLocked } from "../../../core/forms/form-workflow";
import type { SchoolForm } from "../../../shared/data-collection";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { can } from "../access/access.policy";
import { requireSchoolAccess } from "../access/access.repo";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { findSchoolInScope } from "../hierarchy/school.repo";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";
import { findSchoolValues, findSchoolYearHistory } from "../values/values.repo";
import { type FormRow, findForm, findFormEvents, findOpenUnlocks } from "./forms.repo";

/** The school a form belongs to, in the actor's scope; 404 otherwise. */
export async function requireFormSchool(db: Db, actor: Actor, schoolId: number) {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const school = await findSchoolInScope(db, schoolId, schoolScope(actor));
  if (!school) throw notFound("Школа");
  return school;
}

/** The indicators a school's form asks for: the region's school-level indicators in use. */
export async function formIndicators(db: Db, regionId: number): Promise<IndicatorRow[]> {
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

/** A school's form for a year, as the actor names it: what every form use case starts from. */
export type FormTarget = { db: Db; actor: Actor; schoolId: number; year: number };

/**
 * A school's form for a year: every school-level indicator with its value, the state, the history
 * and, for a returned form, the message the school must act on. Everyone who sees the school sees it.
 */
export async function getSchoolForm({ db, actor, schoolId, year }: FormTarget): Promise<SchoolForm> {
  const school = await requireFormSchool(db, actor, schoolId);
  const [indicators, values, form, changes] = await Promise.all([
    formIndicators(db, school.regionId),
    findSchoolValues(db, schoolId, [year]),
    findForm(db, schoolId, year),
    findSchoolYearHistory(db, schoolId, year),
  ]);
  const events = form ? await findFormEvents(db, form.id) : [];
  const unlocks = form ? await findOpenUnlocks(db, form.id) : new Map<number, string>();
  const byIndicator = new Map(values.map((v) => [v.indicatorId, v]));
  const names = new Map(indicators.map((i) => [i.id, i]));
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
    changes: changes.flatMap((c) => {
      // changes of indicators no longer in the form (retired) are not shown with it
      const indicator = c.indicatorId === null ? undefined : names.get(c.indicatorId);
      if (!indicator) return [];
      return [
        {
          id: c.id,
          indicatorId: indicator.id,
          code: indicator.code,
          name: indicator.name,
          oldValue: c.oldValue,
          newValue: c.newValue,
          source: c.source,
          reason: c.reason,
          changedAt: c.changedAt.toISOString(),
          changedBy: c.changedBy,
        },
      ];
    }),
    permissions: permissionsOf(actor, form, unlocks.size),
  };
}
