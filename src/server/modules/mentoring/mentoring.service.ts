import { and, eq, or, type SQL, sql } from "drizzle-orm";
import {
  fitReason,
  fitScore,
  type MatchWeights,
  matchMentors,
  weightsForScale,
} from "../../../core/mentoring";
import { PROFESSIONAL_BLOCKS } from "../../../core/teachers";
import type {
  CreateMentorInput,
  DeficitChange,
  MatchingInput,
  MatchingResult,
  MeetingInput,
  MentorRow,
  PairDetail,
  PairList,
  PairRow,
  UpdateMentorInput,
} from "../../../shared/mentoring-api";
import { mentors as mentorsTable } from "../../db/schema";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { can, requirePermission, resolveActorRegionId } from "../access/access.policy";
import { schoolScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/audit.service";
import { regionScale } from "../teachers/deficit-scale.service";
import {
  MENTORING_COLUMNS as C,
  deleteSuggestedPairs,
  findAssessments,
  findMeetings,
  findMenteeCandidates,
  findMenteeForFit,
  findMentor,
  findMentors,
  findPairs,
  findPairYears,
  findStaffPlace,
  findTeacherPlace,
  findUserRole,
  insertMeeting,
  insertMentor,
  insertPairs,
  lockPair,
  mentorExistsFor,
  type NewMentor,
  updateMentorRow,
  updatePairRow,
} from "./mentoring.repo";
import { ownsMunicipality, presentMentor, requireMentorReader, resolvePlace } from "./mentoring-access";

const NOTHING = sql`false`;

/**
 * Mentoring use cases (issue 12, point 6). Who sees what:
 * - the mentors registry: the region's users and the federal operator read the region's mentors, a
 *   МОЦ its municipality's and the other districts' active ones its matching may use (marked, read
 *   only); mentoring.manage holders create and edit them (a МОЦ only its own);
 * - the mentor candidates (mentor-candidates.service.ts): read like the registry, a МОЦ its own
 *   municipality's only; added by the МОЦ of the candidate's municipality or the region;
 * - pairs: seen through the mentee's school (the school scope: region, its МОЦ, its director, the
 *   federal operator reading), except a mentor, who sees only the pairs where they are the mentor,
 *   and a specialist, who sees none;
 * - the matching, confirming, changing and rejecting a pair: mentoring.manage over the mentee's school;
 * - meetings: mentoring.meet — a mentor on their own confirmed pairs, a МОЦ on its municipality's.
 */

/** The condition over pairs (joined with the mentee's school and the mentor) for what the actor sees. */
function pairScope(actor: Actor): SQL | undefined {
  if (actor.role === "mentor") return eq(C.mentorUser, actor.userId);
  if (actor.role === "specialist") return NOTHING;
  return schoolScope(actor);
}

/** The weights of a region's matching: its deficit scale's «освоено» levels (see weightsForScale). */
async function regionWeights(db: Db, regionId: number): Promise<MatchWeights> {
  return weightsForScale(await regionScale(db, regionId));
}

/**
 * The mentors registry: the region's mentors (a region user may narrow it to a municipality). A МОЦ
 * sees its own municipality's mentors and the region's other active ones — the mentors its matching
 * may use —, the others marked «другой муниципалитет» and read-only. With the year's load.
 */
export async function listMentors(
  db: Db,
  actor: Actor,
  q: { year: number; regionId?: number; municipalityId?: number },
): Promise<{ mentors: MentorRow[]; canManage: boolean }> {
  requireMentorReader(actor);
  const place = await resolvePlace(db, actor, q);
  let scope: SQL | undefined;
  if (place.municipalityId !== null) {
    scope = eq(C.mentorMunicipality, place.municipalityId);
    if (actor.role === "moc_coordinator") scope = or(scope, eq(C.mentorActive, true));
  }
  const rows = await findMentors(db, and(eq(C.mentorRegion, place.regionId), scope), q.year);
  const mentors = rows.map((row) => presentMentor(actor, row));
  // the МОЦ's own mentors first, then the other districts' (each part in the repo's order)
  mentors.sort((a, b) => Number(a.isOtherMunicipality) - Number(b.isOtherMunicipality));
  return { mentors, canManage: can(actor, "mentoring.manage") };
}

/** Refuses a mentor account link unless the user is a mentor of the same region. */
async function checkMentorUser(db: Db, userId: number | null | undefined, regionId: number): Promise<void> {
  if (userId === undefined || userId === null) return;
  const user = await findUserRole(db, userId);
  if (user?.role !== "mentor" || user.regionId !== regionId) {
    const message = "Учётная запись должна быть учётной записью наставника того же региона";
    throw new AppError("invalid_input", message, [{ path: "userId", message }]);
  }
}

/** The position a МОЦ staff mentor by name gets when none is given. */
export const DEFAULT_MOC_POSITION = "методист МОЦ";

/** The row of a new МОЦ staff mentor: from the staff list, or by name, position and the МОЦ's municipality. */
async function staffMentorValues(tx: Db, actor: Actor, input: CreateMentorInput): Promise<NewMentor> {
  const common = {
    kind: "moc_staff" as const,
    subjects: input.subjects ?? [],
    strengths: input.strengths,
    capacity: input.capacity,
    source: input.source === "other" ? ("moc" as const) : input.source,
    userId: input.userId ?? null,
  };
  if (!input.mocStaffId) {
    if (!input.fullName) throw invalid("fullName", "Укажите ФИО сотрудника МОЦ");
    if (actor.role !== "moc_coordinator" && input.municipalityId === undefined)
      throw invalid("municipalityId", "Выберите муниципалитет МОЦ");
    const place = await resolvePlace(tx, actor, { municipalityId: input.municipalityId });
    if (place.municipalityId === null) throw invalid("municipalityId", "Выберите муниципалитет МОЦ");
    return {
      ...common,
      regionId: place.regionId,
      fullName: input.fullName,
      position: input.position || DEFAULT_MOC_POSITION,
      municipalityId: place.municipalityId,
    };
  }
  const staff = await findStaffPlace(tx, input.mocStaffId);
  if (!staff || !ownsMunicipality(actor, staff.regionId, staff.municipalityId))
    throw notFound("Сотрудник МОЦ");
  if (await mentorExistsFor(tx, { mocStaffId: staff.id }))
    throw new AppError("conflict", "Этот сотрудник уже в реестре наставников");
  return {
    ...common,
    regionId: staff.regionId,
    mocStaffId: staff.id,
    fullName: staff.fullName,
    position: input.position ?? "",
    municipalityId: staff.municipalityId,
  };
}

/** The row of a new teacher or head mentor from the teacher registry. */
async function teacherMentorValues(tx: Db, actor: Actor, input: CreateMentorInput): Promise<NewMentor> {
  if (!input.teacherId) throw invalid("teacherId", "Выберите педагога");
  const teacher = await findTeacherPlace(tx, input.teacherId);
  if (!teacher || !ownsMunicipality(actor, teacher.regionId, teacher.municipalityId))
    throw notFound("Педагог");
  if (await mentorExistsFor(tx, { teacherId: teacher.id }))
    throw new AppError("conflict", "Этот педагог уже в реестре наставников");
  return {
    regionId: teacher.regionId,
    kind: input.kind === "head" ? "head" : "teacher",
    teacherId: teacher.id,
    fullName: teacher.fullName,
    schoolId: teacher.schoolId,
    municipalityId: teacher.municipalityId,
    subjects: input.subjects ?? teacher.subjects,
    strengths: input.strengths,
    capacity: input.capacity,
    source: input.source,
    userId: input.userId ?? null,
  };
}

/**
 * Adds a mentor: a teacher or head from the teacher registry, or a member of a МОЦ's staff — from
 * the staff list, or by name and position («методист МОЦ»), not attached to a school. Audited.
 */
export async function createMentor(
  db: Db,
  actor: Actor,
  input: CreateMentorInput,
  year: number,
): Promise<MentorRow> {
  requirePermission(actor, "mentoring.manage");
  const id = await db.transaction(async (tx) => {
    const values =
      input.kind === "moc_staff"
        ? await staffMentorValues(tx, actor, input)
        : await teacherMentorValues(tx, actor, input);
    return insertAuditedMentor(tx, actor, values);
  });
  return readMentor(db, actor, id, year);
}

/** Inserts a mentor row after checking its account link, and audits it (a candidate taken: `mentor_from_candidate`). */
export async function insertAuditedMentor(
  tx: Db,
  actor: Actor,
  values: NewMentor,
  action: "create" | "mentor_from_candidate" = "create",
): Promise<number> {
  await checkMentorUser(tx, values.userId, values.regionId);
  const mentorId = await insertMentor(tx, values);
  await recordAudit(tx, {
    actor,
    action,
    entity: "mentor",
    entityId: mentorId,
    after: values,
    regionId: values.regionId,
  });
  return mentorId;
}

/** A mentor as the actor sees it, by id. */
export async function readMentor(db: Db, actor: Actor, id: number, year: number): Promise<MentorRow> {
  const row = await findMentor(db, id, year);
  if (!row) throw notFound("Наставник");
  return presentMentor(actor, row);
}

function invalid(path: string, message: string): AppError {
  return new AppError("invalid_input", message, [{ path, message }]);
}

/** Edits a mentor's subjects, strengths, capacity, activity or account link. Audited with before/after. */
export async function updateMentor(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateMentorInput,
  year: number,
): Promise<MentorRow> {
  requirePermission(actor, "mentoring.manage");
  await db.transaction(async (tx) => {
    const before = await findMentor(tx, id, year);
    if (!before || !ownsMunicipality(actor, before.regionId, before.municipalityId))
      throw notFound("Наставник");
    if (input.userId !== undefined) await checkMentorUser(tx, input.userId, before.regionId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await updateMentorRow(tx, id, changes);
    const picked = Object.fromEntries(
      Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k]]),
    );
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "mentor",
      entityId: id,
      before: picked,
      after: changes,
      regionId: before.regionId,
    });
  });
  return readMentor(db, actor, id, year);
}

const publicPair = ({
  regionId: _r,
  municipalityId: _m,
  mentorUserId: _u,
  teacherSchoolId: _s,
  ...pair
}: Awaited<ReturnType<typeof findPairs>>[number]): PairRow => pair;

/** The school year (the year it ends) of a date: from September on, the next one. */
export function schoolYearOf(date: Date): number {
  return date.getUTCMonth() >= 8 ? date.getUTCFullYear() + 1 : date.getUTCFullYear();
}

/** The pairs the actor sees in a year (a mentor: their own mentees); without a year, the latest with pairs. */
export async function listPairs(
  db: Db,
  actor: Actor,
  q: { year?: number; regionId?: number; municipalityId?: number; status?: PairRow["status"] },
): Promise<PairList> {
  const conditions: (SQL | undefined)[] = [pairScope(actor)];
  if (actor.role === "federal_operator" || q.regionId !== undefined) {
    conditions.push(eq(C.schoolRegion, resolveActorRegionId(actor, q.regionId)));
  }
  if (q.municipalityId !== undefined) conditions.push(eq(C.schoolMunicipality, q.municipalityId));
  const years = await findPairYears(db, and(...conditions));
  const year = q.year ?? years[0] ?? schoolYearOf(new Date());
  conditions.push(eq(C.pairYear, year));
  if (q.status) conditions.push(eq(C.pairStatus, q.status));
  const rows = await findPairs(db, and(...conditions));
  return {
    year,
    years,
    pairs: rows.map(publicPair),
    canManage: can(actor, "mentoring.manage") && actor.role !== "mentor",
    canMeet: can(actor, "mentoring.meet"),
  };
}

/**
 * Runs the exact matching for a municipality (a МОЦ: its own) or the whole region: the teachers of
 * its schools with a diagnosis and no confirmed pair of the year against the region's active mentors
 * with their free places. The year's undecided suggestions of those teachers are replaced by the new
 * ones (score and reason stored). Audited as `mentor_match` / `mentoring_pair` with the counts.
 */
export async function runMatching(db: Db, actor: Actor, input: MatchingInput): Promise<MatchingResult> {
  requirePermission(actor, "mentoring.manage");
  const place = await resolvePlace(db, actor, input);
  const outcome = await db.transaction(async (tx) => {
    const mentees = await findMenteeCandidates(
      tx,
      and(
        eq(C.schoolRegion, place.regionId),
        place.municipalityId === null ? undefined : eq(C.schoolMunicipality, place.municipalityId),
      ),
      input.year,
    );
    const pool = (
      await findMentors(tx, and(eq(C.mentorRegion, place.regionId), eq(C.mentorActive, true)), input.year)
    ).map((m) => ({
      ...m,
      municipality: m.municipalityName,
    }));
    const weights = await regionWeights(tx, place.regionId);
    const result = matchMentors(mentees, pool, weights);
    await deleteSuggestedPairs(
      tx,
      mentees.map((m) => m.id),
      input.year,
    );
    const ids = await insertPairs(
      tx,
      result.pairs.map((p) => ({
        mentorId: Number(p.mentorId),
        teacherId: Number(p.teacherId),
        year: input.year,
        status: "suggested" as const,
        score: p.score,
        reason: p.reason,
        blocks: p.blocks,
      })),
    );
    await recordAudit(tx, {
      actor,
      action: "mentor_match",
      entity: "mentoring_pair",
      after: {
        year: input.year,
        municipalityId: place.municipalityId,
        teachers: mentees.length,
        suggested: ids.length,
        total: result.total,
      },
      regionId: place.regionId,
    });
    const byId = new Map(mentees.map((m) => [m.id, m]));
    return {
      ids,
      total: result.total,
      slots: result.slots,
      teachers: mentees.length,
      unassigned: result.unassigned.map((u) => {
        const t = byId.get(Number(u.teacherId));
        return {
          teacherId: Number(u.teacherId),
          fullName: t?.fullName ?? "",
          schoolName: t?.schoolName ?? "",
          reason: u.reason,
        };
      }),
    };
  });
  const pairs = outcome.ids.length
    ? (
        await findPairs(
          db,
          and(
            eq(C.pairYear, input.year),
            sql`${C.pairId} in (${sql.join(
              outcome.ids.map((i) => sql`${i}`),
              sql`, `,
            )})`,
          ),
        )
      ).map(publicPair)
    : [];
  return {
    pairs,
    unassigned: outcome.unassigned,
    total: outcome.total,
    teachers: outcome.teachers,
    slots: outcome.slots,
  };
}

/** The pair as the actor sees it, or 404. */
async function requirePair(db: Db, actor: Actor, id: number) {
  const [pair] = await findPairs(db, and(eq(C.pairId, id), pairScope(actor)));
  if (!pair) throw notFound("Пара наставничества");
  return pair;
}

/** The deficits of the mentee at the latest diagnosis against the one before, block by block. */
async function deficitChange(db: Db, teacherId: number): Promise<DeficitChange> {
  const [latest, earlier] = await findAssessments(db, teacherId, 2);
  const blocks = PROFESSIONAL_BLOCKS.filter(
    (b) => latest?.scores[b] !== undefined || earlier?.scores[b] !== undefined,
  ).map((block) => ({
    block,
    before: earlier?.scores[block] ?? null,
    after: latest?.scores[block] ?? null,
  }));
  return { latest: latest ?? null, earlier: earlier ?? null, blocks };
}

/** The pair card: the pair, its meetings, the mentee's deficit change, and (to manage) other mentors with a free place. */
export async function getPair(db: Db, actor: Actor, id: number): Promise<PairDetail> {
  const pair = await requirePair(db, actor, id);
  const canManage = can(actor, "mentoring.manage") && actor.role !== "mentor";
  let alternatives: PairDetail["alternatives"] = [];
  if (canManage && pair.status === "suggested") {
    const mentee = await findMenteeForFit(db, pair.teacher.id);
    const pool = await findMentors(
      db,
      and(eq(C.mentorRegion, pair.regionId), eq(C.mentorActive, true)),
      pair.year,
    );
    if (mentee) {
      const weights = await regionWeights(db, pair.regionId);
      alternatives = pool
        .filter((m) => m.id !== pair.mentor.id && m.load < m.capacity)
        .map((m) => {
          const fit = fitScore(mentee, { ...m, municipality: m.municipalityName }, weights);
          const score = Math.round((fit.score - weights.load * m.load) * 100) / 100;
          const reason = fitReason(fit, { load: m.load, weights });
          return { mentorId: m.id, fullName: m.fullName, score, reason };
        })
        .filter((a) => a.score > 0)
        .sort((a, b) => b.score - a.score || a.mentorId - b.mentorId)
        .slice(0, 10);
    }
  }
  return {
    pair: publicPair(pair),
    meetings: await findMeetings(db, id),
    deficitChange: await deficitChange(db, pair.teacher.id),
    alternatives,
    canManage,
    canMeet: canMeetOn(actor, pair),
  };
}

function canMeetOn(actor: Actor, pair: { status: string; mentorUserId: number | null }): boolean {
  if (!can(actor, "mentoring.meet") || pair.status !== "confirmed") return false;
  return actor.role !== "mentor" || pair.mentorUserId === actor.userId;
}

/** A decision on a suggested pair by its МОЦ or region. */
async function decide(
  db: Db,
  actor: Actor,
  id: number,
  decision: { kind: "confirm" } | { kind: "reject" } | { kind: "change"; mentorId: number },
): Promise<PairDetail> {
  requirePermission(actor, "mentoring.manage");
  const seen = await requirePair(db, actor, id);
  await db.transaction(async (tx) => {
    const row = await lockPair(tx, id);
    if (!row) throw notFound("Пара наставничества");
    if (row.status !== "suggested") throw new AppError("conflict", "Решение по паре уже принято");
    const decided = { decidedBy: actor.userId || null, decidedAt: new Date() };
    if (decision.kind === "reject") {
      await updatePairRow(tx, id, { status: "rejected", ...decided });
      await recordAudit(tx, {
        actor,
        action: "pair_reject",
        entity: "mentoring_pair",
        entityId: id,
        before: { status: row.status },
        after: { status: "rejected" },
        regionId: seen.regionId,
      });
      return;
    }
    const mentorId = decision.kind === "change" ? decision.mentorId : row.mentorId;
    const [mentor] = await findMentors(
      tx,
      and(eq(mentorsTable.id, mentorId), eq(C.mentorRegion, seen.regionId)),
      row.year,
    );
    if (!mentor) throw notFound("Наставник");
    if (!mentor.isActive) throw new AppError("conflict", "Наставник не работает с подопечными");
    if (mentor.load >= mentor.capacity) {
      throw new AppError("conflict", `У наставника нет свободных мест: ${mentor.load} из ${mentor.capacity}`);
    }
    if (decision.kind === "confirm") {
      await updatePairRow(tx, id, { status: "confirmed", ...decided });
      await recordAudit(tx, {
        actor,
        action: "pair_confirm",
        entity: "mentoring_pair",
        entityId: id,
        before: { status: row.status },
        after: { status: "confirmed", mentorId },
        regionId: seen.regionId,
      });
      return;
    }
    const mentee = await findMenteeForFit(tx, row.teacherId);
    if (!mentee) throw notFound("Педагог");
    const weights = await regionWeights(tx, seen.regionId);
    const fit = fitScore(mentee, { ...mentor, municipality: mentor.municipalityName }, weights);
    const score = Math.round((fit.score - weights.load * mentor.load) * 100) / 100;
    const reason =
      fit.score > 0
        ? fitReason(fit, { load: mentor.load, weights })
        : `Выбран МОЦ: ${fitReason(fit, { weights })}`;
    const changes = {
      mentorId,
      score,
      reason,
      blocks: fit.blocks.map((b) => b.block),
      status: "confirmed" as const,
      ...decided,
    };
    await updatePairRow(tx, id, changes);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "mentoring_pair",
      entityId: id,
      before: { mentorId: row.mentorId, score: row.score, reason: row.reason, status: row.status },
      after: changes,
      regionId: seen.regionId,
    });
  });
  return getPair(db, actor, id);
}

export const confirmPair = (db: Db, actor: Actor, id: number) => decide(db, actor, id, { kind: "confirm" });
export const rejectPair = (db: Db, actor: Actor, id: number) => decide(db, actor, id, { kind: "reject" });
export const changePairMentor = (db: Db, actor: Actor, id: number, mentorId: number) =>
  decide(db, actor, id, { kind: "change", mentorId });

/** Records a meeting of a confirmed pair: its mentor, or the МОЦ over the mentee's school. Audited. */
export async function addMeeting(db: Db, actor: Actor, id: number, input: MeetingInput): Promise<PairDetail> {
  requirePermission(actor, "mentoring.meet");
  const pair = await requirePair(db, actor, id);
  if (pair.status !== "confirmed")
    throw new AppError("conflict", "Встречи записывают только в подтверждённой паре");
  await db.transaction(async (tx) => {
    const meetingId = await insertMeeting(tx, id, input, actor.userId || null);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "mentoring_meeting",
      entityId: meetingId,
      after: { pairId: id, ...input },
      regionId: pair.regionId,
    });
  });
  return getPair(db, actor, id);
}
