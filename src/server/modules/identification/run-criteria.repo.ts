import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { identificationRunCriteria as criteria } from "../../db/schema";
import type { Db } from "../../platform/db";
import { decodeColumn, encodeColumn } from "./run-column-codec";
import type { CriterionColumn } from "./run-columns";

const fromBase64 = (base64: string) => sql`decode(${base64}, 'base64')`;

/** Separates the sentences of a chunk on their way to the database (none contains it). */
const SEPARATOR = "\u001f";

/**
 * A chunk's sentences as one text the database splits, an empty field standing for null: a
 * national run's megabytes of sentences then cross as one string per chunk, with no array literal
 * to quote and parse. A sentence that is empty or holds the separator goes the general way (an
 * array parameter), so nothing is lost.
 */
function sentencesSql(sentences: readonly (string | null)[]): SQL | (string | null)[] {
  const isPlain = sentences.every((s) => s === null || (s.length > 0 && !s.includes(SEPARATOR)));
  const joined = sentences.map((s) => s ?? "").join(SEPARATOR);
  // An empty text splits into no element at all, not one null.
  if (!isPlain || joined === "") return [...sentences];
  return sql`string_to_array(${joined}, chr(31), '')`;
}

/** Stores a run's criterion columns: one statement per criterion, a row per chunk of schools. */
export async function insertRunCriteria(db: Db, runId: number, columns: readonly CriterionColumn[]) {
  const byCriterion = new Map<string, CriterionColumn[]>();
  for (const column of columns) {
    const key = `${column.ruleSetIndex}:${column.criterionIndex}`;
    byCriterion.set(key, [...(byCriterion.get(key) ?? []), column]);
  }
  for (const chunks of byCriterion.values()) {
    await db.insert(criteria).values(
      chunks.map((column) => {
        const stored = encodeColumn(column);
        return {
          runId,
          ruleSetIndex: stored.ruleSetIndex,
          criterionIndex: stored.criterionIndex,
          firstPosition: stored.firstPosition,
          positionCount: stored.verdicts.length,
          criterionId: stored.criterionId,
          indicatorCodes: stored.indicatorCodes,
          indicatorPicks: fromBase64(stored.indicatorPicks),
          verdicts: stored.verdicts,
          values: fromBase64(stored.values),
          thresholds: fromBase64(stored.thresholds),
          yearMasks: fromBase64(stored.yearMasks),
          sentences: sentencesSql(stored.sentences),
        };
      }),
    );
  }
}

/** The chunks holding any of these positions. */
function holdingAny(positions: readonly number[]): SQL {
  const list = `{${positions.map((p) => Math.trunc(p)).join(",")}}`;
  return sql`exists (select 1 from unnest(${list}::int[]) as p
    where p >= ${criteria.firstPosition} and p < ${criteria.firstPosition} + ${criteria.positionCount})`;
}

/**
 * A run's criterion columns: every chunk (`positions` "all"), or the chunks holding the given
 * positions, so a school's card or a municipality's page reads a few chunks of a national run.
 */
export async function findRunCriteria(
  db: Db,
  runId: number,
  positions: readonly number[] | "all",
): Promise<CriterionColumn[]> {
  if (positions !== "all" && positions.length === 0) return [];
  const rows = await db
    .select({
      ruleSetIndex: criteria.ruleSetIndex,
      criterionIndex: criteria.criterionIndex,
      firstPosition: criteria.firstPosition,
      criterionId: criteria.criterionId,
      indicatorCodes: criteria.indicatorCodes,
      indicatorPicks: sql<string>`encode(${criteria.indicatorPicks}, 'base64')`,
      verdicts: criteria.verdicts,
      values: sql<string>`encode(${criteria.values}, 'base64')`,
      thresholds: sql<string>`encode(${criteria.thresholds}, 'base64')`,
      yearMasks: sql<string>`encode(${criteria.yearMasks}, 'base64')`,
      sentences: sql<(string | null)[]>`to_json(${criteria.sentences})`,
    })
    .from(criteria)
    .where(and(eq(criteria.runId, runId), positions === "all" ? undefined : holdingAny(positions)))
    .orderBy(asc(criteria.ruleSetIndex), asc(criteria.criterionIndex), asc(criteria.firstPosition));
  return rows.map(decodeColumn);
}
