import type { RuleSetEvaluation, SchoolCategory, SchoolCategoryName } from "./types";

type Accumulator = {
  schoolId: number;
  code: string;
  isShnro: boolean;
  isShfnsu: boolean;
  /** Some ШНРО / ШФНСУ rule set could not decide for this school. */
  isUndecided: boolean;
  /** Distinct, in order of first appearance (few: an array, not a Set per school). */
  riskFlags: string[];
  flaggedBy: string[];
};

function categoryName(entry: Accumulator): SchoolCategoryName {
  if (entry.isShnro && entry.isShfnsu) return "both";
  if (entry.isShnro) return "shnro";
  if (entry.isShfnsu) return "shfnsu";
  // «none» asserts that every ШНРО/ШФНСУ rule set looked at the school and cleared it.
  if (entry.isUndecided) return "insufficient_data";
  return "none";
}

/**
 * Combines the evaluations of several rule sets for one year into each school's category:
 * ШНРО when a "shnro" rule set flags it, ШФНСУ when a "shfnsu" one does, "both" for both; when none
 * flags it, "insufficient_data" if some ШНРО/ШФНСУ rule set could not decide for it, else "none".
 * Risk rule sets add their flags and do not change the category. Schools come out in order of first
 * appearance.
 */
export function combineCategories(evaluations: readonly RuleSetEvaluation[]): SchoolCategory[] {
  const bySchool = new Map<number, Accumulator>();
  for (const evaluation of evaluations) {
    for (const result of evaluation.schools) {
      let entry = bySchool.get(result.schoolId);
      if (!entry) {
        entry = {
          schoolId: result.schoolId,
          code: result.code,
          isShnro: false,
          isShfnsu: false,
          isUndecided: false,
          riskFlags: [],
          flaggedBy: [],
        };
        bySchool.set(result.schoolId, entry);
      }
      const isFlagged = result.status === "flagged";
      if (isFlagged) entry.flaggedBy.push(evaluation.ruleSetName);
      if (evaluation.category === "risk") {
        const flag = evaluation.riskFlag ?? evaluation.ruleSetName;
        if (isFlagged && !entry.riskFlags.includes(flag)) entry.riskFlags.push(flag);
        continue;
      }
      if (isFlagged && evaluation.category === "shnro") entry.isShnro = true;
      if (isFlagged && evaluation.category === "shfnsu") entry.isShfnsu = true;
      if (result.status === "insufficient_data") entry.isUndecided = true;
    }
  }
  return [...bySchool.values()].map((entry) => ({
    schoolId: entry.schoolId,
    code: entry.code,
    category: categoryName(entry),
    riskFlags: entry.riskFlags.sort(),
    flaggedBy: entry.flaggedBy,
  }));
}

/** True for a category that puts the school in the programme (ШНРО, ШФНСУ or both). */
export function isProgrammeCategory(category: SchoolCategoryName): boolean {
  return category === "shnro" || category === "shfnsu" || category === "both";
}

/** A school's category in a run, as {@link compareRuns} reads it. */
export type RunSchoolCategory = { schoolId: number; code: string; category: SchoolCategoryName };

/** A school in a comparison of two runs, with its category in each (null when absent from a run). */
export type ComparedSchool = {
  schoolId: number;
  code: string;
  before: SchoolCategoryName | null;
  after: SchoolCategoryName | null;
};

/** Schools that entered the programme, left it, or stayed in it between two runs. */
export type RunComparison = {
  entered: ComparedSchool[];
  left: ComparedSchool[];
  /** In the programme in both runs; `before` and `after` show whether the category changed. */
  stayed: ComparedSchool[];
};

/**
 * Compares two runs (`before` the older, `after` the newer): a school entered when it is ШНРО /
 * ШФНСУ / both after but not before, left in the reverse case, stayed when it is in both. A school
 * absent from a run counts as not in the programme in it. Each list is sorted by school code.
 */
export function compareRuns(
  before: readonly RunSchoolCategory[],
  after: readonly RunSchoolCategory[],
): RunComparison {
  const all = new Map<number, ComparedSchool>();
  for (const row of before)
    all.set(row.schoolId, { schoolId: row.schoolId, code: row.code, before: row.category, after: null });
  for (const row of after) {
    const entry = all.get(row.schoolId);
    if (entry) entry.after = row.category;
    else all.set(row.schoolId, { schoolId: row.schoolId, code: row.code, before: null, after: row.category });
  }
  const comparison: RunComparison = { entered: [], left: [], stayed: [] };
  const inProgramme = (category: SchoolCategoryName | null) =>
    category !== null && isProgrammeCategory(category);
  for (const entry of all.values()) {
    const wasIn = inProgramme(entry.before);
    const isIn = inProgramme(entry.after);
    if (isIn && !wasIn) comparison.entered.push(entry);
    else if (wasIn && !isIn) comparison.left.push(entry);
    else if (wasIn && isIn) comparison.stayed.push(entry);
  }
  const byCode = (a: ComparedSchool, b: ComparedSchool) => a.code.localeCompare(b.code, "ru");
  comparison.entered.sort(byCode);
  comparison.left.sort(byCode);
  comparison.stayed.sort(byCode);
  return comparison;
}
