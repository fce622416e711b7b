import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/random";
import { DEFAULT_DEFICIT_SCALE, PROFESSIONAL_BLOCKS } from "../teachers";
import {
  fitReason,
  fitScore,
  fitScores,
  haversineKm,
  MATCH_WEIGHTS,
  type Mentee,
  type Mentor,
  matchMentors,
  parseMatchInstance,
  weightsForScale,
} from ".";

const W = MATCH_WEIGHTS;
/** A teacher with one deficit block, far from everything unless told (no coordinates, own district). */
const teacher = (id: string, scores: Mentee["scores"], extra: Partial<Mentee> = {}): Mentee => ({
  id,
  subjects: [],
  municipality: `район ${id}`,
  scores,
  ...extra,
});
const mentor = (
  id: string,
  strengths: Mentor["strengths"],
  capacity = 1,
  extra: Partial<Mentor> = {},
): Mentor => ({
  id,
  subjects: [],
  municipality: `район ${id}`,
  strengths,
  capacity,
  ...extra,
});
const pairsOf = (r: ReturnType<typeof matchMentors>) =>
  r.pairs.map((p) => `${p.teacherId}-${p.mentorId}`).sort();

/** The optimum by enumerating every partial assignment (small instances only). */
function bruteForce(teachers: Mentee[], mentors: Mentor[]): number {
  const fits = teachers.map((t) => mentors.map((m) => fitScore(t, m).score));
  let best = 0;
  const chosen: number[] = [];
  const walk = (i: number) => {
    if (i === teachers.length) {
      let total = 0;
      mentors.forEach((m, j) => {
        const got = chosen
          .map((c, t) => (c === j ? (fits[t]?.[j] ?? 0) : -1))
          .filter((f) => f >= 0)
          .sort((a, b) => b - a);
        got.forEach((f, k) => {
          total += Math.round((f - W.load * ((m.load ?? 0) + k)) * 100) / 100;
        });
      });
      best = Math.max(best, Math.round(total * 100) / 100);
      return;
    }
    chosen[i] = -1;
    walk(i + 1);
    mentors.forEach((m, j) => {
      const used = chosen.slice(0, i).filter((c) => c === j).length;
      if ((fits[i]?.[j] ?? 0) > 0 && used < m.capacity - (m.load ?? 0)) {
        chosen[i] = j;
        walk(i + 1);
      }
    });
    chosen[i] = -1;
  };
  walk(0);
  return best;
}

describe("fit score", () => {
  it("weighs a deficit by its size and the mentor's strength, block by block", () => {
    const fit = fitScore(
      teacher("t", { assessment: 42, digital: 90 }),
      mentor("m", { assessment: 88, digital: 95 }),
    );
    // (70 − 42) / 70 × 88 = 35,2; digital is mastered by the teacher, no points
    expect(fit.blockPoints).toBe(35.2);
    expect(fit.blocks.map((b) => b.block)).toEqual(["assessment"]);
    expect(fit.score).toBe(35.2);
    const weaker = fitScore(teacher("t", { assessment: 60 }), mentor("m", { assessment: 88 }));
    const weakerMentor = fitScore(teacher("t", { assessment: 42 }), mentor("m", { assessment: 72 }));
    expect(weaker.score).toBeLessThan(fit.score);
    expect(weakerMentor.score).toBeLessThan(fit.score);
  });

  it("has no fit when the mentor is strong in none of the deficits, whatever the subject and the place", () => {
    const fit = fitScore(
      teacher("t", { assessment: 30 }, { subjects: ["математика"], municipality: "А" }),
      mentor("m", { assessment: 65, digital: 99 }, 1, { subjects: ["математика"], municipality: "А" }),
    );
    expect(fit.score).toBe(0);
    expect(fitReason(fit)).toBe("Наставник не силён ни в одном из дефицитов педагога");
  });

  it("adds the same subject, the same municipality and nearness; takes off for distance", () => {
    const base = { scores: { methodical: 35 } } as const;
    const near = fitScore(
      teacher("t", base.scores, {
        subjects: ["математика", "физика"],
        municipality: "Вяземский",
        lat: 55.2,
        lon: 34.3,
      }),
      mentor("m", { methodical: 80 }, 1, {
        subjects: ["физика"],
        municipality: "Вяземский",
        lat: 55.3,
        lon: 34.4,
      }),
    );
    expect(near.sharedSubject).toBe("физика");
    expect(near.sameMunicipality).toBe(true);
    expect(near.km).toBeGreaterThan(12);
    expect(near.km).toBeLessThan(14);
    expect(near.score).toBeCloseTo(
      40 + W.subject + W.sameMunicipality + W.distance * (1 - (near.km ?? 0) / W.nearbyKm),
      1,
    );
    const far = fitScore(
      teacher("t", base.scores, { municipality: "Вяземский", lat: 55.2, lon: 34.3 }),
      mentor("m", { methodical: 80 }, 1, { municipality: "Рославльский", lat: 53.95, lon: 32.86 }),
    );
    expect(far.km).toBeGreaterThan(W.farKm);
    expect(far.placePoints).toBe(W.distance * (1 - W.farKm / W.nearbyKm));
    expect(far.score).toBe(40 + far.placePoints);
  });

  it("says why in Russian", () => {
    const fit = fitScore(
      teacher(
        "t",
        { assessment: 42 },
        { subjects: ["математика"], municipality: "Вяземский", lat: 55.2, lon: 34.3 },
      ),
      mentor("m", { assessment: 88 }, 1, {
        subjects: ["математика"],
        municipality: "Вяземский",
        lat: 55.3,
        lon: 34.4,
      }),
    );
    expect(fitReason(fit)).toBe(
      "Дефицит «Оценка образовательных результатов» (42) — сильная сторона наставника (88); один предмет — математика; 13 км, тот же район",
    );
    const two = fitScore(
      teacher("t", { assessment: 42, digital: 20, subject: 60 }),
      mentor("m", { assessment: 88, digital: 75, subject: 90 }),
    );
    expect(fitReason(two, { load: 2 })).toBe(
      "Дефициты «Цифровая компетентность» (20) и «Оценка образовательных результатов» (42) — сильные стороны наставника (75 и 88); ещё 1 блок с сильной стороной; другой район; у наставника уже 2 подопечных",
    );
  });

  it("measures distance by the haversine formula", () => {
    // Smolensk — Moscow, about 370 km
    expect(haversineKm({ lat: 54.7826, lon: 32.0453 }, { lat: 55.7558, lon: 37.6173 })).toBeGreaterThan(360);
    expect(haversineKm({ lat: 54.7826, lon: 32.0453 }, { lat: 55.7558, lon: 37.6173 })).toBeLessThan(380);
    expect(haversineKm({ lat: 10, lon: 10 }, { lat: 10, lon: 10 })).toBe(0);
  });
});

describe("exact matching", () => {
  it("beats the greedy choice: the best single pair is not in the optimum", () => {
    // A fits M1 best (deficit 0 vs 100 → 100) and M2 well; B fits only M1. Greedy: A–M1, B none.
    const teachers = [teacher("A", { assessment: 0, digital: 0 }), teacher("B", { assessment: 14 })];
    const mentors = [mentor("M1", { assessment: 100 }), mentor("M2", { digital: 90 })];
    const result = matchMentors(teachers, mentors);
    expect(pairsOf(result)).toEqual(["A-M2", "B-M1"]);
    expect(result.total).toBe(90 + 80);
    expect(result.unassigned).toEqual([]);
  });

  it("beats greedy on a three-by-three where the best pair must be given up", () => {
    // scores (deficit sizes × strengths): rows teachers, columns mentors
    const teachers = [
      teacher("t1", { subject: 0, methodical: 0 }),
      teacher("t2", { subject: 7 }),
      teacher("t3", { methodical: 35, digital: 0 }),
    ];
    const mentors = [
      mentor("m1", { subject: 100 }),
      mentor("m2", { methodical: 100 }),
      mentor("m3", { digital: 70 }),
    ];
    const result = matchMentors(teachers, mentors);
    // t1: m1 100, m2 100; t2: m1 90; t3: m2 50, m3 70 → optimum t1–m2, t2–m1, t3–m3 = 260
    expect(pairsOf(result)).toEqual(["t1-m2", "t2-m1", "t3-m3"]);
    expect(result.total).toBe(260);
    expect(result.total).toBe(bruteForce(teachers, mentors));
  });

  it("fills a mentor up to the capacity, paying the load penalty for each further mentee", () => {
    const teachers = ["a", "b", "c"].map((id) => teacher(id, { digital: 0 }));
    const result = matchMentors(teachers, [mentor("m", { digital: 100 }, 2)]);
    expect(result.pairs).toHaveLength(2);
    expect(result.pairs.map((p) => p.loadPenalty).sort()).toEqual([0, W.load]);
    expect(result.total).toBe(200 - W.load);
    expect(result.unassigned).toEqual([
      { teacherId: "c", reason: "Подходящие наставники заняты педагогами, которым они подходят больше" },
    ]);
  });

  it("counts the mentees a mentor already has against the capacity and in the penalty", () => {
    const teachers = [teacher("a", { digital: 0 }), teacher("b", { digital: 0 })];
    const result = matchMentors(teachers, [
      mentor("busy", { digital: 100 }, 3, { load: 2 }),
      mentor("free", { digital: 100 }, 1),
    ]);
    expect(result.pairs.map((p) => p.mentorId).sort()).toEqual(["busy", "free"]);
    expect(result.pairs.find((p) => p.mentorId === "busy")?.loadPenalty).toBe(2 * W.load);
    expect(result.pairs.find((p) => p.mentorId === "busy")?.reason).toContain(
      "у наставника уже 2 подопечных",
    );
    expect(result.total).toBe(200 - 2 * W.load);
  });

  it("prefers the less loaded of two equal mentors", () => {
    const result = matchMentors(
      [teacher("a", { digital: 0 })],
      [mentor("busy", { digital: 100 }, 5, { load: 3 }), mentor("free", { digital: 100 }, 5)],
    );
    expect(pairsOf(result)).toEqual(["a-free"]);
  });

  it("leaves unassigned the teachers no mentor fits, and every teacher when there are no slots", () => {
    const teachers = [
      teacher("a", { digital: 0 }),
      teacher("b", { normative: 10 }),
      teacher("c", { digital: 95 }),
    ];
    const result = matchMentors(teachers, [mentor("m", { digital: 100 }, 3)]);
    expect(pairsOf(result)).toEqual(["a-m"]);
    expect(result.unassigned.map((u) => u.teacherId)).toEqual(["b", "c"]);
    expect(result.unassigned[0]?.reason).toBe("Нет наставника, сильного в дефицитах педагога");
    const none = matchMentors(teachers, [mentor("m", { digital: 100 }, 0)]);
    expect(none.pairs).toEqual([]);
    expect(none.slots).toBe(0);
    expect(none.unassigned[0]?.reason).toBe("У наставников нет свободных мест");
    expect(matchMentors([], [mentor("m", { digital: 100 }, 2)]).pairs).toEqual([]);
  });

  it("drops a pair the load penalty makes worthless rather than forcing it", () => {
    // fit of b with m is 2 (deficit 68 vs 70 → 2 × 70 / 70 = 2), less than the penalty of a second mentee
    const teachers = [teacher("a", { digital: 0 }), teacher("b", { digital: 68 })];
    const result = matchMentors(teachers, [mentor("m", { digital: 70 }, 2)]);
    expect(pairsOf(result)).toEqual(["a-m"]);
  });

  it("agrees with enumeration on random small instances (more teachers than slots and fewer)", () => {
    const random = mulberry32(12);
    for (let round = 0; round < 60; round += 1) {
      const blocks = () =>
        Object.fromEntries(
          PROFESSIONAL_BLOCKS.filter(() => random() < 0.5).map((b) => [b, Math.round(random() * 100)]),
        );
      const municipalities = ["А", "Б", "В"];
      const place = () => ({
        municipality: municipalities[Math.floor(random() * 3)] as string,
        lat: 54 + random(),
        lon: 32 + random() * 2,
        subjects: random() < 0.5 ? ["математика"] : ["история"],
      });
      const teachers = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) =>
        teacher(`t${i}`, blocks(), place()),
      );
      const mentors = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, j) => {
        const capacity = Math.floor(random() * 3);
        return mentor(`m${j}`, blocks(), capacity, {
          ...place(),
          load: capacity > 0 ? Math.floor(random() * capacity) : 0,
        });
      });
      const result = matchMentors(teachers, mentors);
      expect(result.total).toBeCloseTo(bruteForce(teachers, mentors), 6);
      for (const m of mentors) {
        expect(result.pairs.filter((p) => p.mentorId === m.id).length).toBeLessThanOrEqual(
          m.capacity - (m.load ?? 0),
        );
      }
      expect(result.pairs.every((p) => p.score > 0)).toBe(true);
      expect(result.pairs.length + result.unassigned.length).toBe(teachers.length);
    }
  });
});

describe("instance", () => {
  it("reads the documented format", () => {
    const parsed = parseMatchInstance({
      teachers: [{ id: "t1", name: "Иванова А. П.", municipality: "Вяземский", scores: { assessment: 42 } }],
      mentors: [
        {
          id: 1,
          name: "Петрова Е. В.",
          municipality: "Вяземский",
          strengths: { assessment: 88 },
          capacity: 2,
        },
      ],
    });
    expect(parsed.ok).toBe(true);
  });

  it("names the JSON path of each problem, in Russian", () => {
    const parsed = parseMatchInstance({
      teachers: [
        { id: "t1", name: "А", municipality: "Р", scores: {} },
        { id: "t1", name: "Б", municipality: "Р", scores: { assessment: 142 } },
      ],
      mentors: [{ id: "m", name: "В", municipality: "Р", strengths: {}, capacity: -1 }],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContain("teachers[1].scores.assessment: Балл — от 0 до 100");
    expect(parsed.problems).toContain("mentors[0].capacity: Ёмкость — не меньше 0");
    expect(parsed.problems).toContain("teachers[1].id: Повторяется идентификатор «t1»");
  });
});

describe("score matrix", () => {
  it("gives exactly fitScore's numbers", () => {
    const random = mulberry32(7);
    const blocks = (lo: number) =>
      Object.fromEntries(
        PROFESSIONAL_BLOCKS.filter(() => random() < 0.6).map((b) => [
          b,
          Math.round(lo + random() * (100 - lo)),
        ]),
      );
    const place = () => ({
      municipality: ["А", "Б"][Math.floor(random() * 2)] as string,
      lat: random() < 0.9 ? 54 + random() * 2 : null,
      lon: 32 + random() * 3,
      subjects: [["математика", "история", "физика"][Math.floor(random() * 3)] as string],
    });
    const teachers = Array.from({ length: 40 }, (_, i) => teacher(`t${i}`, blocks(0), place()));
    const mentors = Array.from({ length: 30 }, (_, j) => mentor(`m${j}`, blocks(50), 1, place()));
    const matrix = fitScores(teachers, mentors);
    teachers.forEach((t, i) => {
      mentors.forEach((m, j) => {
        expect(matrix[i]?.[j]).toBe(fitScore(t, m).score);
      });
    });
  });
});

describe("the deficit level from a region's scale", () => {
  it("takes the scale's «освоено» bound, and a block's own bound where the scale sets one", () => {
    const weights = weightsForScale({
      deficitBelow: 40,
      masteredFrom: 60,
      byBlock: { digital: { deficitBelow: 50, masteredFrom: 80 } },
    });
    expect(weights.masteredLevel).toBe(60);
    expect(weights.masteredByBlock).toEqual({ digital: 80 });
    expect(weights.load).toBe(W.load);
    // 65 is mastered on the scale's general level, a deficit in the digital block (its own level 80)
    const t = teacher("t", { assessment: 65, digital: 65 });
    const m = mentor("m", { assessment: 90, digital: 90 });
    const fit = fitScore(t, m, weights);
    expect(fit.blocks.map((b) => b.block)).toEqual(["digital"]);
    expect(fit.blockPoints).toBeCloseTo((100 * (80 - 65) * 90) / 80 / 100, 2);
    expect(fitScores([t], [m], weights)[0]?.[0]).toBe(fit.score);
    // on the default weights (70 everywhere) both blocks are deficits
    expect(fitScore(t, m).blocks).toHaveLength(2);
    expect(matchMentors([t], [m], weights).pairs[0]?.score).toBe(fit.score);
  });

  it("the default scale gives the default weights' level", () => {
    const weights = weightsForScale(DEFAULT_DEFICIT_SCALE);
    expect(weights.masteredLevel).toBe(W.masteredLevel);
    expect(weights.masteredByBlock).toEqual({});
  });
});
