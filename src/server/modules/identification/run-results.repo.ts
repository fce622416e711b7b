import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { SchoolCategoryName } from "../../../core/identification";
import { municipalities, identificationResults as results, schools } from "../../db/schema";
import type { Db } from "../../platform/db";
import { resultColumns } from "./run.repo";

/** The categories of ШНРО, ШФНСУ or both. */
const FLAGGED: SchoolCategoryName[] = ["shnro", "shfnsu", "both"];

/** What a page of a run's results is filtered by (see resultsQuerySchema); `scope` is over `schools`. */
export type ResultsFilter = {
  runId: number;
  scope: SQL | undefined;
  municipalityId?: number;
  /** `identified`: ШНРО, ШФНСУ, both or any risk flag; `all`: no filter. */
  categories: SchoolCategoryName[] | "identified" | "all";
  riskFlag?: string;
  anyRiskFlag?: boolean;
  /** Part of the school's name or code, matched without regard to case. */
  q?: string;
};

const hasRiskFlag = sql`jsonb_array_length(${results.riskFlags}) > 0`;

/** A LIKE pattern that matches `text` anywhere, its own `%`, `_` and `\` taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(filter: ResultsFilter): SQL | undefined {
  const { categories } = filter;
  return and(
    eq(results.runId, filter.runId),
    filter.scope,
    filter.municipalityId === undefined ? undefined : eq(results.municipalityId, filter.municipalityId),
    categories === "all"
      ? undefined
      : categories === "identified"
        ? or(inArray(results.category, FLAGGED), hasRiskFlag)
        : inArray(results.category, categories),
    filter.riskFlag === undefined
      ? undefined
      : sql`${results.riskFlags} @> ${JSON.stringify([filter.riskFlag])}::jsonb`,
    filter.anyRiskFlag ? hasRiskFlag : undefined,
    filter.q
      ? or(ilike(results.schoolName, containing(filter.q)), ilike(results.schoolCode, containing(filter.q)))
      : undefined,
  );
}

/**
 * One page of a run's results matching the filter, by municipality name then school code, and how
 * many match in all. The school's name and code are matched as the run stored them. A page of a
 * municipality's schools lies in consecutive positions, so its criteria come from a few chunks.
 */
export async function findResultsPage(
  db: Db,
  filter: ResultsFilter,
  page: { limit: number; offset: number },
) {
  const where = conditions(filter);
  const [total] = await db
    .select({ n: count() })
    .from(results)
    .innerJoin(schools, eq(schools.id, results.schoolId))
    .where(where);
  const items = await db
    .select(resultColumns)
    .from(results)
    .innerJoin(schools, eq(schools.id, results.schoolId))
    .innerJoin(municipalities, eq(municipalities.id, results.municipalityId))
    .where(where)
    .orderBy(asc(municipalities.name), asc(results.schoolCode))
    .limit(page.limit)
    .offset(page.offset);
  return { total: Number(total?.n ?? 0), items };
}
