import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMocReport } from "../../src/server/modules/quality/quality.repo";
import { type CliInstallation, cliInstallations, runOpora } from "../support/cli";
import { buildMunicipality, buildRegion } from "../support/factories";

const TEXT = `Муниципальный опорный центр Рославльского района в течение года сопровождал школы с низкими результатами: провёл собеседования с директорами, посетил уроки молодых учителей математики, организовал семинары по оцениванию образовательных результатов и консультации психолога для родителей обучающихся группы риска.`;
const COPY = TEXT.replace("Рославльского", "Ельнинского");
const OTHER =
  "Сельская библиотека провела летний конкурс чтецов среди младших школьников, победители получили книги и грамоты.";

/** `opora quality --similar DIR` run as a person runs it: a folder of a DOCX, a text and a Markdown file. */
describe("opora quality --similar", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "opora-quality-"));
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: TEXT.split(": ").map((part) => new Paragraph(part)) }] }),
    );
    await writeFile(path.join(dir, "рославль.docx"), docx);
    await writeFile(path.join(dir, "ельня.txt"), COPY);
    await writeFile(path.join(dir, "библиотека.md"), OTHER);
    await writeFile(path.join(dir, "таблица.csv"), TEXT);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints every pair above the threshold with its score and passages, the DOCX read as text", async () => {
    const run = await runOpora(["quality", "--similar", dir]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.files).toEqual(["библиотека.md", "ельня.txt", "рославль.docx"]);
    expect(out.threshold).toBe(0.5);
    expect(out.pairs).toHaveLength(1);
    const [pair] = out.pairs;
    expect([pair.a, pair.b]).toEqual(["ельня.txt", "рославль.docx"]);
    expect(pair.score).toBeGreaterThan(0.7);
    const longest = [...pair.passages].sort(
      (x: { words: number }, y: { words: number }) => y.words - x.words,
    )[0];
    expect(longest.a.startsWith("района в течение года сопровождал школы")).toBe(true);
    // the DOCX has its paragraphs where the text file has «: »; the words are the same
    const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    expect(words(longest.b)).toBe(words(longest.a));
  });

  it("takes a threshold: at 0,99 the pair is left out", async () => {
    const run = await runOpora(["quality", "--similar", dir, "--threshold", "0,99"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).pairs).toEqual([]);
  });

  it("refuses a missing folder and a file in Russian, exit code 1", async () => {
    const missing = await runOpora(["quality", "--similar", path.join(dir, "нет-такой")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Папка «${path.join(dir, "нет-такой")}» не найдена`);
    expect(missing.stdout).toBe("");
    const file = await runOpora(["quality", "--similar", path.join(dir, "ельня.txt")]);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain("— не папка");
    const noYear = await runOpora(["quality"]);
    expect(noYear.code).toBe(1);
    expect(noYear.stderr).toContain("Укажите --year Y");
  });
});

describe.each(cliInstallations())("opora quality --year on $kind", (installation) => {
  let cli: CliInstallation;
  let dir: string;
  beforeAll(async () => {
    cli = await installation.create();
    dir = await mkdtemp(path.join(tmpdir(), "opora-quality-year-"));
    const database = await cli.open();
    try {
      const region = await buildRegion(database.db, { code: "67" });
      await buildRegion(database.db, { code: "68" });
      for (const [name, text] of [
        ["Рославльский район", TEXT],
        ["Ельнинский район", COPY],
      ] as const) {
        const municipality = await buildMunicipality(database.db, { regionId: region.id, name });
        await insertMocReport(database.db, {
          regionId: region.id,
          municipalityId: municipality.id,
          year: 2025,
          title: `Отчёт МОЦ: ${name}`,
          sections: [{ title: "Работа", text }],
          recommendations: [{ text: "Активизировать работу", indicatorCodes: [], causeIds: [] }],
        });
      }
    } finally {
      await database.close();
    }
  }, 300_000);
  afterAll(async () => {
    await cli.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the flags of the year as JSON and writes them to --out", async () => {
    const out = path.join(dir, "flags.json");
    const run = await runOpora(["quality", "--year", "2025", "--region-code", "67", "--out", out], cli.env);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.region.code).toBe("67");
    expect(printed.flags.map((f: { kind: string }) => f.kind).sort()).toEqual([
      "duplicate",
      "unlinked_recommendation",
      "unlinked_recommendation",
    ]);
    const copy = printed.flags.find((f: { kind: string }) => f.kind === "duplicate");
    expect(copy.sentence).toMatch(/^Текст «Отчёт МОЦ: .+» совпадает с текстом «Отчёт МОЦ: .+» на \d+\u00a0%/);
    expect(JSON.parse(await readFile(out, "utf8"))).toEqual(printed);
  });

  it("asks for the region when there are several, in Russian", async () => {
    const run = await runOpora(["quality", "--year", "2025"], cli.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Укажите регион: --region-code КОД");
  });
});
