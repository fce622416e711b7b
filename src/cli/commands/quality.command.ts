import { writeFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { qualityFromCli, similarFilesInFolder } from "../../server/modules/quality/quality-cli.service";
import { say, withDatabase } from "./shared";

type QualityOptions = {
  year?: number;
  regionCode?: string;
  out?: string;
  similar?: string;
  threshold?: number;
};

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new InvalidArgumentError("год от 2000 до 2100");
  return year;
}

function parseThreshold(text: string): number {
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value) || value < 0.05 || value > 1)
    throw new InvalidArgumentError("число от 0,05 до 1");
  return value;
}

/**
 * `opora quality --year Y [--region-code C] [--out F.json]` prints the report-quality flags of a
 * region's year as JSON; `opora quality --similar DIR [--threshold T]` prints every pair of the
 * folder's .docx/.txt/.md files at or above the threshold, each with its score and shared passages.
 */
export function qualityCommand(): Command {
  return new Command("quality")
    .description(
      "Контроль качества отчётов: совпадения текстов, рекомендации без связи, результаты без сравнения",
    )
    .option("--year <Y>", "учебный год (которым заканчивается)", parseYear)
    .option("--region-code <C>", "код региона (если регионов несколько)")
    .option("--out <FILE>", "записать результат в файл .json")
    .option("--similar <DIR>", "сравнить между собой файлы .docx, .txt и .md папки")
    .option(
      "--threshold <T>",
      "порог сходства (оценка Жаккара) от 0,05 до 1, по умолчанию 0,5",
      parseThreshold,
    )
    .action(async (options: QualityOptions) => {
      if (options.out !== undefined && !/\.json$/i.test(options.out))
        throw new Error("--out: укажите файл .json");
      let output: unknown;
      if (options.similar !== undefined) {
        output = await similarFilesInFolder(options.similar, options.threshold);
      } else {
        const year = options.year;
        if (year === undefined)
          throw new Error("Укажите --year Y (или --similar ПАПКА для сравнения файлов)");
        output = await withDatabase(({ db }) =>
          qualityFromCli(db, { regionCode: options.regionCode, year, threshold: options.threshold }),
        );
      }
      const json = JSON.stringify(output, null, 2);
      if (options.out) await writeFile(options.out, `${json}\n`);
      say(json);
    });
}
