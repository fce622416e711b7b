import { statSync } from "node:fs";
import type { Command } from "commander";
import { ZodError } from "zod";
import { seedCausesEverywhere } from "../../server/modules/causes/causes-seed.service";
import { failAbandonedJobs } from "../../server/modules/jobs/job-sweep.service";
import { type Config, loadConfig } from "../../server/platform/config";
import { type Database, openDatabase } from "../../server/platform/db";
import { AppError } from "../../server/platform/errors";

/**
 * Opens the configured database the way every command and `opora serve` do: migrations, then the
 * start-up recovery (jobs left running by a dead process are failed, their staging rows removed),
 * said on standard error when there was anything to recover.
 */
export async function openWorkDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const failed = await failAbandonedJobs(database.db);
    if (failed.length > 0) {
      const ids = failed.join(", ");
      process.stderr.write(
        `Задания, прерванные остановкой процесса, отмечены как неудавшиеся (№ ${ids}); их временные данные удалены.\n`,
      );
    }
    await seedCausesEverywhere(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Opens the configured database (PGlite in OPORA_DATA_DIR, or DATABASE_URL), runs `fn`, closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openWorkDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Prints a line to standard output. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A Node.js system error (ENOENT, EISDIR…), with the path when the call had one. */
function systemError(error: unknown): { code: string; path?: string } | undefined {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return undefined;
  if (!/^E[A-Z]+$/.test(error.code)) return undefined;
  const path = "path" in error && typeof error.path === "string" ? error.path : undefined;
  return { code: error.code, path };
}

/** The Russian sentence for a file system error, naming the path when known. */
function describeSystemError({ code, path }: { code: string; path?: string }): string | undefined {
  const at = path ? ` «${path}»` : "";
  switch (code) {
    case "ENOENT":
      return `Файл или каталог не найден:${at || " (путь не указан системой)"}`;
    case "EISDIR":
      return path ? `«${path}» — каталог, а нужен файл` : "Указан каталог, а нужен файл";
    case "ENOTDIR":
      return `Часть пути${at} — не каталог`;
    case "EACCES":
    case "EPERM":
      return `Нет доступа${at}: проверьте права на файл или каталог`;
    case "ENOSPC":
      return `Нет места на диске${at}`;
    case "EEXIST":
      return `Уже существует:${at}`;
    case "ECONNREFUSED":
      return "Сервер базы данных не отвечает (соединение отклонено): проверьте DATABASE_URL и что сервер запущен";
    default:
      return undefined;
  }
}

/**
 * What the command line prints for an error, in Russian: the message and, for a refusal, each
 * problem with its row, column or option; a file system error names the path.
 */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.issues
      .filter((issue) => issue.message !== error.message)
      .map((issue) => {
        const place = [
          issue.row === undefined ? "" : `строка ${issue.row}`,
          issue.column === undefined ? "" : `столбец «${issue.column}»`,
        ]
          .filter(Boolean)
          .join(", ");
        return `  ${place ? `${place}: ` : ""}${issue.message}`;
      });
    return [`Ошибка: ${error.message}`, ...details].join("\n");
  }
  if (error instanceof ZodError) {
    const lines = error.issues.map((i) => `  ${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
    return ["Ошибка: данные заполнены неверно", ...lines].join("\n");
  }
  const system = systemError(error);
  const described = system && describeSystemError(system);
  if (described) return `Ошибка: ${described}`;
  return `Ошибка: ${error instanceof Error ? error.message : String(error)}`;
}

/** True when the path names an existing directory. */
function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * Before a command runs: refuses a file argument or a file option (`<file>`, `--mapping <file>`,
 * `--rules <FILE|ID>`, `--out <file>`) that names a directory, with a Russian message naming it —
 * reading a directory fails later with an English EISDIR that has no path.
 */
export function refuseDirectoryArguments(command: Command): void {
  const given: { what: string; value: unknown }[] = [
    ...command.registeredArguments
      .map((argument, index) => ({ argument, value: command.processedArgs[index] }))
      .filter(({ argument }) => /file/i.test(argument.name()))
      .map(({ argument, value }) => ({ what: `аргумент <${argument.name()}>`, value })),
    ...command.options
      .filter((option) => /<[^>]*file[^>]*>/i.test(option.flags))
      .map((option) => ({
        what: `параметр ${option.long ?? option.flags}`,
        value: command.getOptionValue(option.attributeName()),
      })),
  ];
  for (const { what, value } of given) {
    if (typeof value !== "string") continue;
    const paths = isDirectory(value) ? [value] : value.split(",").map((item) => item.trim());
    const directory = paths.find((item) => item && isDirectory(item));
    if (directory) throw new Error(`«${directory}» — каталог, а нужен файл (${what})`);
  }
}
