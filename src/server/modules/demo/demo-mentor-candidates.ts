import { and, asc, eq } from "drizzle-orm";
import { createRng } from "../../../core/demo";
import { generateDemoStaff } from "../../../core/demo/teachers/demo-teachers";
import { type BlockScores, PROFESSIONAL_BLOCKS } from "../../../core/teachers";
import {
  deficitAssessments,
  mentors,
  municipalities,
  schools,
  teachers,
  userSchoolAssignments,
  users,
} from "../../db/schema";
import type { Db } from "../../platform/db";
import { DEFAULT_MOC_POSITION } from "../mentoring/mentoring.service";
import { loadRegionPartnerBasis } from "../partners/partner-suggestions.service";
import { DEMO_MENTORING_YEAR } from "./demo-mentoring";

/** What the demo's mentor candidates step added. */
export type DemoMentorCandidatesSummary = {
  candidateSchools: number;
  candidateTeachers: number;
  staffMentors: number;
};

/** Candidate schools taken per municipality, and the staff diagnosed in each. */
const SCHOOLS_PER_MUNICIPALITY = 3;
const STAFF_PER_SCHOOL = 5;

/** The two МОЦ methodists who mentor, not attached to a school. */
const STAFF_MENTORS: readonly {
  fullName: string;
  subjects: string[];
  strengths: BlockScores;
  capacity: number;
}[] = [
  {
    fullName: "Ковалёва Татьяна Сергеевна",
    subjects: ["математика"],
    strengths: { methodical: 92, assessment: 90, subject: 86 },
    capacity: 4,
  },
  {
    fullName: "Белов Андрей Николаевич",
    subjects: ["русский язык", "литература"],
    strengths: { digital: 94, psychological: 85, normative: 88 },
    capacity: 3,
  },
];

/**
 * Mentor candidates in the demo region (issue 12, point 6): the staff of the schools the contextual
 * model finds resilient or high in a result (the partner suggestions' schools; the teachers step
 * fills only the programme schools) — up to three such schools a municipality, five people each, two
 * of them strong in two or three blocks, diagnosed in two sittings (autumn and February, one strong
 * block in February: the candidates list and the ИОМ read the latest score of each block), the rest
 * middling (52–68). None is in the registry: the
 * МОЦ adds them from the candidates tab. And two МОЦ methodists as mentors by name («методист МОЦ»)
 * in the district of the demo mentor account (see demoMentorMunicipality). Deterministic for a seed.
 */
export async function loadDemoMentorCandidates(
  db: Db,
  opts: { regionId: number; seed: number },
): Promise<DemoMentorCandidatesSummary> {
  const rng = createRng(opts.seed, "mentor-candidates");
  const basis = await loadRegionPartnerBasis(db, opts.regionId);
  const byMunicipality = new Map<number, typeof basis.candidates>();
  const sorted = [...basis.candidates].sort(
    (a, b) =>
      Number(b.strength === "resilient") - Number(a.strength === "resilient") || a.code.localeCompare(b.code),
  );
  for (const c of sorted) {
    const list = byMunicipality.get(c.municipalityId) ?? [];
    if (list.length < SCHOOLS_PER_MUNICIPALITY) list.push(c);
    byMunicipality.set(c.municipalityId, list);
  }
  let candidateSchools = 0;
  let candidateTeachers = 0;
  const autumn = `${DEMO_MENTORING_YEAR - 1}-10-14`;
  const february = `${DEMO_MENTORING_YEAR}-02-11`;
  for (const list of byMunicipality.values()) {
    for (const school of list) {
      const staff = generateDemoStaff(opts.seed, `candidates:${school.code}`, STAFF_PER_SCHOOL);
      const rows = await db
        .insert(teachers)
        .values(staff.map((t) => ({ ...t, schoolId: school.schoolId })))
        .onConflictDoNothing()
        .returning({ id: teachers.id });
      const diagnoses: (typeof deficitAssessments.$inferInsert)[] = [];
      rows.forEach((row, index) => {
        const isStrong = index === 1 || index === 2;
        // a strong one: two or three blocks at 84–97, one of them (the last) diagnosed in February
        const blocks = rng.shuffle(PROFESSIONAL_BLOCKS);
        const strong = new Set(isStrong ? [...blocks.slice(0, rng.int(1, 2)), blocks[5]] : []);
        const score = (b: (typeof blocks)[number]) => (strong.has(b) ? rng.int(84, 97) : rng.int(52, 68));
        const first = Object.fromEntries(blocks.slice(0, 4).map((b) => [b, score(b)])) as BlockScores;
        const second = Object.fromEntries(blocks.slice(4).map((b) => [b, score(b)])) as BlockScores;
        diagnoses.push({
          teacherId: row.id,
          assessedOn: autumn,
          year: DEMO_MENTORING_YEAR,
          source: "test",
          scores: first,
        });
        diagnoses.push({
          teacherId: row.id,
          assessedOn: february,
          year: DEMO_MENTORING_YEAR,
          source: "test",
          scores: second,
        });
        if (isStrong) candidateTeachers += 1;
      });
      if (diagnoses.length > 0) await db.insert(deficitAssessments).values(diagnoses);
      candidateSchools += 1;
    }
  }
  const municipalityId = await demoMentorMunicipality(db, opts.regionId);
  let staffMentors = 0;
  if (municipalityId !== null) {
    for (const s of STAFF_MENTORS) {
      await db.insert(mentors).values({
        regionId: opts.regionId,
        kind: "moc_staff",
        fullName: s.fullName,
        position: DEFAULT_MOC_POSITION,
        municipalityId,
        subjects: s.subjects,
        strengths: s.strengths,
        capacity: s.capacity,
        source: "moc",
      });
      staffMentors += 1;
    }
  }
  return { candidateSchools, candidateTeachers, staffMentors };
}

/**
 * Where the demo's МОЦ methodists work: the district of the demo `mentor` account's schools (the
 * МОЦ the browser flow signs in as), else the municipality of the first МОЦ account by login.
 */
async function demoMentorMunicipality(db: Db, regionId: number): Promise<number | null> {
  const [viaMentor] = await db
    .select({ municipalityId: schools.municipalityId })
    .from(users)
    .innerJoin(userSchoolAssignments, eq(userSchoolAssignments.userId, users.id))
    .innerJoin(schools, eq(schools.id, userSchoolAssignments.schoolId))
    .where(and(eq(users.login, "mentor"), eq(users.regionId, regionId)))
    .orderBy(asc(schools.id))
    .limit(1);
  if (viaMentor) return viaMentor.municipalityId;
  const [moc] = await db
    .select({ municipalityId: users.municipalityId })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(users.regionId, regionId), eq(users.role, "moc_coordinator")))
    .orderBy(asc(users.login))
    .limit(1);
  return moc?.municipalityId ?? null;
}
