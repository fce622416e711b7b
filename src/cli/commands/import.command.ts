import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import type { Actor } from "../../server/modules/access/actor";
import { findIdsByCodes, findRegions } from "../../server/modules/hierarchy/hierarchy.repo";
import { type ImportKind, runImport } from "../../server/modules/import/import-run.service";
import type { ImportSummary } from "../../server/modules/import/import-summary";
import type { Db } from "../../server/platform/db";
import type { MappingSource } from "../../shared/import-api";
import { say, withDatabase } from "./shared";

type ImportOptions = { mapping?: string; year?: number; dryRun?: boolean; region?: string };

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new InvalidArgumentError("год от 2000 до 2100");
  return year;
}

/** The region to import into: --region CODE, or the only region of the installation. */
async function regionOf(db: Db, code: string | undefined): Promise<number> {
  if (code !== undefined) {
    const { regionId } = await findIdsByCodes(db, { regionCode: code });
    if (regionId === undefined) throw new Error(`Регион с кодом «${code}» не найден`);
    return regionId;
  }
  const regions = await findRegions(db, undefined);
  const [only] = regions;
  if (regions.length === 1 && only) return only.id;
  throw new Error(
    `Укажите регион: --region КОД (${regions.map((r) => r.code).join(", ") || "регионов нет"})`,
  );
}

/** The command line acts as the system with a region administrator's rights in that region. */
function cliActor(regionId: number): Actor {
  return {
    userId: 0,
    login: "cli",
    fullName: "Командная строка",
    role: "region_admin",
    regionId,
    municipalityId: null,
    schoolId: null,
    isDemo: false,
    federalRegionIds: null,
  };
}

/** A progress bar on standard error: rows done of the estimated total, redrawn at most 5 times a second. */
function progressBar(): { update: (done: number, total: number) => void; end: () => void } {
  let last = 0;
  let drawn = false;
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < (tty ? 200 : 2000)) return;
      last = now;
      drawn = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const bar =
        total > 0
          ? `[${"#".repeat(Math.round(share * 30)).padEnd(30, "-")}] ${Math.round(share * 100)}% `
          : "";
      const line = `${bar}строк: ${done}${total > 0 ? ` из ~${total}` : ""}`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
    end() {
      if (drawn && tty) process.stderr.write("\n");
    },
  };
}

/** Where the mapping came from, in words: the --mapping file, remembered (by whom, when) or guessed. */
export function describeMappingSource(source: MappingSource): string {
  switch (source.kind) {
    case "file":
      return `из файла ${source.file}`;
    case "given":
      return "передано с запросом";
    case "remembered": {
      const at = new Date(source.at).toLocaleString("ru-RU", { dateStyle: "short", timeStyle: "short" });
      return `запомнено для такой же шапки файла (${source.by ? `${source.by}, ` : ""}${at})`;
    }
    case "guessed":
      return "угадано по названиям столбцов";
  }
}

/** The lines about the mapping on standard error: where it came from, and the columns it leaves out. */
function sayMapping(summary: ImportSummary): void {
  if (summary.mappingSource) {
    process.stderr.write(`Сопоставление столбцов: ${describeMappingSource(summary.mappingSource)}\n`);
  }
  const ignored = summary.ignoredColumns ?? [];
  if (ignored.length > 0) {
    process.stderr.write(
      `Не загружаются столбцы, не сопоставленные ни с чем (${ignored.length}): ${ignored.map((name) => `«${name}»`).join(", ")}\n`,
    );
  }
}

/** The JSON summary printed on standard output. */
function printSummary(summary: ImportSummary): void {
  const { rows, created, updated, unchanged, errors, errorCount, dryRun, jobId, changes } = summary;
  const { mapping, mappingSource, ignoredColumns } = summary;
  // A dry run adds the first MAX_LISTED_CHANGES new or changed values (their total is created + updated).
  const printed = {
    rows,
    created,
    updated,
    unchanged,
    errors,
    errorCount,
    dryRun,
    jobId,
    changes,
    mappingSource,
    mapping,
    ignoredColumns,
  };
  say(JSON.stringify(printed, null, 2));
}

/** Throws a Russian error unless the path is an existing file (a folder is said to be one, not EISDIR). */
function requireFile(file: string, what: string): void {
  if (!existsSync(file)) throw new Error(`${what} не найден: ${file}`);
  if (!statSync(file).isFile()) throw new Error(`${what} — не файл, а каталог (или устройство): ${file}`);
}

/** Reads the mapping file, saying in Russian what is wrong with it. */
async function readMapping(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined;
  requireFile(file, "Файл сопоставления");
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`Файл сопоставления ${file} — не JSON: ${(error as Error).message}`);
  }
}

async function runCli(kind: ImportKind, file: string, options: ImportOptions): Promise<void> {
  requireFile(file, "Файл");
  const mapping = await readMapping(options.mapping);
  const bar = progressBar();
  const summary = await withDatabase(async ({ db }) => {
    const regionId = await regionOf(db, options.region);
    return runImport({
      db,
      actor: cliActor(regionId),
      regionId,
      kind,
      file: { path: file, fileName: path.basename(file) },
      mapping,
      year: options.year,
      dryRun: options.dryRun === true,
      onProgress: bar.update,
    });
  });
  bar.end();
  const given = options.mapping;
  const described: ImportSummary =
    given !== undefined && summary.mappingSource?.kind === "given"
      ? { ...summary, mappingSource: { kind: "file", file: given } }
      : summary;
  sayMapping(described);
  printSummary(described);
  if (summary.errorCount > 0) process.exitCode = 1;
}

/** `opora import schools|values FILE`: imports the school registry or indicator values, all or nothing. */
export function importCommand(): Command {
  const command = new Command("import").description("Загрузка данных из XLSX или CSV (всё или ничего)");
  command
    .command("schools")
    .description("Загрузить реестр школ: школы по коду создаются или обновляются")
    .argument("<file>", "файл XLSX или CSV")
    .option("--mapping <file>", "файл сопоставления столбцов (JSON)")
    .option("--region <code>", "код региона (если регионов несколько)")
    .option("--dry-run", "только проверить и посчитать изменения, ничего не записывая")
    .action((file: string, options: ImportOptions) => runCli("schools", file, options));
  command
    .command("values")
    .description("Загрузить значения показателей (широкая или длинная таблица)")
    .argument("<file>", "файл XLSX или CSV")
    .option("--mapping <file>", "файл сопоставления столбцов (JSON)")
    .option("--year <year>", "год для всего файла, если в нём нет столбца года", parseYear)
    .option("--region <code>", "код региона (если регионов несколько)")
    .option("--dry-run", "только проверить и посчитать изменения, ничего не записывая")
    .action((file: string, options: ImportOptions) => runCli("values", file, options));
  return command;
}
