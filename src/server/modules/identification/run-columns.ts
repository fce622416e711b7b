import type { RuleSetResult, RunRuleSet } from "../../../core/identification/api.schema";
import { unpackFloat8, unpackInt4 } from "../../db/packed";

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

/** A {@link CriterionColumn} as stored: the binary columns as base64 of their big-endian bytes. */
export type StoredCriterionColumn = Omit<
  CriterionColumn,
  "indicatorPicks" | "values" | "thresholds" | "yearMasks"
> & { indicatorPicks: string; values: string; thresholds: string; yearMasks: string };

type Status = Pick<RuleSetResult, "status" | "reason">;
type Verdict = RuleSetResult["criteria"][number]["verdict"];

const STATUS_LETTERS: Record<string, Status> = {
  f: { status: "flagged", reason: null },
  n: { status: "not_flagged", reason: null },
  s: { status: "insufficient_data", reason: "small_school" },
  d: { status: "insufficient_data", reason: "no_data" },
  i: { status: "insufficient_data", reason: null },
};
const VERDICT_LETTERS: Record<Verdict, string> = { met: "m", not_met: "n", no_data: "d" };
const VERDICTS: Record<string, Verdict> = { m: "met", n: "not_met", d: "no_data" };
const NO_RESULT = "-";
/** Years further back than this from the run year do not fit a mask (windows reach back 10). */
const MAX_YEAR_OFFSET = 30;

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
      const status = STATUS_LETTERS[statuses.charAt(r)];
      if (!status) throw new Error(`Неизвестное состояние набора правил: «${statuses.charAt(r)}»`);
      const criteria: RuleSetResult["criteria"] = [];
      for (const criterion of byRuleSet[r] ?? []) {
        const column = chunkAt(criterion.chunks, position);
        if (!column) continue;
        const at = position - column.firstPosition;
        const verdict = VERDICTS[column.verdicts.charAt(at)];
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

function packBigEndian(length: number, bytes: number, write: (view: DataView, k: number) => void): string {
  const buffer = Buffer.alloc(length * bytes);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  for (let k = 0; k < length; k++) write(view, k);
  return buffer.toString("base64");
}

/** A column as stored: base64 of big-endian float8 / int4 (Postgres's send form) and of the bytes. */
export function encodeColumn(column: CriterionColumn): StoredCriterionColumn {
  const { values, thresholds, yearMasks, indicatorPicks } = column;
  return {
    ...column,
    indicatorPicks: Buffer.from(
      indicatorPicks.buffer,
      indicatorPicks.byteOffset,
      indicatorPicks.byteLength,
    ).toString("base64"),
    values: packBigEndian(values.length, 8, (view, k) => view.setFloat64(k * 8, values[k]!)),
    thresholds: packBigEndian(thresholds.length, 8, (view, k) => view.setFloat64(k * 8, thresholds[k]!)),
    yearMasks: packBigEndian(yearMasks.length, 4, (view, k) => view.setInt32(k * 4, yearMasks[k]!)),
  };
}

/** Reads a stored column back (see {@link encodeColumn}). */
export function decodeColumn(stored: StoredCriterionColumn): CriterionColumn {
  return {
    ...stored,
    indicatorPicks: new Uint8Array(Buffer.from(stored.indicatorPicks, "base64")),
    values: unpackFloat8(stored.values),
    thresholds: unpackFloat8(stored.thresholds),
    yearMasks: unpackInt4(stored.yearMasks),
  };
}
