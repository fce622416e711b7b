import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../src/server/platform/db";
import { type Stage, timed } from "./pipeline";

/** Runs a query and reads its rows with a schema (the two drivers agree on `{ rows }`). */
async function query<T>(db: Db, q: SQL, row: z.ZodType<T>): Promise<T[]> {
  return z.object({ rows: z.array(row) }).parse(await db.execute(q)).rows;
}

const countRow = z.object({ n: z.coerce.number() });

/**
 * Values of one indicator of a region, as a subquery over indicator_values: only schools with at
 * least `minStudents` students, as the engine judges (smaller ones are "not enough data" and stay
 * out of the region's distributions).
 */
function valuesOf(regionId: number, code: string, minStudents: number) {
  return sql`(select v.school_id, v.year, v.value from indicator_values v
    join indicators i on i.id = v.indicator_id join schools s on s.id = v.school_id
    where i.region_id = ${regionId} and i.code = ${code} and s.students >= ${minStudents})`;
}

/** A criterion computed in plain SQL: a name, the query (one row with n) and the engine's count to compare. */
export type SqlCriterion = { name: string; sql: SQL; engineCount: number };

/** «value op threshold in at least k of the last n years». */
export function thresholdKofN(o: {
  regionId: number;
  code: string;
  year: number;
  op: ">=" | "<";
  value: number;
  k: number;
  n: number;
  minStudents: number;
}) {
  const op = sql.raw(o.op);
  return sql`select count(*) as n from (select school_id from ${valuesOf(o.regionId, o.code, o.minStudents)} t
    where year between ${o.year - o.n + 1} and ${o.year} and value ${op} ${o.value}
    group by school_id having count(*) >= ${o.k}) s`;
}

/**
 * «the mean of the last n years among the worst ⌈N·p⌉ of the region» (worst = lowest); a mean needs
 * at least ⌈n/2⌉ years with data.
 */
export function bottomPercentMean(o: {
  regionId: number;
  code: string;
  year: number;
  n: number;
  percent: number;
  minStudents: number;
}) {
  return sql`with m as (select school_id, avg(value) as v from ${valuesOf(o.regionId, o.code, o.minStudents)} t
      where year between ${o.year - o.n + 1} and ${o.year} group by school_id
      having count(*) >= ${Math.ceil(o.n / 2)}),
    r as (select v, rank() over (order by v) as rk, count(*) over () as total from m)
    select count(*) as n from r where rk <= ceil(total * ${o.percent} / 100.0)`;
}

/** «the worst p% of the region in the year» (worst = highest for a lower-is-better indicator). */
export function bottomPercentYear(o: {
  regionId: number;
  code: string;
  year: number;
  percent: number;
  isLowerBetter: boolean;
  minStudents: number;
}) {
  const order = o.isLowerBetter ? sql`value desc` : sql`value`;
  return sql`with r as (select rank() over (order by ${order}) as rk, count(*) over () as total
      from ${valuesOf(o.regionId, o.code, o.minStudents)} t where year = ${o.year})
    select count(*) as n from r where rk <= ceil(total * ${o.percent} / 100.0)`;
}

/** «below the region's mean by at least k (population) standard deviations in the year». */
export function belowMeanSd(o: {
  regionId: number;
  code: string;
  year: number;
  sd: number;
  minStudents: number;
}) {
  return sql`with t as (select value, avg(value) over () as m, stddev_pop(value) over () as s
      from ${valuesOf(o.regionId, o.code, o.minStudents)} x where year = ${o.year})
    select count(*) as n from t where value <= m - ${o.sd} * s`;
}

/** Times each criterion in SQL next to the engine's count of schools meeting it. */
export async function runSqlCriteria(db: Db, criteria: SqlCriterion[]): Promise<Stage[]> {
  const stages: Stage[] = [];
  for (const c of criteria) {
    await timed(
      stages,
      `SQL: ${c.name}`,
      () => query(db, c.sql, countRow),
      (rows) => `SQL ${rows[0]?.n ?? 0} / движок ${c.engineCount}`,
    );
  }
  return stages;
}

/**
 * The contextual model with one predictor in plain SQL: regr_slope / regr_intercept / regr_r2, then
 * every school's residual and how many are below −σ (the engine's «below expected» rule, k = 1).
 */
export async function runSqlRegression(
  db: Db,
  o: { regionId: number; year: number; outcome: string; predictor: string; isHigherBetter: boolean },
  engine: { slope: number; belowCount: number },
): Promise<Stage[]> {
  const stages: Stage[] = [];
  const sign = o.isHigherBetter ? 1 : -1;
  await timed(
    stages,
    "SQL: регрессия regr_slope/regr_intercept + остатки",
    () =>
      query(
        db,
        sql`with p as (select y.school_id, y.value as y, x.value as x
            from ${valuesOf(o.regionId, o.outcome, 0)} y join ${valuesOf(o.regionId, o.predictor, 0)} x
              on x.school_id = y.school_id and x.year = y.year where y.year = ${o.year}),
          f as (select regr_slope(y, x) as b, regr_intercept(y, x) as a, regr_r2(y, x) as r2, count(*) as n from p),
          e as (select p.y - (f.a + f.b * p.x) as e, f.n from p, f),
          s as (select sqrt(sum(e * e) / (max(n) - 2)) as sigma from e)
          select f.b as slope, f.a as intercept, f.r2 as r2,
            (select count(*) from e, s where ${sign} * e.e < -s.sigma) as below from f`,
        z.object({
          slope: z.coerce.number(),
          intercept: z.coerce.number(),
          r2: z.coerce.number(),
          below: z.coerce.number(),
        }),
      ),
    (rows) =>
      `наклон SQL ${rows[0]?.slope.toFixed(4)} / движок ${engine.slope.toFixed(4)}; ниже −σ: SQL ${rows[0]?.below} / движок ${engine.belowCount}`,
  );
  return stages;
}

/** Z-scores of the clustering indicators in SQL (k-means itself has no plain-SQL form). */
export async function runSqlZScores(
  db: Db,
  o: { regionId: number; year: number; codes: string[] },
): Promise<Stage[]> {
  const stages: Stage[] = [];
  await timed(
    stages,
    "SQL: z-оценки показателей кластеризации",
    () =>
      query(
        db,
        sql`select count(*) as n from (select (v.value - avg(v.value) over (partition by v.indicator_id))
            / nullif(stddev_samp(v.value) over (partition by v.indicator_id), 0) as z
          from indicator_values v join indicators i on i.id = v.indicator_id
          where i.region_id = ${o.regionId} and v.year = ${o.year}
            and i.code in (${sql.join(
              o.codes.map((c) => sql`${c}`),
              sql`, `,
            )})) t`,
        countRow,
      ),
    (rows) => `${rows[0]?.n ?? 0} значений (k-means в SQL не считается)`,
  );
  return stages;
}
