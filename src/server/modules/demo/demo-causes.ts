import { validateAnswers } from "../../../core/causes";
import { createRng } from "../../../core/demo";
import { demoAnswers, drawFactorRisks, type FactorRisks } from "../../../core/demo/programme/answers";
import { demoExamination } from "../../../core/demo/programme/texts";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { findFactors } from "../causes/factor.repo";
import { computeSchoolProfile } from "../causes/risk-profile.service";
import { findCurrentWorkbookVersion } from "../causes/workbook.repo";
import { findSchoolInScope } from "../hierarchy/school.repo";
import {
  insertDemoConfirmed,
  insertDemoExamination,
  insertDemoResponse,
  type RunProgrammeSchool,
} from "./demo-programme.repo";

/** Who did the causes work of a school: its director (the workbook) and its МОЦ coordinator. */
export type DemoPeople = {
  directorOf: (schoolId: number) => Actor;
  mocOf: (municipalityId: number) => Actor;
};

/** A school's causes of a year as the demo confirmed them, in order of weight. */
export type DemoConfirmed = { school: RunProgrammeSchool; codes: string[] };

const at = (date: string) => new Date(`${date}T10:00:00Z`);

/** The hidden factor risks of a programme school, the same draw for its every year. */
function risksOf(seed: number, school: RunProgrammeSchool, factors: Parameters<typeof drawFactorRisks>[1]) {
  return drawFactorRisks(createRng(seed, `causes:${school.code}`), factors, school.category !== "shnro");
}

/** The causes a МОЦ confirms from a profile: the high factors (at most four), topped up from the medium ones to two. */
function causesFromProfile(levels: { factorCode: string; level: string; score: number | null }[]): string[] {
  const byScore = [...levels].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const high = byScore.filter((f) => f.level === "high").slice(0, 4);
  const medium = byScore.filter((f) => f.level === "medium");
  return [...high, ...medium.slice(0, Math.max(0, 2 - high.length))].map((f) => f.factorCode);
}

/**
 * The causes work of the latest year's programme schools (all but `skip`, left for a visitor to do):
 * the director's workbook answers drawn from the school's hidden risks (submitted by nine in ten),
 * the МОЦ's examination of most submitted ones, and the causes it confirmed from the profile that
 * Opora computes from those answers and the school's values. Returns the confirmed causes.
 */
export async function loadDemoCauses(
  db: Db,
  opts: {
    seed: number;
    year: number;
    schools: RunProgrammeSchool[];
    skip: ReadonlySet<number>;
    people: DemoPeople;
  },
): Promise<DemoConfirmed[]> {
  const { seed, year, people } = opts;
  const first = opts.schools[0];
  if (!first) return [];
  const version = await findCurrentWorkbookVersion(db, first.regionId);
  if (!version) throw new Error("Демо-данные: у региона нет рабочей тетради");
  const factors = (await findFactors(db, first.regionId))
    .filter((f) => !f.isRetired)
    .map((f) => f.definition);
  const confirmed: DemoConfirmed[] = [];
  for (const school of opts.schools) {
    if (opts.skip.has(school.schoolId)) continue;
    const rng = createRng(seed, `workbook:${school.code}`);
    const answers = demoAnswers(version.definition, risksOf(seed, school, factors), rng);
    const check = validateAnswers({
      workbook: version.definition,
      answers: { workbookCode: version.definition.code, version: version.definition.version, answers },
      requireAll: true,
    });
    if (!check.ok) throw new Error(`Демо-данные: ответы ${school.code}: ${check.issues[0]?.message}`);
    const director = people.directorOf(school.schoolId);
    const isSubmitted = rng.chance(0.9);
    const filledOn = `${year}-10-${String(rng.int(1, 12)).padStart(2, "0")}`;
    await insertDemoResponse(db, {
      schoolId: school.schoolId,
      year,
      versionId: version.id,
      answers,
      status: isSubmitted ? "submitted" : "draft",
      submittedAt: isSubmitted ? at(filledOn) : null,
      updatedBy: director.userId,
      updatedByName: director.fullName,
      updatedAt: at(filledOn),
    });
    if (!isSubmitted || !rng.chance(0.9)) continue;
    const row = await findSchoolInScope(db, school.schoolId, undefined);
    if (!row) continue;
    const { profile } = await computeSchoolProfile(db, row, year);
    const codes = causesFromProfile(profile.factors);
    if (codes.length === 0) continue;
    const moc = people.mocOf(school.municipalityId);
    const titles = codes.map((code) => profile.factors.find((f) => f.factorCode === code)?.title ?? code);
    const examinedOn = `${year}-10-${String(rng.int(14, 28)).padStart(2, "0")}`;
    await insertDemoExamination(db, {
      schoolId: school.schoolId,
      year,
      examinedOn,
      ...demoExamination(
        rng,
        moc.fullName,
        `Выявлены причины низких результатов: ${titles.join("; ").toLowerCase()}.`,
      ),
      recordedBy: moc.userId,
      recordedByName: moc.fullName,
      createdAt: at(examinedOn),
      updatedAt: at(examinedOn),
    });
    await confirm(db, school, year, codes, moc, `${year}-11-0${rng.int(1, 9)}`);
    confirmed.push({ school, codes });
  }
  return confirmed;
}

async function confirm(
  db: Db,
  school: RunProgrammeSchool,
  year: number,
  codes: readonly string[],
  moc: Actor,
  date: string,
): Promise<void> {
  const factors = await findFactors(db, school.regionId);
  await insertDemoConfirmed(
    db,
    codes.flatMap((code) => {
      const factor = factors.find((f) => f.code === code);
      return factor
        ? [
            {
              schoolId: school.schoolId,
              year,
              factorId: factor.id,
              confirmedBy: moc.userId,
              confirmedByName: moc.fullName,
              confirmedAt: at(date),
            },
          ]
        : [];
    }),
  );
}

/**
 * The previous year's registry of causes: for that year's programme schools, the causes a МОЦ
 * confirmed then — the same hidden risks a year earlier, drifted, their strongest (two to four) —
 * so that the registry shows a change from one year to the next. No workbooks: they were on paper.
 */
export async function loadDemoPreviousCauses(
  db: Db,
  opts: { seed: number; year: number; schools: RunProgrammeSchool[]; people: DemoPeople },
): Promise<number> {
  const first = opts.schools[0];
  if (!first) return 0;
  const factors = (await findFactors(db, first.regionId))
    .filter((f) => !f.isRetired)
    .map((f) => f.definition);
  let count = 0;
  for (const school of opts.schools) {
    const rng = createRng(opts.seed, `causes-previous:${school.code}`);
    const risks: FactorRisks = risksOf(opts.seed, school, factors);
    const drifted = Object.entries(risks)
      .map(([code, risk]) => ({ code, risk: risk + rng.normal(0, 0.15) }))
      .sort((a, b) => b.risk - a.risk);
    const codes = drifted.slice(0, rng.int(2, 4)).map((item) => item.code);
    await confirm(
      db,
      school,
      opts.year,
      codes,
      opts.people.mocOf(school.municipalityId),
      `${opts.year}-11-1${rng.int(0, 9)}`,
    );
    count += codes.length;
  }
  return count;
}
