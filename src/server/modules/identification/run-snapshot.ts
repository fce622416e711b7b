import {
  combineCategories,
  evaluateRuleSet,
  type FactsTable,
  type IndicatorMeta,
  type RuleSet,
  type RuleSetEvaluation,
  type SchoolFacts,
} from "../../../core/identification";
import type {
  CategoryCounts,
  RuleSetResult,
  RunRuleSet,
  RunSummary,
} from "../../../core/identification/api.schema";
import type { RegionSchool } from "./facts.repo";
import type { ResultWrite } from "./run.repo";

/** A rule set version ready to run. */
export type RunnableRuleSet = RunRuleSet & { definition: RuleSet };

/**
 * Evaluates every rule set over the region's schools and builds the rows of the snapshot: each
 * school's category, risk flags, the sentences of the rule sets that flagged it, and every criterion
 * of every rule set. Pure: the repository feeds it.
 */
export function buildRunSnapshot(
  ruleSets: readonly RunnableRuleSet[],
  year: number,
  schools: readonly RegionSchool[],
  facts: readonly SchoolFacts[] | FactsTable,
  indicators: readonly IndicatorMeta[],
): ResultWrite[] {
  const evaluations: RuleSetEvaluation[] = ruleSets.map((r) =>
    evaluateRuleSet(r.definition, year, facts, indicators),
  );
  return assembleSnapshot(ruleSets, evaluations, schools);
}

/**
 * The rows of the snapshot from the evaluations of the rule sets (each over `schools`, in order):
 * see {@link buildRunSnapshot}.
 */
export function assembleSnapshot(
  ruleSets: readonly RunnableRuleSet[],
  evaluations: readonly RuleSetEvaluation[],
  schools: readonly RegionSchool[],
): ResultWrite[] {
  const categories = combineCategories(evaluations);
  return schools.map((school, index): ResultWrite => {
    const category = categories[index];
    if (!category || category.schoolId !== school.schoolId) throw new Error("Нарушен порядок школ");
    const details: RuleSetResult[] = ruleSets.map((ruleSet, r) => {
      const result = evaluations[r]?.schools[index];
      if (!result) throw new Error("Нет результата школы");
      return {
        ruleSetId: ruleSet.ruleSetId,
        versionId: ruleSet.versionId,
        name: ruleSet.name,
        category: ruleSet.category,
        status: result.status,
        reason: result.reason,
        criteria: result.criteria,
      };
    });
    return {
      schoolId: school.schoolId,
      municipalityId: school.municipalityId,
      schoolCode: school.code,
      schoolName: school.name,
      isRural: school.isRural,
      category: category.category,
      riskFlags: category.riskFlags,
      reasons: reasonsOf(details),
      details,
    };
  });
}

/**
 * A school's reasons: the sentences of the met criteria of the rule sets that flagged it, in rule
 * set and criterion order. A stored run keeps the sentences once, in its criteria, and reads the
 * reasons back through this.
 */
export function reasonsOf(details: readonly RuleSetResult[]): string[] {
  return details
    .filter((detail) => detail.status === "flagged")
    .flatMap((detail) => detail.criteria.flatMap((c) => (c.sentence ? [c.sentence] : [])));
}

/** A group of results to count: a category, rurality, whether risk flags are raised, and how many. */
export type CountRow = { category: string; isRural: boolean; hasRisk: boolean; n: number };

/** Counts by category with the rural share among ШНРО / ШФНСУ / both. */
export function categoryCounts(rows: readonly CountRow[]): CategoryCounts {
  const counts: CategoryCounts = {
    schools: 0,
    shnro: 0,
    shfnsu: 0,
    both: 0,
    none: 0,
    insufficientData: 0,
    flagged: 0,
    flaggedRural: 0,
    ruralShare: null,
    withRiskFlags: 0,
  };
  for (const row of rows) {
    const n = Number(row.n);
    counts.schools += n;
    if (row.hasRisk) counts.withRiskFlags += n;
    if (row.category === "shnro") counts.shnro += n;
    else if (row.category === "shfnsu") counts.shfnsu += n;
    else if (row.category === "both") counts.both += n;
    else if (row.category === "none") counts.none += n;
    else counts.insufficientData += n;
    if (row.category === "shnro" || row.category === "shfnsu" || row.category === "both") {
      counts.flagged += n;
      if (row.isRural) counts.flaggedRural += n;
    }
  }
  counts.ruralShare = counts.flagged === 0 ? null : counts.flaggedRural / counts.flagged;
  return counts;
}

/** A result as the summary reads it. */
type SummaryRow = {
  municipalityId: number;
  municipalityName: string;
  category: string;
  isRural: boolean;
  riskFlags: readonly string[];
};

/** Region and municipality counts of a set of results, municipalities by name. */
export function summarizeResults(runId: number, year: number, rows: readonly SummaryRow[]): RunSummary {
  const toCounts = (list: readonly SummaryRow[]) =>
    categoryCounts(
      list.map((r) => ({ category: r.category, isRural: r.isRural, hasRisk: r.riskFlags.length > 0, n: 1 })),
    );
  const byMunicipality = new Map<number, { name: string; rows: SummaryRow[] }>();
  for (const row of rows) {
    const entry = byMunicipality.get(row.municipalityId) ?? { name: row.municipalityName, rows: [] };
    entry.rows.push(row);
    byMunicipality.set(row.municipalityId, entry);
  }
  return {
    runId,
    year,
    total: toCounts(rows),
    municipalities: [...byMunicipality.entries()]
      .map(([municipalityId, entry]) => ({
        municipalityId,
        municipalityName: entry.name,
        ...toCounts(entry.rows),
      }))
      .sort((a, b) => a.municipalityName.localeCompare(b.municipalityName, "ru")),
  };
}
