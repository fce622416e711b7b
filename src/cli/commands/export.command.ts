import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { SYSTEM_ACTOR } from "../../server/modules/access/actor";
import { findRegionIdByCode } from "../../server/modules/demo/demo.repo";
import { exportValues } from "../../server/modules/export/export.service";
import { findRegions } from "../../server/modules/hierarchy/hierarchy.repo";
import type { Db } from "../../server/platform/db";
import { say, withDatabase } from "./shared";

/** The region to export: the one named by code, or the only region of the installation. */
async function resolveRegion(db: Db, code: string | undefined): Promise<number> {
  if (code) {
    const id = await findRegionIdByCode(db, code);
    if (id === undefined) throw new Error(`Регион с кодом «${code}» не найден`);
    return id;
  }
  const regions = await findRegions(db, undefined);
  const [only] = regions;
  if (regions.length === 1 && only) return only.id;
  if (!regions.length) throw new Error("В базе нет регионов");
  throw new Error(`Регионов несколько, укажите --region: ${regions.map((r) => r.code).join(", ")}`);
}

/** Writes the file, saying in Russian why it cannot (a folder, a missing folder, no right to write). */
async function writeOut(out: string, buffer: Buffer): Promise<void> {
  try {
    await writeFile(out, buffer);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : undefined;
    if (code === "EISDIR") throw new Error(`--out указывает на каталог, а нужен файл .xlsx: ${out}`);
    if (code === "ENOENT") throw new Error(`Нет каталога для файла: ${path.dirname(path.resolve(out))}`);
    if (code === "EACCES" || code === "EPERM") throw new Error(`Нет прав на запись файла: ${out}`);
    throw error;
  }
}

/** Writes the year's school and municipality values of a region (by code, or the only one) to an XLSX file; returns its size. */
export async function exportValuesToFile(
  db: Db,
  opts: { year: number; out: string; regionCode?: string },
): Promise<number> {
  const regionId = await resolveRegion(db, opts.regionCode);
  const file = await exportValues({ db, actor: SYSTEM_ACTOR, year: opts.year, regionId });
  await writeOut(opts.out, file.buffer);
  return file.buffer.length;
}

/** `opora export values --year Y --out F.xlsx [--region CODE]`: the year's school and municipality values as XLSX. */
export function exportCommand(): Command {
  const values = new Command("values")
    .description("Выгрузить значения показателей школ и муниципалитетов за год в XLSX")
    .requiredOption("--year <year>", "учебный год (год окончания: 2025 — это 2024/25)")
    .requiredOption("--out <file>", "куда записать файл .xlsx")
    .option("--region <code>", "код региона (если регионов несколько)")
    .action(async (opts: { year: string; out: string; region?: string }) => {
      const year = Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new Error(`Неверный год: ${opts.year}`);
      await withDatabase(async ({ db }) => {
        const bytes = await exportValuesToFile(db, { year, out: opts.out, regionCode: opts.region });
        say(`Записано: ${opts.out} (${bytes} байт)`);
      });
    });
  return new Command("export").description("Выгрузка данных").addCommand(values);
}
