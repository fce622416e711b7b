import {
  academicYearPeriod,
  buildSchoolProgrammeDraft,
  type Measure,
  PLAN_KIND_LABELS,
  type Plan,
  recommendedMeasures,
} from "../../../core/plans";
import type { ProgrammeOptions } from "../../../shared/plans-api";
import type { CreatePlanInput } from "../../../shared/plans-input";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { requireSchoolAccess } from "../access/access.repo";
import type { Actor } from "../access/actor";
import {
  findConfirmedCauses,
  findConfirmedYears,
  findLatestSchoolValues,
  findPlanSchool,
  findRegionFactors,
  findRegionMeasures,
} from "./plan-sources.repo";
import { schoolYearOf, todayIso } from "./plan-view";

/** The school of a programme in the actor's scope; 404 otherwise. */
export async function requireProgrammeSchool(db: Db, actor: Actor, schoolId: number) {
  await requireSchoolAccess(db, { actor, permission: "school.read", schoolIds: [schoolId] });
  const school = await findPlanSchool(db, schoolId);
  if (!school) throw notFound("Школа");
  return school;
}

async function activeMeasures(db: Db, regionId: number): Promise<Measure[]> {
  return (await findRegionMeasures(db, regionId))
    .filter((item) => !item.isRetired)
    .map((item) => item.measure);
}

/**
 * What a school programme can be built from: the school's confirmed causes of the year (without a
 * year, the latest year with confirmed causes, else `fallbackYear`), each with the measures the
 * region's library recommends for it, and the years that have causes. Everyone who reads the school
 * sees it.
 */
export async function getProgrammeOptions({
  db,
  actor,
  schoolId,
  year: asked,
  fallbackYear = schoolYearOf(todayIso()),
}: {
  db: Db;
  actor: Actor;
  schoolId: number;
  year?: number;
  fallbackYear?: number;
}): Promise<ProgrammeOptions> {
  const school = await requireProgrammeSchool(db, actor, schoolId);
  const years = await findConfirmedYears(db, schoolId);
  const year = asked ?? years[0] ?? fallbackYear;
  const [causes, measures] = await Promise.all([
    findConfirmedCauses(db, [schoolId], [year]),
    activeMeasures(db, school.regionId),
  ]);
  return {
    schoolId,
    schoolName: school.fullName,
    year,
    years,
    causes: causes.map((cause) => ({
      code: cause.code,
      title: cause.title,
      note: cause.note,
      measures: recommendedMeasures(cause.code, measures).map((measure) => ({
        code: measure.code,
        title: measure.title,
        description: measure.description,
        deadlineText: measure.deadlineText,
        indicatorCodes: measure.indicatorCodes,
      })),
    })),
  };
}

type ProgrammeInput = Extract<CreatePlanInput, { source: "programme" }>;

/** The default title of a school programme: its kind and the school («Антирисковая программа … МБОУ …»). */
function programmeTitle(input: ProgrammeInput, schoolName: string, riskTitle: string | null): string {
  const kind = PLAN_KIND_LABELS[input.kind];
  return riskTitle ? `${kind} «${riskTitle}» ${schoolName}` : `${kind} ${schoolName}`;
}

/**
 * Builds a school programme draft from the school's confirmed causes of the year and the chosen
 * measures (buildSchoolProgrammeDraft), the baselines from the school's latest indicator values up
 * to the year; the period is the school year after the causes' year (Y/Y+1) unless given. Every cause must be
 * confirmed for the school and year (400 naming it otherwise).
 */
export async function buildProgrammeContent(
  db: Db,
  school: { id: number; regionId: number; fullName: string },
  input: ProgrammeInput,
): Promise<Plan> {
  const [confirmed, factors, measures, baselines] = await Promise.all([
    findConfirmedCauses(db, [school.id], [input.year]),
    findRegionFactors(db, school.regionId),
    activeMeasures(db, school.regionId),
    findLatestSchoolValues(db, school.id, input.year),
  ]);
  input.causes.forEach((cause, index) => {
    if (confirmed.some((item) => item.code === cause.factorCode)) return;
    const title = factors.find((factor) => factor.code === cause.factorCode)?.title ?? cause.factorCode;
    const message = `Причина «${title}» не подтверждена для школы в ${input.year} году`;
    throw new AppError("invalid_input", message, [{ path: `causes.${index}.factorCode`, message }]);
  });
  const risk =
    input.kind === "anti_risk_programme"
      ? (confirmed.find((item) => item.code === input.causes[0]?.factorCode)?.title ?? null)
      : null;
  const result = buildSchoolProgrammeDraft({
    kind: input.kind,
    title: input.title ?? programmeTitle(input, school.fullName, risk),
    // The causes of year Y come from the results of the school year ending in Y (the identification
    // run of that year); the programme acts on them in the school year that follows, starting in
    // September of Y — as in seed 000: results of 2018/19, identification 23.09.2019, programme 2019/20.
    period: input.period ?? academicYearPeriod(input.year),
    causes: input.causes,
    factors,
    measures,
    baselines,
  });
  if (!result.ok)
    throw new AppError("invalid_input", result.message, [{ path: "causes", message: result.message }]);
  return result.plan;
}
