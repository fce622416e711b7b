import { computeRiskProfile, PRELOADED_INDICATOR_RULES, type RiskProfile } from "../../../core/causes";
import type { RiskProfileView } from "../../../shared/school-causes-api";
import type { Db } from "../../platform/db";
import type { SchoolRow } from "../hierarchy/school.repo";
import { findIndicatorMetas } from "../identification/facts.repo";
import { findSchoolValues } from "../values/values.repo";
import { requireCausesSchool, schoolRef } from "./causes-access";
import { findConfirmedCauses } from "./confirmed.repo";
import { type FactorRow, findFactors } from "./factor.repo";
import { findResponse, type ResponseRow } from "./response.repo";
import type { SchoolYearTarget } from "./school-workbook.service";
import { findWorkbookVersionById } from "./workbook.repo";

/** How many school years of indicator values count: the year and the two before it. */
export const PROFILE_VALUE_YEARS = 3;

/** The years whose values a profile of `year` reads, newest first. */
export function profileValueYears(year: number): number[] {
  return Array.from({ length: PROFILE_VALUE_YEARS }, (_, k) => year - k);
}

/** A school's risk profile with what it was computed from. */
export type ComputedProfile = {
  profile: RiskProfile;
  factors: FactorRow[];
  response: ResponseRow | undefined;
  responseVersion: number | null;
};

/**
 * Computes a school's risk profile of a year (computeRiskProfile): its workbook answers of the year
 * under the version they were given, and its indicator values of the year and the two before (one
 * query; the latest year of each indicator counts), over the region's factors in use.
 */
export async function computeSchoolProfile(
  db: Db,
  school: SchoolRow,
  year: number,
): Promise<ComputedProfile> {
  const [factorRows, response, values, indicators] = await Promise.all([
    findFactors(db, school.regionId),
    findResponse(db, school.id, year),
    findSchoolValues(db, school.id, profileValueYears(year)),
    findIndicatorMetas(db, school.regionId),
  ]);
  const version = response
    ? await findWorkbookVersionById(db, school.regionId, response.versionId)
    : undefined;
  const factors = factorRows.filter((row) => !row.isRetired);
  const profile = computeRiskProfile({
    factors: factors.map((row) => row.definition),
    workbook: version?.definition ?? null,
    answers: response?.answers ?? {},
    indicatorRules: PRELOADED_INDICATOR_RULES,
    values: values.map((value) => ({ indicatorCode: value.code, year: value.year, value: value.value })),
    indicators,
  });
  return { profile, factors, response, responseVersion: version?.version ?? null };
}

/**
 * A school's risk profile of a year: every factor's level, score, evidence sentences (answers and
 * indicator values) and summary, each marked when the МОЦ confirmed it. Everyone who reads the school reads it.
 */
export async function getRiskProfile({
  db,
  actor,
  schoolId,
  year,
}: SchoolYearTarget): Promise<RiskProfileView> {
  const school = await requireCausesSchool(db, actor, schoolId, "school.read");
  const [computed, confirmed] = await Promise.all([
    computeSchoolProfile(db, school, year),
    findConfirmedCauses(db, schoolId, year),
  ]);
  const { profile, factors, response, responseVersion } = computed;
  const groups = new Map(factors.map((row) => [row.code, row.definition.group]));
  const confirmedCodes = new Set(confirmed.map((row) => row.factorCode));
  return {
    school: schoolRef(school),
    year,
    valueYears: profileValueYears(year),
    workbook:
      response && responseVersion !== null
        ? { version: responseVersion, status: response.status, updatedAt: response.updatedAt.toISOString() }
        : null,
    factors: profile.factors.map((factor) => ({
      ...factor,
      group: groups.get(factor.factorCode) ?? "conditions",
      isConfirmed: confirmedCodes.has(factor.factorCode),
    })),
    counts: profile.counts,
  };
}
