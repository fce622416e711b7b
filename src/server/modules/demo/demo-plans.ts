import { createRng, type Rng } from "../../../core/demo";
import { drawExecution } from "../../../core/demo/programme/execution";
import { RETURN_COMMENTS, templateForYear } from "../../../core/demo/programme/texts";
import {
  academicYearPeriod,
  buildSchoolProgrammeDraft,
  calendarYearPeriod,
  getPlanTemplate,
  listActivities,
  type Plan,
  type PlanPeriod,
  type PlanStatus,
  planFromTemplate,
  recommendedMeasures,
} from "../../../core/plans";
import type { Db } from "../../platform/db";
import type { Actor } from "../access/actor";
import { regionIndicatorMeta } from "../plans/plan-access.service";
import { findLatestSchoolValues, findRegionFactors, findRegionMeasures } from "../plans/plan-sources.repo";
import { planYear } from "../plans/plan-view";
import type { DemoConfirmed, DemoPeople } from "./demo-causes";
import { insertDemoPlan, insertDemoPlanHistory } from "./demo-programme.repo";

const at = (date: string) => new Date(`${date}T10:00:00Z`);

/** How a demo plan went through review: the states the seeds' plans are found in. */
type Course = "draft" | "flawed_draft" | "submitted" | "returned" | "approved" | "approved_after_return";

const VERSION_STATUS: Record<Course, PlanStatus> = {
  draft: "draft",
  flawed_draft: "draft",
  submitted: "submitted",
  returned: "returned",
  approved: "approved",
  approved_after_return: "approved",
};

/** The course of a school's programme: most approved, some in review, returned, or still drafts. */
function drawCourse(rng: Rng): Course {
  const roll = rng.next();
  if (roll < 0.5) return "approved";
  if (roll < 0.62) return "approved_after_return";
  if (roll < 0.74) return "submitted";
  if (roll < 0.86) return "returned";
  if (roll < 0.93) return "flawed_draft";
  return "draft";
}

/** Who writes and who reviews a plan, and where it belongs. */
type PlanPeople = { author: Actor; reviewer: Actor };
type PlanPlace = {
  regionId: number;
  level: "school" | "municipal" | "regional";
  municipalityId: number | null;
  schoolId: number | null;
};

/** Targets one step better than each baseline, in the indicator's direction, for the plan's year. */
function withTargets(
  plan: Plan,
  direction: (code: string) => "higher_better" | "lower_better" | undefined,
): Plan {
  const year = planYear(plan);
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) => {
        const { code, baseline } = activity.indicator;
        const way = code === null ? undefined : direction(code);
        if (baseline === null || way === undefined) return activity;
        const step = Math.max(0.02, Math.abs(baseline) * 0.1);
        const target =
          Math.round((way === "higher_better" ? baseline + step : Math.max(0, baseline - step)) * 100) / 100;
        return { ...activity, indicator: { ...activity.indicator, target, year } };
      }),
    })),
  };
}

/** A draft the author has not finished: one activity without owners and one target worse than its baseline. */
function withFlaws(plan: Plan): Plan {
  let flawed = 0;
  return {
    ...plan,
    sections: plan.sections.map((section) => ({
      ...section,
      activities: section.activities.map((activity) => {
        flawed += 1;
        if (flawed === 1) return { ...activity, owners: [] };
        const { baseline, target } = activity.indicator;
        if (flawed === 2 && baseline !== null && target !== null)
          return { ...activity, indicator: { ...activity.indicator, target: baseline } };
        return activity;
      }),
    })),
  };
}

/** Writes a plan with its review history and, once approved, its execution; returns the plan id. */
async function storePlan(
  db: Db,
  opts: {
    plan: Plan;
    course: Course;
    place: PlanPlace;
    people: PlanPeople;
    rng: Rng;
    submitted: string;
    decided: string;
    doneShare: number;
    assignees?: { userId: number; actor: Actor }[];
    /** a municipal road map's order (seed 004's details) */
    order?: Record<string, unknown>;
  },
): Promise<number> {
  const { plan, course, place, people, rng } = opts;
  const status = VERSION_STATUS[course];
  const isApproved = status === "approved";
  const wasSubmitted = course !== "draft" && course !== "flawed_draft";
  const { planId, versionId } = await insertDemoPlan(
    db,
    {
      ...place,
      kind: plan.kind,
      year: planYear(plan),
      order: opts.order ?? null,
      createdBy: people.author.userId || null,
      createdAt: at(opts.submitted),
      updatedAt: at(opts.decided),
    },
    {
      status,
      content: plan,
      createdBy: people.author.userId || null,
      createdByName: people.author.fullName,
      createdAt: at(opts.submitted),
      updatedAt: at(opts.decided),
      submittedAt: wasSubmitted ? at(opts.submitted) : null,
      approvedAt: isApproved ? at(opts.decided) : null,
      approvedBy: isApproved ? people.reviewer.userId || null : null,
      approvedByName: isApproved ? people.reviewer.fullName : null,
    },
  );
  const ids = listActivities(plan).map(({ activity }) => activity.id);
  const event = (
    action: string,
    from: PlanStatus,
    to: PlanStatus,
    who: Actor,
    date: string,
    message = "",
  ) => ({
    planId,
    versionId,
    action,
    fromStatus: from,
    toStatus: to,
    message,
    actorId: who.userId || null,
    actorName: who.fullName,
    at: at(date),
  });
  const comment = (
    side: "author" | "reviewer",
    who: Actor,
    body: string,
    date: string,
    activityId: string | null,
  ) => ({
    planId,
    versionId,
    activityId,
    side,
    body,
    authorId: who.userId || null,
    authorName: who.fullName,
    createdAt: at(date),
  });
  const events = [];
  const comments = [];
  if (wasSubmitted) events.push(event("submit", "draft", "submitted", people.author, opts.submitted));
  if (course === "returned" || course === "approved_after_return") {
    const overall = rng.pick(RETURN_COMMENTS.overall);
    events.push(event("return", "submitted", "returned", people.reviewer, opts.submitted, overall));
    comments.push(comment("reviewer", people.reviewer, overall, opts.submitted, null));
    comments.push(
      comment(
        "reviewer",
        people.reviewer,
        rng.pick(RETURN_COMMENTS.activity),
        opts.submitted,
        ids[0] ?? null,
      ),
    );
  }
  if (course === "approved_after_return") {
    comments.push(comment("author", people.author, rng.pick(RETURN_COMMENTS.answer), opts.decided, null));
    events.push(event("submit", "returned", "submitted", people.author, opts.decided));
  }
  if (isApproved) events.push(event("approve", "submitted", "approved", people.reviewer, opts.decided));
  const execution = isApproved ? drawExecution(plan, rng, opts.doneShare) : { states: [], checkIns: [] };
  const assignees = (opts.assignees ?? []).map((assignee, index) => ({
    planId,
    activityId: ids[index] ?? ids[0] ?? "",
    userId: assignee.userId,
  }));
  const authorOf = (activityId: string) =>
    opts.assignees?.find((_, index) => ids[index] === activityId)?.actor ?? people.author;
  await insertDemoPlanHistory(db, {
    events,
    comments,
    states: execution.states.map((state) => ({
      planId,
      ...state,
      updatedBy: people.author.userId || null,
      updatedByName: people.author.fullName,
      updatedAt: at(opts.decided),
    })),
    checkIns: execution.checkIns.map((checkIn) => {
      const who = authorOf(checkIn.activityId);
      return {
        planId,
        activityId: checkIn.activityId,
        doneOn: checkIn.date,
        text: checkIn.text,
        evidenceText: checkIn.evidenceText,
        evidenceUrl: "",
        authorId: who.userId || null,
        authorName: who.fullName,
        createdAt: at(checkIn.date),
      };
    }),
    assignees: isApproved ? assignees : [],
  });
  return planId;
}

/** What the plans of the demo are made for and by whom. */
export type DemoPlansInput = {
  seed: number;
  /** The year of the confirmed causes; the programmes run in the school year after it. */
  causesYear: number;
  confirmed: DemoConfirmed[];
  people: DemoPeople;
  regionId: number;
  analyst: Actor;
  admin: Actor;
  /** Mentors and specialists with the schools assigned to them: they get activities of those schools' programmes. */
  helpers: { actor: Actor; schoolIds: readonly number[] }[];
  /** A school whose programme went through a return and an answer before approval (the demo director's). */
  showcaseSchoolId: number | null;
  roadMaps: {
    dorogobuzh: { municipalityId: number; name: string; signer: string };
    smolensk: { municipalityId: number; name: string };
  };
};

/**
 * School programmes for the schools with confirmed causes — built from the causes with the library's
 * measures, targets one step past the baselines, in every state of review, the approved ones with a
 * year of execution (activity states, check-ins; what was not done ends overdue) — and the road maps:
 * Dorogobuzh's from seed 004's template (approved, with its order), Smolensk's complex of measures from
 * the МОЦ plan of seed 002 (in review), and the regional one from seed 001's (approved).
 */
export async function loadDemoPlans(db: Db, input: DemoPlansInput): Promise<number> {
  const { seed, causesYear, regionId, people } = input;
  const [factors, measureRows, metas] = await Promise.all([
    findRegionFactors(db, regionId),
    findRegionMeasures(db, regionId),
    regionIndicatorMeta(db, regionId),
  ]);
  const measures = measureRows.filter((row) => !row.isRetired).map((row) => row.measure);
  const direction = (code: string) => metas?.find((meta) => meta.code === code)?.direction;
  const period: PlanPeriod = academicYearPeriod(causesYear);
  let count = 0;
  for (const { school, codes } of input.confirmed) {
    const rng = createRng(seed, `programme:${school.code}`);
    const isAntiRisk = rng.chance(0.08);
    const causes = (isAntiRisk ? codes.slice(0, 1) : codes).map((factorCode) => {
      const options = recommendedMeasures(factorCode, measures).map((m) => m.code);
      return {
        factorCode,
        measureCodes: rng.shuffle(options).slice(0, Math.min(options.length, rng.int(2, 3))),
      };
    });
    const kind = isAntiRisk
      ? "anti_risk_programme"
      : rng.chance(0.8)
        ? "transition_programme"
        : "quality_programme";
    const title = `${isAntiRisk ? "Антирисковая программа" : kind === "transition_programme" ? "Программа перехода в эффективный режим функционирования" : "Программа повышения качества образования"} ${school.shortName} на ${causesYear}/${String(causesYear + 1).slice(2)} учебный год`;
    const built = buildSchoolProgrammeDraft({
      kind,
      title,
      period,
      causes,
      factors,
      measures,
      baselines: await findLatestSchoolValues(db, school.schoolId, causesYear),
    });
    if (!built.ok) throw new Error(`Демо-данные: программа ${school.code}: ${built.message}`);
    const helpers = input.helpers.filter((helper) => helper.schoolIds.includes(school.schoolId));
    // the showcase went through a return; a mentor's or a specialist's school is under way, with their activities
    const drawn = drawCourse(rng);
    const course =
      school.schoolId === input.showcaseSchoolId
        ? "approved_after_return"
        : helpers.length > 0
          ? "approved"
          : drawn;
    const targeted = withTargets(built.plan, direction);
    const plan = course === "flawed_draft" ? withFlaws(targeted) : targeted;
    await storePlan(db, {
      plan,
      course,
      place: { regionId, level: "school", municipalityId: school.municipalityId, schoolId: school.schoolId },
      people: { author: people.directorOf(school.schoolId), reviewer: people.mocOf(school.municipalityId) },
      rng,
      submitted: `${causesYear}-11-${String(rng.int(10, 25)).padStart(2, "0")}`,
      decided: `${causesYear}-12-${String(rng.int(1, 20)).padStart(2, "0")}`,
      doneShare: rng.uniform(0.6, 0.92),
      assignees: helpers.map((helper) => ({ userId: helper.actor.userId, actor: helper.actor })),
    });
    count += 1;
  }
  return count + (await loadDemoRoadMaps(db, input));
}

async function loadDemoRoadMaps(db: Db, input: DemoPlansInput): Promise<number> {
  const { seed, causesYear, regionId, people } = input;
  const year = causesYear + 1;
  const rng = createRng(seed, "road-maps");
  const { dorogobuzh, smolensk } = input.roadMaps;
  const roadMap = planFromTemplate(
    templateForYear(getPlanTemplate("dmitrovsk_road_map_2021"), 2021, year),
    calendarYearPeriod(year),
  );
  const dorogobuzhId = await storePlan(db, {
    plan: {
      ...roadMap,
      title: `Дорожная карта методической поддержки общеобразовательных организаций ${dorogobuzh.name}, имеющих низкие образовательные результаты обучающихся, на ${year} год`,
    },
    course: "approved",
    place: { regionId, level: "municipal", municipalityId: dorogobuzh.municipalityId, schoolId: null },
    people: { author: people.mocOf(dorogobuzh.municipalityId), reviewer: input.analyst },
    rng,
    submitted: `${year}-01-12`,
    decided: `${year}-01-17`,
    doneShare: 0.75,
    order: {
      headerLines: [
        "Российская Федерация",
        "Смоленская область",
        `Комитет по образованию муниципального образования «${dorogobuzh.name}»`,
      ],
      number: "13/01-04",
      date: `${year}-01-17`,
      place: "г. Дорогобуж",
      title:
        "Об утверждении муниципальной «дорожной карты» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
      preamble: `На основании приказа Министерства образования и науки Смоленской области об организации сопровождения школ с низкими результатами обучения, в целях создания условий для повышения качества образования в школах муниципального образования «${dorogobuzh.name}», показывающих низкие результаты обучения,`,
      signerPosition: "Председатель Комитета по образованию",
      signerName: input.roadMaps.dorogobuzh.signer,
      authorityLines: ["Комитета по образованию", `муниципального образования «${dorogobuzh.name}»`],
    },
  });
  const moc = planFromTemplate(
    templateForYear(templateForYear(getPlanTemplate("moc_plan_2020_2021"), 2021, year), 2020, causesYear),
    academicYearPeriod(causesYear),
  );
  await storePlan(db, {
    plan: {
      ...moc,
      kind: "municipal_measures",
      level: "municipal",
      title: `Комплекс мер по сопровождению школ с низкими результатами обучения: ${smolensk.name}, ${causesYear}/${String(year).slice(2)} учебный год`,
    },
    course: "submitted",
    place: { regionId, level: "municipal", municipalityId: smolensk.municipalityId, schoolId: null },
    people: { author: people.mocOf(smolensk.municipalityId), reviewer: input.analyst },
    rng,
    submitted: `${causesYear}-10-20`,
    decided: `${causesYear}-10-20`,
    doneShare: 0,
  });
  const regional = planFromTemplate(
    getPlanTemplate("smolensk_regional_road_map_2018"),
    calendarYearPeriod(year),
  );
  await storePlan(db, {
    plan: {
      ...regional,
      title: `Дорожная карта проекта «Муниципальный образовательный центр как механизм управления качеством образования» на ${year} год`,
    },
    course: "approved",
    place: { regionId, level: "regional", municipalityId: null, schoolId: null },
    people: { author: input.analyst, reviewer: input.admin },
    rng,
    submitted: `${year}-01-20`,
    decided: `${year}-02-01`,
    doneShare: 0.8,
  });
  return dorogobuzhId > 0 ? 3 : 0;
}
