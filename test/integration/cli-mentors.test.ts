import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOpora } from "../support/cli";

/** `opora mentors match` run as a person runs it: a child process, a file in, text and a file out. */
describe("opora mentors match", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "opora-mentors-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // greedy would give A the best pair A–M1 (100) and leave B without a mentor (total 100); the optimum is 170
  const instance = {
    teachers: [
      {
        id: "A",
        name: "Иванова А. П.",
        municipality: "Вяземский район",
        subjects: ["математика"],
        scores: { assessment: 0, digital: 0 },
      },
      { id: "B", name: "Петров Б. В.", municipality: "Вяземский район", scores: { assessment: 14 } },
      { id: "C", name: "Орлов В. Г.", municipality: "Гагаринский район", scores: { normative: 20 } },
    ],
    mentors: [
      {
        id: "M1",
        name: "Сидорова Е. В.",
        municipality: "Смоленск",
        strengths: { assessment: 100 },
        capacity: 1,
      },
      {
        id: "M2",
        name: "Кузнецова О. Н.",
        municipality: "Смоленск",
        strengths: { digital: 90 },
        capacity: 2,
      },
    ],
  };

  it("prints every pair's score, the exact assignment with reasons and its total; --out writes them as JSON", async () => {
    const input = path.join(dir, "instance.json");
    const out = path.join(dir, "result.json");
    await writeFile(input, JSON.stringify(instance));
    const run = await runOpora(["mentors", "match", "--in", input, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("A\tM1\t100.00");
    expect(run.stdout).toContain("A\tM2\t90.00");
    expect(run.stdout).toContain("B\tM1\t80.00");
    expect(run.stdout).toContain("C\tM2\t0.00");
    expect(run.stdout).toContain("A → M2: 90.00");
    expect(run.stdout).toContain("B → M1: 80.00");
    expect(run.stdout).toContain(
      "Дефицит «Оценка образовательных результатов» (14) — сильная сторона наставника (100)",
    );
    expect(run.stdout).toContain("C — Нет наставника, сильного в дефицитах педагога");
    expect(run.stdout).toContain("Итого: 170.00 (пар: 2 из 3 педагогов; мест у наставников: 3)");
    const result = JSON.parse(await readFile(out, "utf8"));
    expect(result.total).toBe(170);
    expect(result.scores).toHaveLength(6);
    expect(
      result.pairs.map((p: { teacherId: string; mentorId: string }) => `${p.teacherId}-${p.mentorId}`),
    ).toEqual(["A-M2", "B-M1"]);
    expect(result.unassigned).toEqual([
      { teacherId: "C", reason: "Нет наставника, сильного в дефицитах педагога" },
    ]);
    expect(result.weights.load).toBeGreaterThan(0);
  });

  it("refuses a bad instance in Russian, naming the JSON path of each problem, and writes nothing", async () => {
    const input = path.join(dir, "bad.json");
    const out = path.join(dir, "bad-result.json");
    const bad = structuredClone(instance) as unknown as {
      teachers: Record<string, unknown>[];
      mentors: Record<string, unknown>[];
    };
    (bad.teachers[1] as { scores: Record<string, number> }).scores.assessment = 140;
    (bad.mentors[0] as Record<string, unknown>).capacity = 1.5;
    await writeFile(input, JSON.stringify(bad));
    const run = await runOpora(["mentors", "match", "--in", input, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`Файл ${input} заполнен неверно:`);
    expect(run.stderr).toContain("teachers[1].scores.assessment: Балл — от 0 до 100");
    expect(run.stderr).toContain("mentors[0].capacity: Ёмкость — целое число");
    await expect(readFile(out, "utf8")).rejects.toThrow();
  });

  it("says so when the file is not JSON or is missing", async () => {
    const input = path.join(dir, "broken.json");
    await writeFile(input, "{ teachers: ");
    const broken = await runOpora(["mentors", "match", "--in", input]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Файл ${input} — не JSON`);
    const missing = await runOpora(["mentors", "match", "--in", path.join(dir, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Файл или каталог не найден");
  });
});
