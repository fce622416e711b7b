import { type RuleSet, ruleSetSchema } from "../../../core/identification";
import type { RunResult, RunSummary } from "../../../core/identification/api.schema";
import type { Db } from "../../platform/db";
import { findAllRegions, findMunicipalityNames } from "./facts.repo";
import { type IdentifyProgress, identifyRegion } from "./identify.service";
import { findRuleSets } from "./rule-set.repo";
import { parseDefinition } from "./rule-set.service";
import { type RunnableRuleSet, summarizeResults } from "./run-snapshot";
import { buildRunWorkbook } from "./run-xlsx";

/** One school in the command line's output. */
export type IdentifyCliSchool = {
  code: string;
  name: string;
  municipality: string;
  isRural: boolean;
  category: RunResult["category"];
  riskFlags: string[];
  reasons: string[];
};

/** What `opora identify` prints. */
export type IdentifyCliOutput = {
  region: { code: string; name: string };
  year: number;
  ruleSets: { name: string; category: RuleSet["category"]; source: string }[];
  schools: IdentifyCliSchool[];
  /** Region counts by category with the rural share, and the same per municipality. */
  summary: Pick<RunSummary, "total" | "municipalities">;
};

/** A rule set named on the command line: a parsed file, or an id / preset key stored in the region. */
export type RuleSpec = { kind: "file"; path: string; definition: unknown } | { kind: "stored"; ref: string };

/** The region: by code, else the only region, else the demo region. */
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
    `Укажите регион: --region КОД (${regions.map((r) => r.code).join(", ") || "регионов нет"})`,
  );
}

function fileRuleSet(spec: { path: string; definition: unknown }): RunnableRuleSet {
  const parsed = ruleSetSchema.safeParse(spec.definition);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(корень)"}: ${i.message}`);
    throw new Error(`Файл ${spec.path} — не набор правил:\n${issues.join("\n")}`);
  }
  const definition = parsed.data;
  return {
    ruleSetId: 0,
    versionId: 0,
    version: 0,
    name: definition.name,
    category: definition.category,
    riskFlag: definition.category === "risk" ? (definition.riskFlag ?? definition.name) : null,
    definition,
  };
}

/**
 * `opora identify`: evaluates rule sets (files, or rule sets stored in the region by id or preset
 * key) for a year over every school of a region. Stores nothing: a stored, approvable run is made
 * in the web interface or through the API. Returns the printed output and, when asked, an XLSX.
 */
export async function identifyFromCli(
  db: Db,
  opts: {
    regionCode?: string;
    specs: RuleSpec[];
    year: number;
    xlsx: boolean;
    onProgress?: (progress: IdentifyProgress) => void;
  },
): Promise<{ output: IdentifyCliOutput; xlsx: Buffer | null }> {
  const region = await pickRegion(db, opts.regionCode);
  const stored = await findRuleSets(db, { regionId: region.id });
  const sources: string[] = [];
  const ruleSets: RunnableRuleSet[] = opts.specs.map((spec, index) => {
    if (spec.kind === "file") {
      sources.push(`файл ${spec.path}`);
      // Files have no stored id; distinct negative ids keep their columns apart in the XLSX.
      return { ...fileRuleSet(spec), ruleSetId: -(index + 1) };
    }
    const row = stored.find((r) => String(r.id) === spec.ref || r.presetKey === spec.ref);
    if (!row) throw new Error(`В регионе ${region.code} нет набора правил «${spec.ref}» и нет такого файла`);
    const definition = parseDefinition(row);
    sources.push(`набор №${row.id}, версия ${row.version}`);
    return {
      ...fileRuleSet({ path: spec.ref, definition }),
      ruleSetId: row.id,
      versionId: row.versionId,
      version: row.version,
    };
  });
  const rows = await identifyRegion(db, {
    regionId: region.id,
    ruleSets,
    year: opts.year,
    onProgress: opts.onProgress,
  });
  const municipalityNames = await findMunicipalityNames(db, region.id);
  const results: RunResult[] = rows.map((r) => ({
    ...r,
    municipalityName: municipalityNames.get(r.municipalityId) ?? "",
  }));
  const summary = summarizeResults(0, opts.year, results);
  const output: IdentifyCliOutput = {
    region: { code: region.code, name: region.name },
    year: opts.year,
    ruleSets: ruleSets.map((r, i) => ({
      name: r.name,
      category: r.category,
      source: sources[i] ?? "",
    })),
    schools: results.map((r) => ({
      code: r.schoolCode,
      name: r.schoolName,
      municipality: r.municipalityName,
      isRural: r.isRural,
      category: r.category,
      riskFlags: r.riskFlags,
      reasons: r.reasons,
    })),
    summary: { total: summary.total, municipalities: summary.municipalities },
  };
  if (!opts.xlsx) return { output, xlsx: null };
  const xlsx = await buildRunWorkbook({
    runId: 0,
    year: opts.year,
    status: "done",
    ruleSets,
    criteria: ruleSets.flatMap((r) =>
      r.definition.criteria.map((c) => ({
        ruleSetId: r.ruleSetId,
        ruleSetName: r.name,
        criterionId: c.id,
        label: c.label ?? c.id,
      })),
    ),
    results,
    summary,
  });
  return { output, xlsx };
}
