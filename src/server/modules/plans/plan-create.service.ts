import {
  PLAN_KIND_LEVEL,
  PLAN_TEMPLATES,
  type Plan,
  type PlanLevel,
  planFromTemplate,
  planSchema,
} from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import type { CreatePlanInput } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requirePermission } from "../access/access.policy";
import { requireMunicipalityAccess, requireSchoolAccess } from "../access/access.repo";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { findMunicipality } from "../hierarchy/hierarchy.repo";
import { getPlan } from "./plan-detail.service";
import { buildProgrammeContent } from "./plan-programme.service";
import { insertPlanEvent } from "./plan-review.repo";
import { findPlanSchool } from "./plan-sources.repo";
import { planYear } from "./plan-view";
import { type PlanOwnerPlace, planSides } from "./plans.policy";
import { insertPlan, insertPlanVersion, setCurrentVersion } from "./plans.repo";

const AUTHOR_ONLY: Record<PlanLevel, string> = {
  school: "Программу школы составляет её директор",
  municipal: "Дорожную карту муниципалитета составляет его МОЦ",
  regional: "Региональную дорожную карту составляет региональный аналитик или администратор региона",
};

function missing(path: string, message: string): AppError {
  return new AppError("invalid_input", message, [{ path, message }]);
}

/**
 * The place a new plan of a level belongs to: the school (or municipality) named, else the actor's
 * own; the region's for the regional road map. 404 out of scope, 403 unless the actor is the plan's
 * author (a director for its school, a МОЦ for its municipality, the region for its own).
 */
async function resolveOwner(
  db: Db,
  actor: Actor,
  level: PlanLevel,
  ids: { schoolId?: number; municipalityId?: number },
): Promise<PlanOwnerPlace> {
  let place: PlanOwnerPlace;
  if (level === "school") {
    const schoolId = ids.schoolId ?? actor.schoolId;
    if (schoolId === null) throw missing("schoolId", "Укажите школу");
    await requireSchoolAccess(db, { actor, permission: "plan.write", schoolIds: [schoolId] });
    const school = await findPlanSchool(db, schoolId);
    if (!school) throw notFound("Школа");
    place = { level, regionId: school.regionId, municipalityId: school.municipalityId, schoolId };
  } else if (level === "municipal") {
    const municipalityId = ids.municipalityId ?? actor.municipalityId;
    if (municipalityId === null) throw missing("municipalityId", "Укажите муниципалитет");
    await requireMunicipalityAccess(db, {
      actor,
      permission: "plan.write",
      municipalityIds: [municipalityId],
    });
    const municipality = await findMunicipality(db, municipalityId);
    if (!municipality) throw notFound("Муниципалитет");
    place = { level, regionId: municipality.regionId, municipalityId, schoolId: null };
  } else {
    requirePermission(actor, "plan.write");
    if (actor.regionId === null) throw new AppError("forbidden", AUTHOR_ONLY.regional);
    place = { level, regionId: actor.regionId, municipalityId: null, schoolId: null };
  }
  if (!planSides(actor, place).includes("author")) throw new AppError("forbidden", AUTHOR_ONLY[level]);
  return place;
}

/** The content of a new plan and where it belongs, from a blank, a template or confirmed causes. */
async function contentOf(
  db: Db,
  actor: Actor,
  input: CreatePlanInput,
): Promise<{ plan: Plan; place: PlanOwnerPlace; year: number }> {
  if (input.source === "programme") {
    const place = await resolveOwner(db, actor, "school", { schoolId: input.schoolId });
    const school = await findPlanSchool(db, input.schoolId);
    if (!school) throw notFound("Школа");
    const plan = await buildProgrammeContent(db, school, input);
    // the year of a plan is the year its period ends, for programmes too (their causes are of the year before)
    return { plan, place, year: planYear(plan) };
  }
  if (input.source === "template") {
    const template = PLAN_TEMPLATES.find((item) => item.key === input.templateKey);
    if (!template) throw missing("templateKey", `Нет шаблона плана «${input.templateKey}»`);
    const level = PLAN_KIND_LEVEL[template.kind];
    const place = await resolveOwner(db, actor, level, { municipalityId: input.municipalityId });
    const plan = planFromTemplate(template, input.period ?? template.period);
    const titled = input.title ? { ...plan, title: input.title } : plan;
    return { plan: titled, place, year: planYear(titled) };
  }
  const level = PLAN_KIND_LEVEL[input.kind];
  const place = await resolveOwner(db, actor, level, input);
  const parsed = planSchema.safeParse({
    level,
    kind: input.kind,
    title: input.title,
    period: input.period,
    riskFactorCode: input.riskFactorCode,
    sections: [],
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    throw new AppError("invalid_input", issues[0]?.message ?? "Неверные данные плана", issues);
  }
  return { plan: parsed.data, place, year: planYear(parsed.data) };
}

/**
 * Creates a plan as its author: blank, from a template (seed 004's road map, seed 001's regional
 * one, the МОЦ plans), or a school programme built from the school's confirmed causes and chosen
 * measures (one anti-risk programme per confirmed risk). Version 1, a draft; audited as
 * `create` / `plan`. Returns the plan as its page shows it.
 */
export async function createPlan({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: CreatePlanInput;
}): Promise<PlanDetail> {
  const { plan, place, year } = await contentOf(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const planId = await insertPlan(tx, {
      regionId: place.regionId,
      level: place.level,
      kind: plan.kind,
      municipalityId: place.level === "municipal" ? place.municipalityId : null,
      schoolId: place.schoolId,
      year,
      createdBy: actor.userId || null,
    });
    const versionId = await insertPlanVersion(tx, {
      planId,
      version: 1,
      status: "draft",
      content: plan,
      createdBy: actor.userId || null,
      createdByName: actor.fullName,
    });
    await setCurrentVersion(tx, planId, versionId);
    await insertPlanEvent(tx, {
      planId,
      versionId,
      action: "create",
      fromStatus: "",
      toStatus: "draft",
      actorId: actor.userId || null,
      actorName: actor.fullName,
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "plan",
      entityId: planId,
      after: {
        source: input.source,
        templateKey: input.source === "template" ? input.templateKey : null,
        level: place.level,
        kind: plan.kind,
        title: plan.title,
        year,
        schoolId: place.schoolId,
        municipalityId: place.municipalityId,
        activities: plan.sections.reduce((sum, section) => sum + section.activities.length, 0),
      },
      regionId: place.regionId,
    });
    return planId;
  });
  return getPlan({ db, actor, id });
}
