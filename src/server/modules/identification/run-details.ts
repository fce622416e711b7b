import type { RuleSetResult, RunRuleSet } from "../../../core/identification/api.schema";
import { type CriterionColumn, MAX_YEAR_OFFSET, STATUS_OF_LETTER, VERDICT_OF_LETTER } from "./run-columns";

/** Reading a stored run: each school's results per rule set back from its status letters and the columns. */

const numberOrNull = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);

function yearsOf(mask: number, year: number): number[] {
  const years: number[] = [];
  for (let offset = MAX_YEAR_OFFSET; offset >= 0; offset--)
    if (mask & (1 << offset)) years.push(year - offset);
  return years;
}

/** A criterion's chunks, by first position, and the lookup of the chunk holding a position. */
type ChunkedCriterion = { criterionId: string; chunks: CriterionColumn[] };

function chunkAt(chunks: readonly CriterionColumn[], position: number): CriterionColumn | undefined {
  let low = 0;
  let high = chunks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const chunk = chunks[middle]!;
    if (position < chunk.firstPosition) high = middle - 1;
    else if (position >= chunk.firstPosition + chunk.verdicts.length) low = middle + 1;
    else return chunk;
  }
  return undefined;
}

function criteriaOfRuleSets(ruleSetCount: number, columns: readonly CriterionColumn[]): ChunkedCriterion[][] {
  const byRuleSet: Map<number, ChunkedCriterion>[] = Array.from({ length: ruleSetCount }, () => new Map());
  for (const column of columns) {
    const criteria = byRuleSet[column.ruleSetIndex];
    if (!criteria) continue;
    const entry = criteria.get(column.criterionIndex) ?? { criterionId: column.criterionId, chunks: [] };
    entry.chunks.push(column);
    criteria.set(column.criterionIndex, entry);
  }
  return byRuleSet.map((criteria) =>
    [...criteria.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, entry]) => ({
        ...entry,
        chunks: entry.chunks.sort((a, b) => a.firstPosition - b.firstPosition),
      })),
  );
}

/**
 * The reader of stored results: given a school's status letters and its position, its results per
 * rule set exactly as the engine produced them (rule set names from the run). `columns` must hold
 * the chunks of the positions read.
 */
export function detailsReader(
  ruleSets: readonly RunRuleSet[],
  columns: readonly CriterionColumn[],
  year: number,
): (statuses: string, position: number) => RuleSetResult[] {
  const byRuleSet = criteriaOfRuleSets(ruleSets.length, columns);
  return (statuses, position) =>
    ruleSets.map((ruleSet, r): RuleSetResult => {
      const status = STATUS_OF_LETTER[statuses.charAt(r)];
      if (!status) throw new Error(`Неизвестное состояние набора правил: «${statuses.charAt(r)}»`);
      const criteria: RuleSetResult["criteria"] = [];
      for (const criterion of byRuleSet[r] ?? []) {
        const column = chunkAt(criterion.chunks, position);
        if (!column) continue;
        const at = position - column.firstPosition;
        const verdict = VERDICT_OF_LETTER[column.verdicts.charAt(at)];
        if (!verdict) continue;
        criteria.push({
          criterionId: criterion.criterionId,
          indicatorCode: column.indicatorCodes[column.indicatorPicks[at] ?? 0] ?? "",
          value: numberOrNull(column.values[at]),
          threshold: numberOrNull(column.thresholds[at]),
          yearsUsed: yearsOf(column.yearMasks[at] ?? 0, year),
          verdict,
          sentence: column.sentences[at] ?? null,
        });
      }
      return {
        ruleSetId: ruleSet.ruleSetId,
        versionId: ruleSet.versionId,
        name: ruleSet.name,
        category: ruleSet.category,
        ...status,
        criteria,
      };
    });
}
