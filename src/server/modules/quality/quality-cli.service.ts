/**
 * `opora quality`: the report-quality flags of a region's year as JSON, and the similarity check of
 * any folder of DOCX, text and Markdown files.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_THRESHOLD, findSimilarPairs } from "../../../core/quality";
import type { QualityFlags } from "../../../shared/quality-api";
import type { Db } from "../../platform/db";
import { SYSTEM_ACTOR } from "../access/actor";
import { findAllRegions } from "../identification/facts.repo";
import { readDocxText } from "./docx-text";
import { getQualityFlags } from "./quality-flags.service";

/** The region: by code, else the only region, else the only demo region. */
async function pickRegion(db: Db, code: string | undefined) {
  const regions = await findAllRegions(db);
  if (code !== undefined) {
    const found = regions.find((r) => r.code === code);
    if (!found) throw new Error(`Регион с кодом «${code}» не найден`);
    return found;
  }
  const [only] = regions;
  if (regions.length === 1 && only) return only;
  const demo = regions.filter((r) => r.isDemo);
  if (demo.length === 1 && demo[0]) return demo[0];
  throw new Error(
    `Укажите регион: --region-code КОД (${regions.map((r) => r.code).join(", ") || "регионов нет"})`,
  );
}

/** The flags of a region's year, as the region page shows them, with the region named. */
export async function qualityFromCli(
  db: Db,
  opts: { regionCode?: string; year: number; threshold?: number },
): Promise<{ region: { code: string; name: string } } & QualityFlags> {
  const region = await pickRegion(db, opts.regionCode);
  const flags = await getQualityFlags({
    db,
    actor: SYSTEM_ACTOR,
    query: { year: opts.year, regionId: region.id, threshold: opts.threshold },
  });
  return { region: { code: region.code, name: region.name }, ...flags };
}

/** The extensions a folder's files are read for. */
const READABLE = new Set([".docx", ".txt", ".md"]);

/** A pair of files above the threshold, with the shared passages. */
export type SimilarFiles = {
  a: string;
  b: string;
  score: number;
  jaccard: number;
  passages: { a: string; b: string; words: number }[];
};

/**
 * Every pair of the folder's .docx, .txt and .md files (not its subfolders) whose MinHash estimate
 * is at or above the threshold, the most similar first. A missing path or a file is refused in Russian.
 */
export async function similarFilesInFolder(
  dir: string,
  threshold = DEFAULT_THRESHOLD,
): Promise<{ folder: string; threshold: number; files: string[]; pairs: SimilarFiles[] }> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new Error(`Папка «${dir}» не найдена`);
  if (!info.isDirectory())
    throw new Error(`«${dir}» — не папка: укажите папку с файлами .docx, .txt или .md`);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && READABLE.has(path.extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, "ru"));
  const texts = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const bytes = await readFile(file);
      let text: string;
      try {
        text =
          path.extname(name).toLowerCase() === ".docx" ? await readDocxText(bytes) : bytes.toString("utf8");
      } catch (error) {
        throw new Error(`«${name}»: ${error instanceof Error ? error.message : String(error)}`);
      }
      return { id: name, label: name, kind: "file", text };
    }),
  );
  const pairs = findSimilarPairs(texts, { threshold }).map((pair) => ({
    a: pair.a.id,
    b: pair.b.id,
    score: pair.score,
    jaccard: pair.jaccard,
    passages: pair.passages.map((p) => ({ a: p.a.text, b: p.b.text, words: p.words })),
  }));
  return { folder: dir, threshold, files: names, pairs };
}
