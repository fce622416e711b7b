import { describe, expect, it } from "vitest";
import { DEFAULT_DEFICIT_SCALE, latestScoresByBlock, readDeficitScale } from "../teachers";
import { type CandidateSchool, type CandidateTeacher, mentorCandidates, schoolReason } from "./candidates";

const resilient: CandidateSchool = {
  schoolId: 1,
  name: "МБОУ СШ № 1",
  municipalityId: 10,
  municipalityName: "Гагаринский район",
  strength: "resilient",
  highIn: [],
  aboveExpectedSd: 0.84,
};
const high: CandidateSchool = {
  schoolId: 2,
  name: "МБОУ СШ № 2",
  municipalityId: 11,
  municipalityName: "Смоленский район",
  strength: "high_result",
  highIn: ["ОГЭ по математике (средний балл)"],
  aboveExpectedSd: 0.31,
};
const teacher = (
  id: number,
  schoolId: number,
  scores: CandidateTeacher["scores"],
  fullName = `Педагог ${id}`,
) => ({ id, fullName, position: "teacher", subjects: ["математика"], schoolId, scores }) as const;

describe("mentor candidates", () => {
  it("words the example of the issue: a resilient school, two strong blocks strongest first", () => {
    const [row] = mentorCandidates({
      schools: [resilient],
      teachers: [teacher(5, 1, { assessment: 88, subject: 92, digital: 40 })],
      scale: DEFAULT_DEFICIT_SCALE,
      mentorOf: new Map(),
    });
    expect(row?.sentence).toBe(
      "Школа устойчивая по контекстной модели (результат выше ожидаемого на 0,8 σ); сильные блоки: предметный 92, оценочный 88",
    );
    expect(row?.strengths).toEqual({ subject: 92, assessment: 88 });
    expect(row?.source).toBe("resilient");
    expect(row?.mentorId).toBeNull();
  });

  it("takes only blocks at the «освоено» level of the region's scale, and nobody without one", () => {
    const scale = readDeficitScale({
      deficitBelow: 50,
      masteredFrom: 70,
      byBlock: { digital: { deficitBelow: 60, masteredFrom: 85 } },
    });
    const rows = mentorCandidates({
      schools: [high],
      teachers: [teacher(1, 2, { digital: 80, methodical: 70 }), teacher(2, 2, { subject: 69, digital: 84 })],
      scale,
      mentorOf: new Map(),
    });
    expect(rows.map((r) => [r.teacherId, r.strengths])).toEqual([[1, { methodical: 70 }]]);
    expect(rows[0]?.sentence).toBe(
      "Школа с высокими результатами по контекстной модели (ОГЭ по математике (средний балл); результат выше ожидаемого на 0,3 σ); сильный блок: методический 70",
    );
  });

  it("leaves out teachers of other schools, puts resilient schools first and marks those in the registry", () => {
    const rows = mentorCandidates({
      schools: [high, resilient],
      teachers: [
        teacher(1, 2, { subject: 99 }),
        teacher(2, 1, { subject: 75 }),
        teacher(3, 9, { subject: 100 }),
      ],
      scale: DEFAULT_DEFICIT_SCALE,
      mentorOf: new Map([[1, 77]]),
    });
    expect(rows.map((r) => [r.teacherId, r.mentorId])).toEqual([
      [2, null],
      [1, 77],
    ]);
  });

  it("names two results a school is high in and counts the rest", () => {
    expect(schoolReason({ ...high, highIn: ["ОГЭ А", "ОГЭ Б", "ЕГЭ В", "ЕГЭ Г"], aboveExpectedSd: 1 })).toBe(
      "Школа с высокими результатами по контекстной модели (ОГЭ А; ОГЭ Б; ещё 2 результата; результат выше ожидаемого на 1,0 σ)",
    );
  });

  it("says so when no model was fitted (the best third fallback) or the result is as expected", () => {
    expect(schoolReason({ ...high, aboveExpectedSd: null })).toBe(
      "Школа с высокими результатами (ОГЭ по математике (средний балл))",
    );
    expect(schoolReason({ ...high, aboveExpectedSd: -0.2 })).toBe(
      "Школа с высокими результатами по контекстной модели (ОГЭ по математике (средний балл); результат на уровне ожидаемого)",
    );
  });
});

describe("the current score of each block", () => {
  it("keeps a block diagnosed only at an earlier sitting, and the later score of a block diagnosed twice", () => {
    expect(
      latestScoresByBlock([
        { scores: { subject: 40, methodical: 55 } },
        { scores: { digital: 30 } },
        { scores: { subject: 72 } },
      ]),
    ).toEqual({ subject: 72, methodical: 55, digital: 30 });
    expect(latestScoresByBlock([])).toEqual({});
  });
});
