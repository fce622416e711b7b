import { and, eq, inArray } from "drizzle-orm";
import { createRng } from "../../../core/demo";
import { fitReason, fitScore, masteredLevelOf, matchMentors, weightsForScale } from "../../../core/mentoring";
import { type BlockScores, PROFESSIONAL_BLOCKS } from "../../../core/teachers";
import {
  mentoringMeetings,
  mocStaff,
  mocs,
  municipalities,
  schools,
  userSchoolAssignments,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import {
  MENTORING_COLUMNS as C,
  findMenteeCandidates,
  findMentors,
  insertMentor,
  insertPairs,
} from "../mentoring/mentoring.repo";
import { regionScale } from "../teachers/deficit-scale.service";

/** What the demo's year of mentoring added. */
export type DemoMentoringSummary = {
  mentors: number;
  pairs: number;
  confirmedPairs: number;
  meetings: number;
};

/** The school year the demo's mentoring runs in: the programmes' year, after the 2025 identification. */
export const DEMO_MENTORING_YEAR = 2026;

const TOPICS = [
  "Критерии оценивания и разбор КИМ ВПР",
  "Формирующее оценивание на уроке",
  "Цифровые ресурсы: ФГИС «Моя школа»",
  "Проектирование урока по ФГОС",
  "Работа с обучающимися с трудностями в обучении",
  "Анализ результатов диагностической работы",
  "Нормативные документы: рабочая программа",
  "Открытый урок наставника: разбор",
];
const OUTCOMES = [
  "Составлен план работы на месяц",
  "Подобраны задания для отработки",
  "Посещён урок, даны рекомендации",
  "Разработан фрагмент урока",
  "Проведена самодиагностика",
];

const strengthsOf = (scores: BlockScores, level: number): BlockScores =>
  Object.fromEntries(PROFESSIONAL_BLOCKS.filter((b) => (scores[b] ?? 0) >= level).map((b) => [b, scores[b]]));

/**
 * A year of mentoring in the demo region, from the teachers and diagnoses already in the database
 * (the teachers step loads them; with none, nothing is added):
 * - mentors: teachers whose latest diagnosis is strong (mean 75 and more) — one or two a school —
 *   and the МОЦ staff who mentor; capacities 1–4;
 * - the demo `mentor` account is linked to a mentor of its МОЦ, whose mentees are the teachers with
 *   deficits of the schools assigned to it (confirmed pairs);
 * - the exact matching, municipality by municipality, over every other teacher with a deficit; three
 *   pairs in four confirmed by the МОЦ with meetings through the school year, the rest left suggested
 *   for a visitor to decide.
 * Deterministic for a seed; bulk inserts.
 */
export async function loadDemoMentoring(
  db: Db,
  opts: { regionId: number; seed: number },
): Promise<DemoMentoringSummary> {
  const { regionId } = opts;
  const year = DEMO_MENTORING_YEAR;
  const rng = createRng(opts.seed, "mentoring");
  const teachers = await findMenteeCandidates(db, eq(C.schoolRegion, regionId), year);
  if (teachers.length === 0) return { mentors: 0, pairs: 0, confirmedPairs: 0, meetings: 0 };
  const schoolPlace = new Map(
    (
      await db
        .select({ id: schools.id, municipalityId: schools.municipalityId })
        .from(schools)
        .where(eq(schools.regionId, regionId))
    ).map((s) => [s.id, s.municipalityId]),
  );
  const mean = (s: BlockScores) => {
    const v = Object.values(s).filter((x): x is number => typeof x === "number");
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  };
  const perSchool = new Map<number, number>();
  const mentorTeacherIds = new Set<number>();
  let mentorsAdded = 0;
  for (const t of [...teachers].sort((a, b) => mean(b.scores) - mean(a.scores) || a.id - b.id)) {
    if (mean(t.scores) < 75) break;
    const strengths = strengthsOf(t.scores, 75);
    if (Object.keys(strengths).length === 0 || (perSchool.get(t.schoolId) ?? 0) >= 2) continue;
    perSchool.set(t.schoolId, (perSchool.get(t.schoolId) ?? 0) + 1);
    mentorTeacherIds.add(t.id);
    await insertMentor(db, {
      regionId,
      kind: "teacher",
      teacherId: t.id,
      fullName: t.fullName,
      schoolId: t.schoolId,
      municipalityId: schoolPlace.get(t.schoolId) ?? 0,
      subjects: t.subjects,
      strengths,
      capacity: rng.int(1, 4),
      source: "high_result",
    });
    mentorsAdded += 1;
  }
  const staff = await db
    .select({
      id: mocStaff.id,
      fullName: mocStaff.fullName,
      municipalityId: mocs.municipalityId,
      code: municipalities.code,
    })
    .from(mocStaff)
    .innerJoin(mocs, eq(mocs.id, mocStaff.mocId))
    .innerJoin(municipalities, eq(municipalities.id, mocs.municipalityId))
    .where(
      and(
        eq(municipalities.regionId, regionId),
        inArray(mocStaff.position, ["mentor_head", "mentor_teacher"]),
      ),
    );
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.login, "mentor"), eq(users.regionId, regionId)));
  const assigned = account
    ? new Set(
        (
          await db
            .select({ schoolId: userSchoolAssignments.schoolId })
            .from(userSchoolAssignments)
            .where(eq(userSchoolAssignments.userId, account.id))
        ).map((r) => r.schoolId),
      )
    : new Set<number>();
  const accountMunicipality = [...assigned].map((s) => schoolPlace.get(s)).find((m) => m !== undefined);
  let accountMentorId: number | null = null;
  for (const s of staff) {
    const blocks = rng.shuffle(PROFESSIONAL_BLOCKS).slice(0, rng.int(2, 3));
    const linked = account && accountMentorId === null && s.municipalityId === accountMunicipality;
    const id = await insertMentor(db, {
      regionId,
      kind: "moc_staff",
      mocStaffId: s.id,
      fullName: s.fullName,
      municipalityId: s.municipalityId,
      strengths: Object.fromEntries(blocks.map((b) => [b, rng.int(80, 96)])),
      capacity: linked ? 6 : 3,
      source: "moc",
      userId: linked ? account.id : null,
    });
    if (linked) accountMentorId = id;
    mentorsAdded += 1;
  }
  const pool = (await findMentors(db, and(eq(C.mentorRegion, regionId), eq(C.mentorActive, true)), year)).map(
    (m) => ({
      ...m,
      municipality: m.municipalityName,
    }),
  );
  // the region's deficit levels, as the server's matching takes them
  const weights = weightsForScale(await regionScale(db, regionId));
  const hasDeficit = (s: BlockScores) =>
    PROFESSIONAL_BLOCKS.some((b) => (s[b] ?? 100) < masteredLevelOf(weights, b));
  const mentees = teachers.filter((t) => !mentorTeacherIds.has(t.id) && hasDeficit(t.scores));
  // the demo mentor's own mentees: teachers with deficits of its assigned schools
  const pairs: Parameters<typeof insertPairs>[1] = [];
  const accountMentor = pool.find((m) => m.id === accountMentorId);
  const taken = new Set<number>();
  if (accountMentor) {
    for (const t of mentees.filter((x) => assigned.has(x.schoolId)).slice(0, accountMentor.capacity)) {
      const fit = fitScore(t, accountMentor, weights);
      const load = pairs.length;
      pairs.push({
        mentorId: accountMentor.id,
        teacherId: t.id,
        year,
        status: "confirmed",
        score: Math.round((fit.score - weights.load * load) * 100) / 100,
        reason:
          fit.score > 0 ? fitReason(fit, { load, weights }) : `Выбран МОЦ: ${fitReason(fit, { weights })}`,
        blocks: fit.blocks.map((b) => b.block),
        decidedAt: new Date(Date.UTC(year - 1, 8, 10)),
      });
      taken.add(t.id);
    }
    accountMentor.load = pairs.length;
  }
  // Each МОЦ runs the matching for its municipality in turn, as in the work (smaller problems than the
  // region at once); the mentors' places taken by one run are gone for the next. The demo mentor keeps
  // to its assigned schools: it takes no part.
  const others = pool.filter((m) => m.id !== accountMentorId);
  const byMunicipality = new Map<string, typeof mentees>();
  for (const t of mentees) {
    if (taken.has(t.id)) continue;
    byMunicipality.set(t.municipality, [...(byMunicipality.get(t.municipality) ?? []), t]);
  }
  for (const group of byMunicipality.values()) {
    const result = matchMentors(group, others, weights);
    for (const p of result.pairs) {
      const confirmed = rng.chance(0.75);
      const mentor = others.find((m) => m.id === Number(p.mentorId));
      if (mentor) mentor.load += 1;
      pairs.push({
        mentorId: Number(p.mentorId),
        teacherId: Number(p.teacherId),
        year,
        status: confirmed ? "confirmed" : "suggested",
        score: p.score,
        reason: p.reason,
        blocks: p.blocks,
        decidedAt: confirmed ? new Date(Date.UTC(year - 1, 8, rng.int(10, 30))) : null,
      });
    }
  }
  const ids = await insertPairs(db, pairs);
  const meetings: (typeof mentoringMeetings.$inferInsert)[] = [];
  const start = Date.UTC(year - 1, 8, 15);
  const span = Date.UTC(year, 4, 25) - start;
  pairs.forEach((p, i) => {
    if (p.status !== "confirmed") return;
    const n = rng.int(3, 8);
    for (let k = 0; k < n; k += 1) {
      const day = new Date(start + Math.floor(((k + rng.next() * 0.8) / n) * span));
      meetings.push({
        pairId: ids[i] as number,
        heldOn: day.toISOString().slice(0, 10),
        format: rng.chance(0.6) ? "in_person" : "remote",
        topic: rng.pick(TOPICS),
        outcome: rng.pick(OUTCOMES),
      });
    }
  });
  for (let i = 0; i < meetings.length; i += 1000)
    await db.insert(mentoringMeetings).values(meetings.slice(i, i + 1000));
  return {
    mentors: mentorsAdded,
    pairs: pairs.length,
    confirmedPairs: pairs.filter((p) => p.status === "confirmed").length,
    meetings: meetings.length,
  };
}
