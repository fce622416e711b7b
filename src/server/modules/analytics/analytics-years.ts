/**
 * The year the analytics pages, a new identification run and the rule-set preview start from: the
 * latest year with data for at least half as many schools as the best-covered year. A year whose
 * collection has only begun (a few forms of the new school year entered) has values, but running on
 * it would judge almost every school «no data»; the year before it is the sensible default. `years`
 * gives, per year, how many schools have a value of the best-covered indicator. Null without data.
 */
export function defaultDataYear(years: ReadonlyMap<number, number>): number | null {
  const best = Math.max(0, ...years.values());
  if (best === 0) return null;
  const enough = [...years.entries()].filter(([, schools]) => schools * 2 >= best).map(([year]) => year);
  return Math.max(...enough);
}
