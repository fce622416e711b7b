import { type Column, cell, columnOf, type Evaluator } from "./observation";
import { compareWithTolerance } from "./region-stats";
import type { MultiThresholdCriterion } from "./rule-set.schema";
import type { FactsTable } from "./types";

type CodeColumns = { code: string; thisYear: Column; yearBefore: Column };

function sameTwoYearsCode(
  criterion: MultiThresholdCriterion,
  columns: readonly CodeColumns[],
  school: number,
  hits: readonly { code: string }[],
): string | null {
  if (!criterion.orSameTwoYears) return null;
  for (const hit of hits) {
    const previous = cell(columns.find((c) => c.code === hit.code)?.yearBefore, school);
    if (previous !== undefined && compareWithTolerance(previous, criterion.op, criterion.value))
      return hit.code;
  }
  return null;
}

/**
 * An evaluator of a multi_threshold criterion in one year (the Rosobrnadzor risk indicator): met when
 * at least `minCount` indicators satisfy the threshold this year, or, with `orSameTwoYears`, when
 * one indicator satisfies it this year and the year before. No data when the school has no value
 * of any listed indicator this year.
 */
export function buildMultiEvaluator(
  criterion: MultiThresholdCriterion,
  table: FactsTable,
  year: number,
): Evaluator {
  const columns: CodeColumns[] = criterion.indicatorCodes.map((code) => ({
    code,
    thisYear: columnOf(table, code, year),
    yearBefore: columnOf(table, code, year - 1),
  }));
  // Shared by every school's observation (never mutated).
  const thisYearOnly = [year];
  const twoYears = [year - 1, year];
  return (school) => {
    let first: { code: string; value: number } | undefined;
    const hits: { code: string; value: number }[] = [];
    for (const { code, thisYear } of columns) {
      const value = cell(thisYear, school);
      if (value === undefined) continue;
      first ??= { code, value };
      if (compareWithTolerance(value, criterion.op, criterion.value)) hits.push({ code, value });
    }
    if (first === undefined) return null;
    const isMetByCount = hits.length >= criterion.minCount;
    const twoYearsCode = sameTwoYearsCode(criterion, columns, school, hits);
    const headline =
      (isMetByCount ? hits[0] : hits.find((hit) => hit.code === twoYearsCode)) ?? hits[0] ?? first;
    return {
      year,
      value: headline.value,
      threshold: criterion.value,
      isMet: isMetByCount || twoYearsCode !== null,
      sdWorse: null,
      multi: { hits, isMetByCount, sameTwoYearsCode: twoYearsCode, headlineCode: headline.code },
      yearsUsed: twoYearsCode !== null && !isMetByCount ? twoYears : thisYearOnly,
    };
  };
}
