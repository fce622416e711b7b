import { mkdtempSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeError } from "../../src/cli/commands/shared";
import { translateCommanderMessage } from "../../src/cli/russian-commander";
import { AppError } from "../../src/server/platform/errors";
import { runOpora } from "../support/cli";

/** No database is opened by these runs: commander and the file checks refuse before any command works. */
const NO_DATABASE = { OPORA_DATA_DIR: "/nonexistent/opora-data" };

describe("opora: commander's own messages in Russian", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "opora-cli-messages-"));
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: { name: string; args: string[]; stderr: RegExp }[] = [
    {
      name: "an unknown option, with a suggestion",
      args: ["import", "values", "f.csv", "--regio", "67"],
      stderr: /^Ошибка: Неизвестный параметр «--regio»\. Может быть, --region\?$/m,
    },
    {
      name: "a missing required option",
      args: ["user", "create", "--full-name", "Иванов И. И."],
      stderr: /^Ошибка: Не указан обязательный параметр --login <login>$/m,
    },
    {
      name: "a bad choice",
      args: ["user", "create", "--login", "admin", "--full-name", "Иванов И. И.", "--role", "boss"],
      stderr:
        /^Ошибка: Параметр --role <role>: недопустимое значение «boss» — допустимые значения: federal_operator, region_admin/m,
    },
    {
      name: "an unknown command",
      args: ["imprt"],
      stderr: /^Ошибка: Неизвестная команда «imprt»\. Может быть, import\?$/m,
    },
    {
      name: "a missing argument",
      args: ["import", "values"],
      stderr: /^Ошибка: Не указан обязательный аргумент «file»$/m,
    },
    {
      name: "a bad value of an option with its own check",
      args: ["identify", "--rules", "x", "--year", "20x"],
      stderr: /^Ошибка: Параметр --year <Y>: недопустимое значение «20x» — год от 2000 до 2100$/m,
    },
    {
      name: "a directory given as the file to import",
      args: ["import", "values", dir],
      stderr: new RegExp(`^Ошибка: «${dir}» — каталог, а нужен файл \\(аргумент <file>\\)$`, "m"),
    },
    {
      name: "a directory given as the mapping file",
      args: ["import", "values", "f.csv", "--mapping", dir],
      stderr: new RegExp(`^Ошибка: «${dir}» — каталог, а нужен файл \\(параметр --mapping\\)$`, "m"),
    },
    {
      name: "a directory given as the output file",
      args: ["export", "values", "--year", "2025", "--out", dir],
      stderr: new RegExp(`^Ошибка: «${dir}» — каталог, а нужен файл \\(параметр --out\\)$`, "m"),
    },
    {
      name: "a missing file to import",
      args: ["import", "values", path.join(dir, "нет-такого.csv")],
      stderr: /^Ошибка: Файл не найден: .*нет-такого\.csv$/m,
    },
  ];

  it.each(cases)("$name: exit 1, Russian, no English «error:»", async ({ args, stderr }) => {
    const run = await runOpora(args, NO_DATABASE);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toMatch(/error|Usage|Options|Did you mean|EISDIR|ENOENT/i);
    expect(run.stdout).toBe("");
  });

  it("shows the help in Russian", async () => {
    const run = await runOpora(["user", "create", "--help"], NO_DATABASE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Использование: opora user create [параметры]");
    expect(run.stdout).toContain("Параметры:");
    expect(run.stdout).toMatch(/-h, --help\s+показать справку/);
    expect(run.stdout).toMatch(/по умолчанию: "region_admin"/);
    expect(run.stdout).not.toMatch(/Usage|Options:|display help|default:|choices:/);
  });
});

describe("describeError: what the command line prints", () => {
  it("names the path of a missing file and of a directory read as a file", async () => {
    const missing = await readFile("/nonexistent/opora/файл.csv").catch((error: unknown) => error);
    expect(describeError(missing)).toBe("Ошибка: Файл или каталог не найден: «/nonexistent/opora/файл.csv»");
    const directory = await readFile(tmpdir()).catch((error: unknown) => error);
    expect(describeError(directory)).toBe("Ошибка: Указан каталог, а нужен файл");
  });

  it("lists a refusal's problems with their row and column", () => {
    const error = new AppError("invalid_input", "Файл не загружен", [
      { row: 3, column: "Год", message: "год от 2000 до 2100" },
      { message: "Файл не загружен" },
    ]);
    expect(describeError(error)).toBe(
      "Ошибка: Файл не загружен\n  строка 3, столбец «Год»: год от 2000 до 2100",
    );
  });

  it("keeps an unknown commander message, without the English prefix", () => {
    expect(translateCommanderMessage("error: something new\n")).toBe("Ошибка: something new");
    expect(translateCommanderMessage("error: too many arguments. Expected 0 arguments but got 1.\n")).toBe(
      "Ошибка: Лишние аргументы: ожидается 0, передано 1",
    );
  });
});
