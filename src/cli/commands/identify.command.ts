import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import type { IdentifyProgress } from "../../server/modules/identification/identify.service";
import { identifyFromCli, type RuleSpec } from "../../server/modules/identification/identify-cli.service";
import { say, withDatabase } from "./shared";

type IdentifyOptions = { rules: string; year: number; region?: string; out?: string };

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new InvalidArgumentError("год от 2000 до 2100");
  return year;
}

/** Each comma-separated item of --rules: an existing JSON file, else a stored rule set's id or preset key. */
async function readSpecs(rules: string): Promise<RuleSpec[]> {
  const items = rules
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError("укажите файл или номер набора правил");
  return Promise.all(
    items.map(async (item): Promise<RuleSpec> => {
      if (!existsSync(item)) return { kind: "stored", ref: item };
      const text = await readFile(item, "utf8");
      try {
        return { kind: "file", path: item, definition: JSON.parse(text) };
      } catch (err) {
        throw new Error(`Файл ${item} — не JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
}

/** Progress on standard error: the stage, then schools done of total (at most every 0,2 s on a terminal, 2 s otherwise). */
function progressPrinter(): { update: (progress: IdentifyProgress) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let drawn = false;
  const write = (line: string) => {
    drawn = true;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
  return {
    update(progress) {
      if (progress.stage === "load") return write("Загрузка данных…");
      const now = Date.now();
      if (now - last < (tty ? 200 : 2000) && progress.done < progress.total) return;
      last = now;
      const share = progress.total > 0 ? progress.done / progress.total : 1;
      const bar = `[${"#".repeat(Math.round(share * 30)).padEnd(30, "-")}] ${Math.round(share * 100)}%`;
      write(`${bar} проверка критериев: ${progress.done} из ${progress.total} школ`);
    },
    end() {
      if (drawn && tty) process.stderr.write("\n");
    },
  };
}

/**
 * `opora identify --rules FILE|ID[,…] --year Y [--region CODE] [--out F.json|F.xlsx]`: runs rule sets
 * over every school of a region and prints JSON {region, year, ruleSets, schools, summary}.
 */
export function identifyCommand(): Command {
  return new Command("identify")
    .description("Идентификация ШНРО и ШФНСУ по наборам правил (файл JSON, номер или ключ набора)")
    .requiredOption("--rules <FILE|ID>", "файлы JSON и/или номера (ключи) наборов правил через запятую")
    .requiredOption("--year <Y>", "год (учебный год, которым заканчивается)", parseYear)
    .option("--region <CODE>", "код региона (если регионов несколько)")
    .option("--out <FILE>", "записать результат в файл .json или .xlsx")
    .action(async (options: IdentifyOptions) => {
      const specs = await readSpecs(options.rules);
      const extension = options.out ? path.extname(options.out).toLowerCase() : null;
      if (extension !== null && extension !== ".json" && extension !== ".xlsx") {
        throw new Error("--out: укажите файл .json или .xlsx");
      }
      const progress = progressPrinter();
      await withDatabase(async ({ db }) => {
        const { output, xlsx } = await identifyFromCli(db, {
          regionCode: options.region,
          specs,
          year: options.year,
          xlsx: extension === ".xlsx",
          onProgress: progress.update,
        });
        progress.end();
        const json = JSON.stringify(output, null, 2);
        if (options.out && xlsx) await writeFile(options.out, xlsx);
        else if (options.out) await writeFile(options.out, `${json}\n`);
        say(json);
      });
    });
}
