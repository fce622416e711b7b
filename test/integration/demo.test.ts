import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_YEARS, generateDemoRegion } from "../../src/core/demo";
import { INDICATOR_CATALOGUE } from "../../src/core/indicators";
import { type DemoLoadSummary, loadDemoRegion } from "../../src/server/modules/demo/demo.service";
import { findValueHistory } from "../../src/server/modules/values/values.repo";
import type { Database } from "../../src/server/platform/db";
import { testEngines } from "../support/db";

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

describe.each(testEngines())("demo region data on $kind", (engine) => {
  let database: Database;
  let summary: DemoLoadSummary;
  const demo = generateDemoRegion();

  beforeAll(async () => {
    ({ database, summary } = await engine.openDemo());
  });
  afterAll(async () => {
    await database?.close();
  });

  it("seeds the whole catalogue for the region", async () => {
    expect(summary.indicators).toBe(INDICATOR_CATALOGUE.length);
    const r = await database.db.execute(
      sql`select count(*)::int as n from indicators where region_id = ${summary.regionId}`,
    );
    expect(rowsOf<{ n: number }>(r)[0]?.n).toBe(INDICATOR_CATALOGUE.length);
  });

  it("gives every school values in all three years, and the programme schools their programme year's", async () => {
    const r = await database.db.execute(sql`
      select v.year, count(distinct v.school_id)::int as schools, count(*)::int as n
      from indicator_values v join schools s on s.id = v.school_id
      where s.region_id = ${summary.regionId} group by v.year order by v.year`);
    const rows = rowsOf<{ year: number; schools: number; n: number }>(r);
    const programmeYear = Math.max(...DEMO_YEARS) + 1;
    expect(rows.map((x) => x.year)).toEqual([...DEMO_YEARS, programmeYear]);
    const outcomes = rows.find((x) => x.year === programmeYear);
    // the decisions step's outcomes of the programme year: results and targets of the programme schools only
    expect(outcomes?.n).toBe(summary.decisions.outcomeValues);
    expect(outcomes?.schools).toBeLessThan(demo.schools.length / 2);
    for (const row of rows.filter((x) => x.year !== programmeYear)) {
      expect(row.schools).toBe(demo.schools.length);
      // every school has at least the context, staffing and results indicators of its level
      expect(row.n).toBeGreaterThan(demo.schools.length * 10);
    }
    const total = await database.db.execute(sql`select count(*)::int as n from indicator_values`);
    expect(rowsOf<{ n: number }>(total)[0]?.n).toBe(summary.values + summary.decisions.outcomeValues);
  });

  it("keeps every value within its indicator's range, entered under the current version", async () => {
    const r = await database.db.execute(sql`
      select count(*)::int as n from indicator_values v
      join indicator_versions iv on iv.id = v.version_id
      where v.value < iv.min or v.value > iv.max or v.value <> v.value`);
    expect(rowsOf<{ n: number }>(r)[0]?.n).toBe(0);
    const municipal = await database.db.execute(
      sql`select count(*)::int as n from indicator_values where municipality_id is not null`,
    );
    expect(rowsOf<{ n: number }>(municipal)[0]?.n).toBeGreaterThan(0);
  });

  it("writes no history rows for its values; each value's history shows its creation from the row", async () => {
    const r = await database.db.execute(sql`select count(*)::int as n from indicator_value_history`);
    expect(rowsOf<{ n: number }>(r)[0]?.n).toBe(0);
    const [v] = rowsOf<{ id: number; indicator_id: number; school_id: number; year: number; value: number }>(
      await database.db.execute(
        sql`select id, indicator_id, school_id, year, value from indicator_values where school_id is not null limit 1`,
      ),
    );
    const history = await findValueHistory(database.db, {
      id: Number(v!.id),
      indicatorId: v!.indicator_id,
      schoolId: v!.school_id,
      municipalityId: null,
      year: v!.year,
    });
    expect(history).toEqual([
      expect.objectContaining({ id: -Number(v!.id), oldValue: null, newValue: v!.value, source: "demo" }),
    ]);
  });

  it("sets forms in several states in the latest year and accepted before", async () => {
    const latest = Math.max(...DEMO_YEARS);
    const r = await database.db.execute(sql`
      select f.year, f.status, count(*)::int as n from form_submissions f
      group by f.year, f.status`);
    const rows = rowsOf<{ year: number; status: string; n: number }>(r);
    const latestStates = new Set(rows.filter((x) => x.year === latest).map((x) => x.status));
    for (const s of ["draft", "submitted", "approved", "accepted", "returned"])
      expect(latestStates).toContain(s);
    expect(rows.filter((x) => x.year !== latest).every((x) => x.status === "accepted")).toBe(true);
    const returned = await database.db.execute(sql`
      select count(*)::int as n from form_events where to_status = 'returned' and length(message) < 3`);
    expect(rowsOf<{ n: number }>(returned)[0]?.n).toBe(0);
  });

  it("reloads without duplicating anything", async () => {
    const again = await loadDemoRegion({ db: database.db });
    expect(again.values).toBe(summary.values);
    const r = await database.db.execute(sql`select count(*)::int as n from indicator_values`);
    expect(rowsOf<{ n: number }>(r)[0]?.n).toBe(summary.values + summary.decisions.outcomeValues);
    const f = await database.db.execute(sql`select count(*)::int as n from form_submissions`);
    expect(rowsOf<{ n: number }>(f)[0]?.n).toBe(demo.schools.length * DEMO_YEARS.length);
  });
});
