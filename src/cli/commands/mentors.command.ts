import { readFile, writeFile } from "node:fs/promises";
import { Command } from "commander";
import {
  fitMatrix,
  MATCH_WEIGHTS,
  type MatchInstance,
  type MatchResult,
  type MatchWeights,
  matchMentors,
  parseMatchInstance,
} from "../../core/mentoring";
import { say } from "./shared";

type MatchOptions = { in: string; out?: string };

/** Reads and checks an instance file: Russian errors naming the JSON path of each problem. */
export async function readInstance(file: string): Promise<MatchInstance> {
  const text = await readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Файл ${file} — не JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseMatchInstance(json);
  if (!parsed.ok)
    throw new Error([`Файл ${file} заполнен неверно:`, ...parsed.problems.map((p) => `  ${p}`)].join("\n"));
  return parsed.instance;
}

const num = (x: number) => x.toFixed(2);

/** The result file: the weights, every pair's fit, the assignment, the teachers left, the total. */
export type MatchOutput = {
  weights: MatchWeights;
  scores: { teacherId: string | number; mentorId: string | number; fit: number; km: number | null }[];
} & MatchResult;

/** Solves an instance; the lines to print and the JSON to write. */
export function solveInstance(instance: MatchInstance): { lines: string[]; output: MatchOutput } {
  const weights: MatchWeights = { ...MATCH_WEIGHTS, ...instance.weights };
  const fits = fitMatrix(instance.teachers, instance.mentors, weights);
  const result = matchMentors(instance.teachers, instance.mentors, weights);
  const scores: MatchOutput["scores"] = [];
  const lines: string[] = [];
  lines.push(`Оценки пар (педагогов: ${instance.teachers.length}, наставников: ${instance.mentors.length}):`);
  lines.push("педагог\tнаставник\tсоответствие\tкм");
  instance.teachers.forEach((t, i) => {
    instance.mentors.forEach((m, j) => {
      const fit = fits[i]?.[j];
      if (!fit) return;
      scores.push({ teacherId: t.id, mentorId: m.id, fit: fit.score, km: fit.km });
      lines.push(`${t.id}\t${m.id}\t${num(fit.score)}\t${fit.km ?? "—"}`);
    });
  });
  lines.push("");
  lines.push(`Назначение (штраф за нагрузку — ${weights.load} за каждого прежнего подопечного наставника):`);
  if (result.pairs.length === 0) lines.push("  пар нет");
  for (const p of result.pairs) {
    lines.push(
      `  ${p.teacherId} → ${p.mentorId}: ${num(p.score)} (соответствие ${num(p.fit)}, нагрузка −${num(p.loadPenalty)}) — ${p.reason}`,
    );
  }
  if (result.unassigned.length > 0) {
    lines.push("Без наставника:");
    for (const u of result.unassigned) lines.push(`  ${u.teacherId} — ${u.reason}`);
  }
  lines.push("");
  lines.push(
    `Итого: ${num(result.total)} (пар: ${result.pairs.length} из ${instance.teachers.length} педагогов; мест у наставников: ${result.slots})`,
  );
  return { lines, output: { weights, scores, ...result } };
}

/**
 * `opora mentors match --in instance.json [--out result.json]`: reads teachers and mentors (the
 * format of src/core/mentoring/instance.ts), prints every pair's fit score, the exact assignment
 * under the capacities and its total; --out writes the same as JSON. Needs no database.
 */
export function mentorsCommand(): Command {
  const match = new Command("match")
    .description(
      "Оптимальное назначение наставников педагогам с дефицитами (файл JSON с педагогами и наставниками)",
    )
    .requiredOption("--in <file>", "файл JSON: teachers, mentors, weights (необязательно)")
    .option("--out <file>", "записать результат в файл JSON")
    .action(async (options: MatchOptions) => {
      const instance = await readInstance(options.in);
      const { lines, output } = solveInstance(instance);
      if (options.out) await writeFile(options.out, `${JSON.stringify(output, null, 2)}\n`);
      say(lines.join("\n"));
    });
  return new Command("mentors").description("Наставники").addCommand(match);
}
