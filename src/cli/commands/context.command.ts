import { writeFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { type ContextModelResponse, contextModelQuerySchema, QUADRANT_LABELS } from "../../core/analytics";
import { SYSTEM_ACTOR } from "../../server/modules/access/actor";
import { findRegionsByCode } from "../../server/modules/analytics/analytics.repo";
import { runContextModel } from "../../server/modules/analytics/analytics.service";
import type { Db } from "../../server/platform/db";
import { AppError } from "../../server/platform/errors";
import { say, withDatabase } from "./shared";

/** The JSON the command prints: the model and, per school, the expected result, interval, residual and group. */
export function contextReport(result: ContextModelResponse) {
  const { model } = result;
  return {
    year: result.year,
    model: {
      outcome: model.outcome,
      context: model.context,
      n: model.n,
      coefficients: model.coefficients.map(({ code, name, estimate, standardError, tValue, pValue }) => ({
        code,
        name,
        estimate,
        standardError,
        tValue,
        pValue,
      })),
      r2: model.r2,
      adjustedR2: model.adjustedR2,
      residualSd: model.residualSd,
      boundaries: model.boundaries,
      quadrantCounts: model.quadrantCounts,
      rule: model.rule,
    },
    schools: result.schools.map((s) => ({
      code: s.code,
      name: s.name,
      actual: s.actual,
      expected: s.expected,
      low: s.low,
      high: s.high,
      residual: s.residual,
      quadrant: s.quadrant,
      quadrantName: QUADRANT_LABELS[s.quadrant],
    })),
    excluded: result.excluded.map((e) => ({ code: e.code, name: e.name, missing: e.missing })),
  };
}

async function regionIdOf(db: Db, code: string | undefined): Promise<number> {
  const found = await findRegionsByCode(db, code);
  if (code !== undefined && found.length === 0) throw new Error(`Нет региона с кодом «${code}»`);
  if (found.length !== 1) {
    throw new Error(`Укажите регион: --region ${found.map((r) => r.code).join(" | ")}`);
  }
  return found[0]!.id;
}

const year = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("год — целое число");
  return n;
};

/** `opora context`: the contextual model for a year, as JSON on standard output or in a file. */
export function contextCommand(): Command {
  return new Command("context")
    .description("Контекстная модель: ожидаемый результат школ по социальному контексту, остатки и группы")
    .requiredOption("--outcome <code>", "код показателя результата (например, ege_math_mean)")
    .requiredOption("--context <codes>", "коды показателей контекста через запятую")
    .requiredOption("--year <year>", "год (учебный год, в котором проходит ГИА)", year)
    .option("--region <code>", "код региона (обязателен, если регионов несколько)")
    .option("--out <file>", "записать JSON в файл вместо вывода на экран")
    .action(
      async (opts: { outcome: string; context: string; year: number; region?: string; out?: string }) => {
        await withDatabase(async ({ db }) => {
          const regionId = await regionIdOf(db, opts.region);
          const query = contextModelQuerySchema.parse({ ...opts, regionId });
          let result: ContextModelResponse;
          try {
            result = await runContextModel({ db, actor: SYSTEM_ACTOR, query });
          } catch (err) {
            if (err instanceof AppError && err.issues.length > 0) {
              throw new Error(`${err.message}: ${err.issues.map((i) => i.message).join("; ")}`);
            }
            throw err;
          }
          const json = JSON.stringify(contextReport(result), null, 2);
          if (!opts.out) return say(json);
          await writeFile(opts.out, `${json}\n`, "utf8");
          say(
            `Модель по ${result.model.n} школам (R² = ${result.model.r2.toFixed(3)}) записана в ${opts.out}`,
          );
        });
      },
    );
}
