import type { RuleSetResult } from "../../../core/identification/api.schema";

/**
 * How a stored run keeps every criterion's result: columns per criterion of each rule set, the
 * element at a school's position being that school's result (identification_run_criteria), cut in
 * chunks of consecutive positions so one school or one municipality reads a chunk, not a national
 * column; and per school one letter per rule set for its status. Pure: the repository moves the
 * columns as base64.
 */

/** Schools per stored chunk of a criterion column. */
export const CHUNK_SIZE = 512;

/**
 * One criterion of a run for consecutive schools: element i belongs to the school at position
 * `firstPosition + i`.
 */
export type CriterionColumn = {
  ruleSetIndex: number;
  criterionIndex: number;
  criterionId: string;
  firstPosition: number;
  /** The indicator codes reported; `indicatorPicks[i]` indexes into it. */
  indicatorCodes: string[];
  indicatorPicks: Uint8Array;
  /** One letter per school: m met, n not met, d no data, «-» no result (a school left out as small). */
  verdicts: string;
  /** NaN stands for null. */
  values: Float64Array;
  /** NaN stands for null. */
  thresholds: Float64Array;
  /** Bit k set when the year `run year − k` was used. */
  yearMasks: Int32Array;
  sentences: (string | null)[];
};

type Status = Pick<RuleSetResult, "status" | "reason">;
type Verdict = RuleSetResult["criteria"][number]["verdict"];

/** What each status letter stands for (see identification_results.rule_set_statuses). */
export const STATUS_OF_LETTER: Readonly<Record<string, Status>> = {
  f: { status: "flagged", reason: null },
  n: { status: "not_flagged", reason: null },
  s: { status: "insufficient_data", reason: "small_school" },
  d: { status: "insufficient_data", reason: "no_data" },
  i: { status: "insufficient_data", reason: null },
};
const VERDICT_LETTERS: Record<Verdict, string> = { met: "m", not_met: "n", no_data: "d" };
/** What each verdict letter stands for; «-»: no result. */
export const VERDICT_OF_LETTER: Readonly<Record<string, Verdict>> = { m: "met", n: "not_met", d: "no_data" };
const NO_RESULT = "-";
/** Years further back than this from the run year do not fit a mask (windows reach back 10). */
export const MAX_YEAR_OFFSET = 30;

function statusLetter({ status, reason }: Status): string {
  if (status === "flagged" && reason === null) return "f";
  if (status === "not_flagged" && reason === null) return "n";
  if (status === "insufficient_data")
    return reason === "small_school" ? "s" : reason === "no_data" ? "d" : "i";
  throw new Error(`Состояние набора правил не сохраняется: ${status} / ${reason}`);
}

function yearMask(yearsUsed: readonly number[], year: number): number {
  let mask = 0;
  for (const used of yearsUsed) {
    const offset = year - used;
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_YEAR_OFFSET) {
      throw new Error(`Год ${used} вне окна запуска за ${year} год`);
    }
    mask |= 1 << offset;
  }
  return mask;
}

/** A column being filled: the verdict letters as an array until the end, the codes by first use. */
type ColumnBuilder = { column: CriterionColumn; verdicts: string[]; codes: Map<string, number> };

function emptyColumn(
  ruleSetIndex: number,
  criterionIndex: number,
  criterionId: string,
  n: number,
): ColumnBuilder {
  return {
    column: {
      ruleSetIndex,
      criterionIndex,
      criterionId,
      firstPosition: 0,
      indicatorCodes: [],
      indicatorPicks: new Uint8Array(n),
      verdicts: "",
      values: new Float64Array(n).fill(Number.NaN),
      thresholds: new Float64Array(n).fill(Number.NaN),
      yearMasks: new Int32Array(n),
      sentences: new Array<string | null>(n).fill(null),
    },
    verdicts: new Array<string>(n).fill(NO_RESULT),
    codes: new Map(),
  };
}

/** Cuts a column into chunks of `size` consecutive schools. */
function chunksOf(column: CriterionColumn, size: number): CriterionColumn[] {
  const chunks: CriterionColumn[] = [];
  for (let from = 0; from < column.verdicts.length; from += size) {
    const to = Math.min(column.verdicts.length, from + size);
    chunks.push({
      ...column,
      firstPosition: column.firstPosition + from,
      indicatorPicks: column.indicatorPicks.subarray(from, to),
      verdicts: column.verdicts.slice(from, to),
      values: column.values.subarray(from, to),
      thresholds: column.thresholds.subarray(from, to),
      yearMasks: column.yearMasks.subarray(from, to),
      sentences: column.sentences.slice(from, to),
    });
  }
  return chunks;
}

/**
 * Turns the schools' results of a run (each school's rule set results, in position order) into the
 * status letters and the columns, in chunks of `chunkSize` schools. Throws when the schools disagree
 * on a criterion's place (the engine gives every school the criteria in rule-set order) or a year
 * lies outside the run's window.
 */
export function toRunColumns(
  schools: readonly (readonly RuleSetResult[])[],
  year: number,
  chunkSize = CHUNK_SIZE,
): { statuses: string[]; columns: CriterionColumn[] } {
  const n = schools.length;
  const building: ColumnBuilder[][] = [];
  const statuses = schools.map((details, i) => {
    let letters = "";
    details.forEach((detail, r) => {
      letters += statusLetter(detail);
      const ofRuleSet = building[r] ?? [];
      building[r] = ofRuleSet;
      detail.criteria.forEach((result, k) => {
        const entry = ofRuleSet[k] ?? emptyColumn(r, k, result.criterionId, n);
        ofRuleSet[k] = entry;
        const { column } = entry;
        if (column.criterionId !== result.criterionId) throw new Error("Нарушен порядок критериев");
        let pick = entry.codes.get(result.indicatorCode);
        if (pick === undefined) {
          pick = column.indicatorCodes.push(result.indicatorCode) - 1;
          if (pick > 255) throw new Error("Слишком много показателей у критерия");
          entry.codes.set(result.indicatorCode, pick);
        }
        column.indicatorPicks[i] = pick;
        entry.verdicts[i] = VERDICT_LETTERS[result.verdict];
        column.values[i] = result.value ?? Number.NaN;
        column.thresholds[i] = result.threshold ?? Number.NaN;
        column.yearMasks[i] = yearMask(result.yearsUsed, year);
        column.sentences[i] = result.sentence;
      });
    });
    return letters;
  });
  const columns = building.flatMap((ofRuleSet) =>
    ofRuleSet
      .filter((entry) => entry !== undefined)
      .flatMap((entry) => chunksOf({ ...entry.column, verdicts: entry.verdicts.join("") }, chunkSize)),
  );
  return { statuses, columns };
}
